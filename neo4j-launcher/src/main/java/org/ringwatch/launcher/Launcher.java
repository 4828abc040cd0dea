package org.ringwatch.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with the Bolt connector on loopback, so the service can
 * start its own database without a Neo4j installation.
 *
 * <p>Configuration comes from the environment (see {@link LauncherConfig}). When the database
 * is ready, exactly one JSON line starting with {"event":"ready" is printed on stdout; the
 * parent process reads the Bolt URI from it. Everything else goes to stderr or the log folder.
 *
 * <p>The process never outlives its parent: it exits when stdin reaches end-of-file (the
 * parent holds the other end of the pipe) or when the parent process is gone.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        LauncherConfig config;
        try {
            config = LauncherConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            fail("config", e.getMessage());
            return;
        }

        // From the first moment, not once ready: a parent that dies while Neo4j starts (a slow
        // start killed, a service stopped mid-restart) must not leave this JVM to finish starting.
        watchParent();
        Files.createDirectories(config.dataDir());
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(config.dataDir())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(config.host(), config.boltPort()))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, config.pageCacheBytes())
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, config.transactionMemoryBytes())
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                    .setConfig(GraphDatabaseSettings.logs_directory, config.dataDir().resolve("logs"))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .build();
        } catch (RuntimeException e) {
            fail("start", rootMessage(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        try {
            setPassword(dbms, config.password());
        } catch (RuntimeException e) {
            fail("password", rootMessage(e));
            return;
        }

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        int port = ((GraphDatabaseAPI) system).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();

        System.out.println("{\"event\":\"ready\",\"boltUri\":\"bolt://" + config.host() + ":" + port
                + "\",\"port\":" + port + ",\"pid\":" + ProcessHandle.current().pid() + "}");
        System.out.flush();
        stopped.await();
    }

    /**
     * Sets the known password on the first start (the store begins with neo4j/neo4j and a
     * forced change) and whenever the configured password changed since.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password it already has: that is the usual later start.
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /** Exits when the parent goes away, so a killed service leaves no JVM behind. */
    private static void watchParent() {
        long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        Thread stdinWatcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // The parent sends nothing; reading only detects the closed pipe.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as end-of-file.
            }
            System.exit(0);
        }, "parent-stdin-watcher");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();

        Thread pidWatcher = new Thread(() -> {
            while (true) {
                boolean alive = parentPid > 0 && ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    System.exit(0);
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parent-pid-watcher");
        pidWatcher.setDaemon(true);
        pidWatcher.start();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace('\n', ' ');
    }

    private static void fail(String stage, String message) {
        System.out.println("{\"event\":\"failed\",\"stage\":\"" + stage + "\",\"message\":\"" + jsonEscape(message) + "\"}");
        System.out.flush();
        System.exit(2);
    }

    static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static long bytes(String size) {
        return ByteUnit.parse(size);
    }

    static Path path(String value) {
        return Path.of(value).toAbsolutePath().normalize();
    }
}
