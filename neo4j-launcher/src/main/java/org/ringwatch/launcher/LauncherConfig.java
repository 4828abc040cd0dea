package org.ringwatch.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's settings, read from the environment that the service passes down.
 *
 * <p>Sizes suit a 2-core / 24 GiB machine that also runs the Node service: the JVM heap is
 * set on the command line by the service (-Xmx), the page cache here.
 */
record LauncherConfig(
        Path dataDir,
        String host,
        int boltPort,
        String password,
        long pageCacheBytes,
        long transactionMemoryBytes) {

    static LauncherConfig fromEnvironment(Map<String, String> env) {
        String dataDir = required(env, "NEO4J_LAUNCHER_DATA_DIR");
        String password = required(env, "NEO4J_LAUNCHER_PASSWORD");
        if (password.length() < 8) {
            throw new IllegalArgumentException("NEO4J_LAUNCHER_PASSWORD must have at least 8 characters");
        }
        return new LauncherConfig(
                Launcher.path(dataDir),
                env.getOrDefault("NEO4J_LAUNCHER_HOST", "127.0.0.1"),
                port(env.getOrDefault("NEO4J_LAUNCHER_BOLT_PORT", "0")),
                password,
                size(env, "NEO4J_LAUNCHER_PAGECACHE", "2g"),
                size(env, "NEO4J_LAUNCHER_TX_MEMORY", "4g"));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NEO4J_LAUNCHER_BOLT_PORT must be a port number (0 for a free one), got " + value);
        }
    }

    private static long size(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback);
        try {
            return Launcher.bytes(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a size such as 512m or 2g, got " + value);
        }
    }
}
