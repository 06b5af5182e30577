package dev.kefu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} binaries, a cluster made by
 * {@code initdb} in a temporary directory, listening on 127.0.0.1 on a free port, with password
 * authentication for the user {@value #USER}. As root the server runs as the {@code postgres}
 * system user (PostgreSQL refuses to run as root). Without the binaries the calling test is
 * skipped, except under {@code CI}, where it fails: {@code .ci/run} installs them.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "kefu";
    public static final String PASSWORD = "kefu-test-password";
    private static PostgresServer shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private PostgresServer(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** One server for the whole test run, stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-stop"));
        }
        return shared;
    }

    /** A server of the caller's own (which it may stop and start again), with a fresh cluster. */
    public static PostgresServer start() {
        Path bin = binaries().orElse(null);
        if (bin == null) {
            String why = "PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin "
                    + "or $KEFU_PG_BIN; install Debian's postgresql package";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why);
            }
            dev.kefu.LoudSkip.abort(why);
        }
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("kefu-pg-");
            Path passwordFile = dir.resolve("password");
            Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (asRoot) {
                run(List.of("chown", "-R", "postgres", dir.toString()), dir);
            }
            PostgresServer server = new PostgresServer(bin, dir, freePort(), asRoot);
            server.exec("initdb", "-D", server.data().toString(), "-U", USER, "--pwfile", passwordFile.toString(),
                    "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync");
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database on this server: its JDBC URL. */
    public String newDatabase() {
        String name = "kefu_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Database.Credentials credentials() {
        return new Database.Credentials(USER, PASSWORD);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: clients are disconnected). */
    public void stop() {
        exec("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the stopped server again, on the same port, with the same data. */
    public void startServer() {
        exec("pg_ctl", "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                        + " -c fsync=off", "start");
    }

    @Override
    public void close() {
        try {
            exec("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void exec(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command, dir);
    }

    private static void run(List<String> command, Path dir) {
        try {
            Path output = Files.createTempFile("kefu-pg-cmd-", ".log");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            String log = Files.readString(output);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("KEFU_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> major(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
