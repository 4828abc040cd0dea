package org.ringwatch.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Runs Neo4j's offline importer ({@code neo4j-admin database import full}) into the embedded
 * store, so a first load needs no Neo4j installation either.
 *
 * <p>The store's home is NEO4J_LAUNCHER_DATA_DIR, as for {@link Launcher}, so the imported
 * database is the one the launcher opens afterwards; NEO4J_LAUNCHER_CONF_DIR holds the
 * neo4j.conf the importer reads (the service writes it). The arguments are the importer's
 * own, after {@code full}. The exit code is the importer's.
 */
public final class BulkImport {
    private BulkImport() {}

    public static void main(String[] args) throws Exception {
        String home = System.getenv("NEO4J_LAUNCHER_DATA_DIR");
        String conf = System.getenv("NEO4J_LAUNCHER_CONF_DIR");
        if (home == null || home.isBlank() || conf == null || conf.isBlank()) {
            System.err.println("NEO4J_LAUNCHER_DATA_DIR and NEO4J_LAUNCHER_CONF_DIR must be set");
            System.exit(2);
            return;
        }
        Path homeDir = Launcher.path(home);
        Path confDir = Launcher.path(conf);
        Files.createDirectories(homeDir);
        Files.createDirectories(confDir);
        String[] command = new String[args.length + 3];
        command[0] = "database";
        command[1] = "import";
        command[2] = "full";
        System.arraycopy(args, 0, command, 3, args.length);
        int code;
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            code = AdminTool.execute(new ExecutionContext(homeDir, confDir, System.out, System.err, fs), command);
        }
        System.exit(code);
    }
}
