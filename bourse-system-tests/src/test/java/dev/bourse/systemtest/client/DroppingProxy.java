package dev.bourse.systemtest.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a server that relays everything, except that the first response to a request whose
 * first line starts with {@code requestPrefix} is swallowed and its connection closed: the server applied the
 * request, the client sees the connection drop without an answer (what a network failure after the request left
 * looks like). HTTP/1.1 without pipelining, so the next bytes from the server after that request are its response.
 */
final class DroppingProxy implements AutoCloseable
{
    private final ServerSocket listener;
    private final int targetPort;
    private final String requestPrefix;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicInteger matchingRequests = new AtomicInteger();

    DroppingProxy(final int targetPort, final String requestPrefix) throws IOException
    {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.requestPrefix = requestPrefix;
        final Thread acceptor = new Thread(this::accept, "dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri()
    {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** @return how many requests starting with the prefix went through to the server. */
    int matchingRequests()
    {
        return matchingRequests.get();
    }

    /** @return whether a response was swallowed. */
    boolean dropped()
    {
        return dropped.get();
    }

    private void accept()
    {
        while (!listener.isClosed())
        {
            try
            {
                final Socket client = listener.accept();
                final Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                final AtomicBoolean dropNextResponse = new AtomicBoolean();
                start(() -> relayRequests(client, server, dropNextResponse));
                start(() -> relayResponses(server, client, dropNextResponse));
            }
            catch (final IOException closed)
            {
                return;
            }
        }
    }

    private static void start(final Runnable relay)
    {
        final Thread thread = new Thread(relay, "dropping-proxy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void relayRequests(final Socket client, final Socket server, final AtomicBoolean dropNextResponse)
    {
        relay(client, server, (bytes, length) ->
        {
            if (new String(bytes, 0, length, StandardCharsets.ISO_8859_1).startsWith(requestPrefix))
            {
                matchingRequests.incrementAndGet();
                dropNextResponse.set(!dropped.get());
            }
            return true;
        });
    }

    private void relayResponses(final Socket server, final Socket client, final AtomicBoolean dropNextResponse)
    {
        relay(server, client, (bytes, length) -> !(dropNextResponse.get() && dropped.compareAndSet(false, true)));
    }

    private interface Filter
    {
        /** @return whether to pass the bytes on; false closes both sockets. */
        boolean pass(byte[] bytes, int length);
    }

    private static void relay(final Socket from, final Socket to, final Filter filter)
    {
        final byte[] buffer = new byte[65_536];
        try (from; to)
        {
            final InputStream in = from.getInputStream();
            final OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer))
            {
                if (!filter.pass(buffer, read))
                {
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (final IOException closed)
        {
            // the other side closed: so does this relay
        }
    }

    @Override
    public void close() throws IOException
    {
        listener.close();
    }
}
