package io.switchover.production;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy in front of a database server that keeps every byte the client sends, so that a test can read, in the
 * server's own protocol, exactly what a driver sent: independent of the server's logging configuration, which a
 * test shares with every other user of the server.
 */
public final class WireRecorder implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final List<Thread> pumps = new ArrayList<>();
    private final List<ByteArrayOutputStream> sent = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    private WireRecorder(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "wire-recorder-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A recorder forwarding to the server at host:port. */
    public static WireRecorder to(String host, int port) {
        try {
            return new WireRecorder(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port clients connect to instead of the server's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** What the clients sent, one entry per connection, once each has hung up (or after 10 s). */
    public synchronized List<byte[]> sent() throws InterruptedException {
        List<Thread> running;
        synchronized (pumps) {
            running = List.copyOf(pumps);
        }
        for (Thread pump : running) {
            pump.join(10_000);
        }
        synchronized (pumps) {
            return sent.stream().map(ByteArrayOutputStream::toByteArray).toList();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                ByteArrayOutputStream record = new ByteArrayOutputStream();
                Thread up = pump(client.getInputStream(), server.getOutputStream(), record, server);
                Thread down = pump(server.getInputStream(), client.getOutputStream(), null, client);
                synchronized (pumps) {
                    sockets.add(client);
                    sockets.add(server);
                    sent.add(record);
                    pumps.add(up);
                }
                up.start();
                down.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies until the source ends, then closes the other side's output. */
    private static Thread pump(InputStream from, OutputStream to, ByteArrayOutputStream record, Socket target) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    if (record != null) {
                        synchronized (record) {
                            record.write(buffer, 0, n);
                        }
                    }
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException gone) {
                // the other side hung up
            } finally {
                try {
                    target.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "wire-recorder-pump");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (pumps) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
