package dev.kefu.channel.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The server's defences against slow and greedy clients, set up on Jetty: {@link SlowClients}
 * (connections per IP, a deadline for each request to arrive), {@link BodiesInFlight} (bodies
 * read at once per IP), {@link JsonErrors} (Jetty's own errors as JSON), and dispatch to a
 * request thread only once the first body bytes are in. Counters for {@code /metrics}.
 */
final class JettyGuards {
    /** How long a kept-alive connection may stay silent before Jetty closes it. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer.Connections limits;
    private final BodiesInFlight bodies;
    private volatile SlowClients slow;

    JettyGuards(HttpServer.Connections limits) {
        this.limits = limits;
        this.bodies = new BodiesInFlight(limits.bodiesPerIp());
    }

    void install(JavalinConfig config) {
        JsonErrors errors = new JsonErrors();
        config.jetty.modifyHttpConfiguration(http -> {
            http.setDelayDispatchUntilContent(true);
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(errors);
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    guard(server);
                }
            });
        });
    }

    private void guard(Server server) {
        server.insertHandler(bodies);
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                SlowClients listener = new SlowClients(limits.perIp(), limits.readDeadline().toMillis(),
                        IDLE_TIMEOUT.toMillis(), c.getScheduler());
                c.addBean(listener);
                c.addBean(bodies.arrivals());
                slow = listener;
            }
        }
    }

    /** Connections closed as they opened: their IP had as many open as it may. */
    long connectionsRefused() {
        return slow == null ? 0 : slow.refused();
    }

    /** Connections closed because a request had not arrived whole within the deadline. */
    long requestsCutOff() {
        return slow == null ? 0 : slow.cutOff();
    }

    /** Requests with a body refused (429) because their IP had as many bodies in flight as it may. */
    long bodiesRefused() {
        return bodies.refused();
    }
}
