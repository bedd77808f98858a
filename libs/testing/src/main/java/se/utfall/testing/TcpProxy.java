package se.utfall.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards a local port to a target. While {@linkplain #cut() cut}, every open connection is dropped and new ones
 * are closed on accept: to a client this looks like a broker that went away.
 *
 * <p>The switch is the system property {@link #SWITCH_PROPERTY}, so tests reach it from any class loader (Quarkus
 * loads tests and test resources in different ones).
 */
public final class TcpProxy implements AutoCloseable {
    public static final String SWITCH_PROPERTY = "utfall.test.kafka.cut";
    /** The switch of the proxy in front of PostgreSQL (the services' reactive pool goes through it). */
    public static final String POSTGRES_SWITCH = "utfall.test.postgres.cut";

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final String switchProperty;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, String targetHost, int targetPort, String switchProperty) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.switchProperty = switchProperty;
    }

    /** Reserves the proxy's port (0 for any free one) before anything else can take it. */
    public static ServerSocket bind(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("localhost", port));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind port " + port, e);
        }
    }

    /** Starts forwarding connections accepted on {@code server} (see {@link #bind}) to the target. */
    public static TcpProxy start(ServerSocket server, String targetHost, int targetPort) {
        return start(server, targetHost, targetPort, SWITCH_PROPERTY);
    }

    /** As {@link #start(ServerSocket, String, int)}, switched by the system property {@code switchProperty}. */
    public static TcpProxy start(ServerSocket server, String targetHost, int targetPort, String switchProperty) {
        System.setProperty(switchProperty, "false");
        TcpProxy proxy = new TcpProxy(server, targetHost, targetPort, switchProperty);
        Thread acceptor = new Thread(proxy::acceptLoop, "proxy-accept-" + switchProperty);
        acceptor.setDaemon(true);
        acceptor.start();
        Thread watcher = new Thread(proxy::watchLoop, "proxy-watch-" + switchProperty);
        watcher.setDaemon(true);
        watcher.start();
        return proxy;
    }

    /** From any class loader: cut ({@code true}) or restore ({@code false}) the embedded broker's network. */
    public static void setCut(boolean value) {
        if (!available()) {
            throw new IllegalStateException("No embedded Kafka proxy in this JVM");
        }
        System.setProperty(SWITCH_PROPERTY, Boolean.toString(value));
    }

    public static boolean available() {
        return System.getProperty(SWITCH_PROPERTY) != null;
    }

    /** From any class loader: cut or restore the proxy switched by {@code switchProperty}. */
    public static void setCut(String switchProperty, boolean value) {
        if (System.getProperty(switchProperty) == null) {
            throw new IllegalStateException("No proxy switched by " + switchProperty + " in this JVM");
        }
        System.setProperty(switchProperty, Boolean.toString(value));
    }

    public static boolean available(String switchProperty) {
        return System.getProperty(switchProperty) != null;
    }

    /** Restores whatever a test cut, broker and database alike (for an {@code @AfterEach}). */
    public static void restoreAll() {
        for (String property : new String[] {SWITCH_PROPERTY, POSTGRES_SWITCH}) {
            if (available(property)) {
                setCut(property, false);
            }
        }
    }

    private boolean isCut() {
        return Boolean.getBoolean(switchProperty);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (isCut()) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void watchLoop() {
        while (!closed) {
            if (isCut()) {
                dropAll();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side closed
            } finally {
                quietClose(from);
                quietClose(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void dropAll() {
        for (Socket s : open) {
            quietClose(s);
        }
        open.clear();
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        dropAll();
        try {
            server.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
