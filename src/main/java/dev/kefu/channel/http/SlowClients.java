package dev.kefu.channel.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What one client can hold of the server's sockets (a Jetty connection and request listener): at
 * most {@code perIp} open connections per client IP (more are closed as they open); a request's
 * headers must arrive within {@code readDeadline} of the connection opening or of the previous
 * response, and a body not all in when the request is handed to a thread must arrive within
 * {@code readDeadline} from then (a client that trickles a byte every few seconds is cut off). A kept-alive connection waiting for its next request also gets the idle timeout on top.
 * Thread-safe.
 */
final class SlowClients implements Connection.Listener, HttpChannel.Listener {
    private final int perIp;
    private final long deadlineMillis;
    private final long keepAliveMillis;
    private final Scheduler scheduler;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<EndPoint, Scheduler.Task> deadlines = new ConcurrentHashMap<>();
    private final Map<Connection, String> counted = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();
    private final LongAdder cutOff = new LongAdder();

    /** {@code perIp} 0: no cap; {@code keepAliveMillis}: the connector's idle timeout. */
    SlowClients(int perIp, long deadlineMillis, long keepAliveMillis, Scheduler scheduler) {
        this.perIp = perIp;
        this.deadlineMillis = deadlineMillis;
        this.keepAliveMillis = keepAliveMillis;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        String ip = ip(endPoint.getRemoteSocketAddress());
        AtomicInteger count = open.computeIfAbsent(ip, k -> new AtomicInteger());
        if (perIp > 0 && count.incrementAndGet() > perIp) {
            count.decrementAndGet();
            refused.increment();
            endPoint.close();
            return;
        }
        counted.put(connection, ip);
        arm(endPoint, deadlineMillis);
    }

    @Override
    public void onClosed(Connection connection) {
        Scheduler.Task task = deadlines.remove(connection.getEndPoint());
        if (task != null) {
            task.cancel();
        }
        String ip = counted.remove(connection);
        if (ip != null) {
            open.computeIfPresent(ip, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** The headers are in: a request without a body, or whose body is in too, has beaten its deadline. */
    @Override
    public void onRequestBegin(Request request) {
        cancel(request);
    }

    /**
     * About to be handed to a thread: a body still arriving gets the deadline again (a request
     * waiting for a free thread with its body all in is not cut off, however busy the server is).
     */
    @Override
    public void onBeforeDispatch(Request request) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return;
        }
        try {
            if (!chunked && request.getInputStream().available() >= length) {
                return;
            }
        } catch (java.io.IOException e) {
            return; // the connection is failing anyway
        }
        EndPoint endPoint = request.getHttpChannel().getEndPoint();
        if (endPoint.isOpen()) {
            arm(endPoint, deadlineMillis);
        }
    }

    private void cancel(Request request) {
        Scheduler.Task task = deadlines.remove(request.getHttpChannel().getEndPoint());
        if (task != null) {
            task.cancel();
        }
    }

    /** Headers and body are all in: this request beat its deadline. */
    @Override
    public void onRequestEnd(Request request) {
        cancel(request);
    }

    /** The response is sent: the next request on this connection has its own deadline, after the idle time. */
    @Override
    public void onComplete(Request request) {
        EndPoint endPoint = request.getHttpChannel().getEndPoint();
        if (endPoint.isOpen()) {
            arm(endPoint, keepAliveMillis + deadlineMillis);
        }
    }

    private void arm(EndPoint endPoint, long millis) {
        Scheduler.Task previous = deadlines.put(endPoint, scheduler.schedule(() -> {
            if (deadlines.remove(endPoint) != null && endPoint.isOpen()) {
                cutOff.increment();
                endPoint.close();
            }
        }, millis, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel();
        }
    }

    /** Connections closed as they opened, because their IP had {@code perIp} open already. */
    long refused() {
        return refused.sum();
    }

    /** Connections closed because a request did not arrive whole in time. */
    long cutOff() {
        return cutOff.sum();
    }

    static String ip(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
