package dev.kefu.channel.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * At most {@code perIp} requests per client IP whose body is still arriving while a request thread
 * waits for it: a client sending many slow bodies would otherwise hold as many threads. A body
 * that arrived whole before its request was dispatched (the usual case) is not counted, and a
 * counted one stops counting as soon as its last byte is in ({@link #arrivals}). One more is 429 at
 * once, before its body is read, and its connection closed. Thread-safe.
 */
final class BodiesInFlight extends HandlerWrapper {
    private static final String ARRIVED = "kefu.bodyArrived";
    private static final String SLOT = "kefu.bodySlot";
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
        if (request.getAttribute(ARRIVED) != null || arrivedWhole(request)) {
            super.handle(target, base, request, response);
            return;
        }
        String ip = request.getRemoteAddr();
        AtomicInteger count = reading.computeIfAbsent(ip, k -> new AtomicInteger());
        Slot slot = new Slot(ip, count);
        if (count.incrementAndGet() > perIp) {
            slot.release();
            refused.increment();
            base.setHandled(true);
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", "5");
            JsonErrors.write(response, 429, "too many requests with a body from this client at once (at most "
                    + perIp + "); wait for one to finish");
            return;
        }
        request.setAttribute(SLOT, slot);
        if (request.getAttribute(ARRIVED) != null) {
            slot.release(); // the last byte came in meanwhile
        }
        try {
            super.handle(target, base, request, response);
        } finally {
            slot.release();
        }
    }

    /** Whether all the body its Content-Length announces is in already (readable without waiting). */
    private static boolean arrivedWhole(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        try {
            return length > 0 && request.getInputStream().available() >= length;
        } catch (IOException e) {
            return false;
        }
    }

    /** Listens for the last byte of each request's body: from then on it no longer counts. */
    HttpChannel.Listener arrivals() {
        return new HttpChannel.Listener() {
            @Override
            public void onRequestEnd(Request request) {
                request.setAttribute(ARRIVED, Boolean.TRUE);
                if (request.getAttribute(SLOT) instanceof Slot slot) {
                    slot.release();
                }
            }
        };
    }

    /** One counted body; released once, whichever comes first: its last byte or the end of its request. */
    private final class Slot {
        private final String ip;
        private final AtomicInteger count;
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(String ip, AtomicInteger count) {
            this.ip = ip;
            this.count = count;
        }

        void release() {
            if (released.compareAndSet(false, true) && count.decrementAndGet() <= 0) {
                reading.remove(ip, count);
            }
        }
    }

    long refused() {
        return refused.sum();
    }
}
