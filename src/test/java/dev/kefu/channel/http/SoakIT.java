package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constant load on the served jar (loopback, {@code -Xmx256m}) for {@code kefu.soak.seconds}
 * (default 180): heap after GC, open file descriptors and threads must stay flat. Not part of the
 * normal run: {@code ./mvnw -Psoak verify} (or {@code -Dkefu.soak=true}).
 */
@EnabledIfSystemProperty(named = "kefu.soak", matches = "true")
class SoakIT {
    private static final List<String> MESSAGES = List.of("退款多久到账", "付款失败了", "我的账号被盗了", "忘记密码了",
            "今天天气怎么样", "提现要手续费吗", "转人工", "你好", "谢谢");
    private static final Pattern HEAP = Pattern.compile("used (\\d+)K");

    @TempDir
    Path dir;

    private record Sample(long seconds, long heapKb, long fds, long threads, long requests) {
    }

    private static Sample sample(long pid, long seconds, long requests) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), String.valueOf(pid), "GC.run");
        String info = run(jcmd.toString(), String.valueOf(pid), "GC.heap_info");
        Matcher heap = HEAP.matcher(info);
        long heapKb = heap.find() ? Long.parseLong(heap.group(1)) : -1;
        long fds;
        try (var stream = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds = stream.count();
        }
        long threads = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
        return new Sample(seconds, heapKb, fds, threads, requests);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    @Test
    void heap_descriptors_and_threads_stay_flat_under_constant_load() throws Exception {
        long seconds = Long.getLong("kefu.soak.seconds", 180);
        try (KefuProcess kefu = KefuProcess.start(dir, Map.of(),
                List.of("--rate-limit", "0", "--conversations-per-hour", "0"))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            AtomicLong requests = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    long i = client;
                    while (System.nanoTime() < end) {
                        String text = MESSAGES.get((int) (i++ % MESSAGES.size()));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(kefu.url() + "api/messages"))
                                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}")).build();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            (status == 200 ? requests : failures).incrementAndGet();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(seconds * 1000 / 6, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                samples.add(sample(kefu.pid(), (System.nanoTime() - start) / 1_000_000_000, requests.get()));
            }
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
            samples.forEach(s -> System.out.println("soak " + s));
            assertThat(failures.get()).as("failed requests").isZero();
            Sample early = samples.get(1);
            Sample last = samples.get(samples.size() - 1);
            // requests keep allocating while the GC runs: the lower of the last two samples is the floor
            long lastHeap = Math.min(last.heapKb(), samples.get(samples.size() - 2).heapKb());
            assertThat(lastHeap).as("heap after GC").isLessThan(Math.max(early.heapKb() * 3 / 2, early.heapKb() + 20_000));
            assertThat(last.fds()).as("open file descriptors").isLessThanOrEqualTo(early.fds() + 16);
            assertThat(last.threads()).as("threads").isLessThanOrEqualTo(early.threads() + 8);
        }
    }
}
