package dev.kefu.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcast between the kefu instances of one PostgreSQL database: {@code pg_notify} on a pooled
 * connection to send, and one listening connection per instance (opened by the first subscriber)
 * that waits for notifications and hands them to the subscribers. A lost listening connection is
 * re-opened every second until the server answers again; what was sent meanwhile is not
 * delivered here (widgets fall back to polling the transcript). Thread-safe.
 */
final class PostgresBroadcast implements Broadcast {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBroadcast.class);
    static final String CHANNEL = "kefu_live";
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1_000;
    private static final long CHECK_NANOS = 5_000_000_000L;

    private final String url;
    private final Database.Credentials credentials;
    private final Database db;
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private Thread listener;
    private volatile boolean running = true;
    private volatile boolean connected;

    PostgresBroadcast(String url, Database.Credentials credentials, Database db) {
        this.url = url;
        this.credentials = credentials;
        this.db = db;
    }

    @Override
    public void publish(String message) {
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            LOG.warn("live event of {} characters is too large for NOTIFY; delivered on this instance only",
                    message.length());
            deliver(message);
            return;
        }
        try {
            db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    s.setString(1, CHANNEL);
                    s.setString(2, message);
                    return s.execute();
                }
            });
        } catch (StoreException e) {
            LOG.warn("live event not broadcast ({}); delivered on this instance only", e.getMessage());
            deliver(message);
        }
    }

    @Override
    public synchronized void subscribe(Consumer<String> subscriber) {
        subscribers.add(subscriber);
        if (listener == null && running) {
            listener = new Thread(this::listen, "kefu-listen");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void listen() {
        boolean reported = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                connected = true;
                if (reported) {
                    LOG.info("listening for live events again");
                    reported = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - checked > CHECK_NANOS) { // a dead server or network shows here, not in the wait
                        try (Statement s = connection.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        checked = System.nanoTime();
                    }
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (running && !reported) {
                    LOG.warn("live events from other instances are not received ({}); reconnecting every {} ms",
                            e.getMessage(), RECONNECT_MILLIS);
                    reported = true;
                }
                sleep();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (credentials.user() != null) {
            properties.setProperty("user", credentials.user());
        }
        if (credentials.password() != null) {
            properties.setProperty("password", credentials.password());
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    private void deliver(String message) {
        for (Consumer<String> subscriber : subscribers) {
            try {
                subscriber.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("live event subscriber failed: {}", e.getMessage());
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.clear();
    }
}
