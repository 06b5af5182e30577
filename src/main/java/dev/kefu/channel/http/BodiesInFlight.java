package dev.kefu.channel.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * At most {@code perIp} requests with a body handled at once per client IP: a request thread
 * reads a body as it arrives, so a client sending many slow bodies would otherwise hold as many
 * threads. One more is 429 at once, before its body is read, and its connection closed.
 * Thread-safe.
 */
final class BodiesInFlight extends HandlerWrapper {
    private final int perIp;
    private final Map<String, AtomicInteger> reading = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    /** {@code perIp} 0: no cap. */
    BodiesInFlight(int perIp) {
        this.perIp = perIp;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (perIp == 0 || !body || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            super.handle(target, base, request, response);
            return;
        }
        String ip = request.getRemoteAddr();
        AtomicInteger count = reading.computeIfAbsent(ip, k -> new AtomicInteger());
        if (count.incrementAndGet() > perIp) {
            release(ip, count);
            refused.increment();
            base.setHandled(true);
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", "5");
            JsonErrors.write(response, 429, "too many requests with a body from this client at once (at most "
                    + perIp + "); wait for one to finish");
            return;
        }
        try {
            super.handle(target, base, request, response);
        } finally {
            release(ip, count);
        }
    }

    private void release(String ip, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            reading.remove(ip, count);
        }
    }

    long refused() {
        return refused.sum();
    }
}
