package dev.kefu.channel.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded {@code target/kefu.jar} running {@code serve --port 0} as a separate process, with
 * its own database in {@code dir}. Its log goes to {@code dir/serve.log}.
 */
public final class KefuProcess implements AutoCloseable {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final Pattern READY = Pattern.compile("kefu is ready in \\d+ ms: open (http://\\S+/)");

    private final Process process;
    private final String url;
    private final Path log;

    /** Every stdout line so far; notified on each new one. */
    private final List<String> stdout;

    private KefuProcess(Process process, String url, Path log, List<String> stdout) {
        this.stdout = stdout;
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static KefuProcess start(Path dir) throws IOException, InterruptedException {
        return start(dir, Map.of());
    }

    /** Starts with extra environment variables (secrets, platform URLs). */
    static KefuProcess start(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        return start(dir, env, List.of());
    }

    /**
     * Starts with extra environment variables and extra {@code serve} options; a {@code --db} among
     * them replaces the SQLite file in {@code dir}.
     */
    public static KefuProcess start(Path dir, Map<String, String> env, List<String> options)
            throws IOException, InterruptedException {
        Path jar = Path.of("target", "kefu.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `./mvnw verify` (it packages before the ITs)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("serve.log");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx256m", "-jar", jar.toString(),
                "serve", "--port", "0"));
        if (!options.contains("--db")) {
            command.addAll(List.of("--db", "jdbc:sqlite:" + dir.resolve("kefu.db")));
        }
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        List<String> stdout = new java.util.ArrayList<>();
        Thread reader = new Thread(() -> readStdout(process, ready, stdout), "kefu-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return new KefuProcess(process, ready.get(60, TimeUnit.SECONDS), log, stdout);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("kefu serve did not become ready: " + e.getMessage()
                    + "\n" + Files.readString(log), e);
        }
    }

    /** Completes {@code ready} with the URL from the ready line, then keeps draining stdout. */
    private static void readStdout(Process process, CompletableFuture<String> ready, List<String> lines) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                Matcher matcher = READY.matcher(line);
                if (matcher.find()) {
                    ready.complete(matcher.group(1));
                }
            }
            ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready.completeExceptionally(e);
        }
    }

    /** {@code POST /api/messages} with {@code text}, continuing {@code conversationId} unless it is null. */
    public java.net.http.HttpResponse<String> say(String conversationId, String text) throws IOException, InterruptedException {
        String body = conversationId == null ? JSON.createObjectNode().put("text", text).toString()
                : JSON.createObjectNode().put("conversationId", conversationId).put("text", text).toString();
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "api/messages"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code GET path} ({@code path} without the leading slash). */
    public java.net.http.HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + path)));
    }

    private java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HTTP.send(request.timeout(java.time.Duration.ofSeconds(20)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The base URL, ending in {@code /}: {@code http://127.0.0.1:PORT/}. */
    public String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits (at most 30 s) for a stdout line starting with {@code prefix}; returns it. */
    String awaitStdout(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (stdout) {
            while (true) {
                for (String line : stdout) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no stdout line starting with '" + prefix + "' in " + stdout);
                }
                TimeUnit.NANOSECONDS.timedWait(stdout, left);
            }
        }
    }

    /** {@code kill -9}: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
