package dev.bourse.systemtest.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free port of the loopback address that forwards to a server, and can cut every connection going
 * through it (what a network failure does to a client) and refuse new ones for a while.
 */
final class TcpProxy implements AutoCloseable
{
    private final ServerSocket listening;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    TcpProxy(final int targetPort) throws IOException
    {
        this.targetPort = targetPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port()
    {
        return listening.getLocalPort();
    }

    /** Cuts every connection; with {@code refuse}, new ones are cut at once until {@link #accept(boolean)}. */
    void cut(final boolean refuse)
    {
        refusing = refuse;
        for (final Socket socket : open)
        {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Lets connections through again. */
    void accept(final boolean accept)
    {
        refusing = !accept;
    }

    private void accept()
    {
        while (!listening.isClosed())
        {
            try
            {
                final Socket client = listening.accept();
                if (refusing)
                {
                    closeQuietly(client);
                    continue;
                }
                final Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            }
            catch (final IOException ex)
            {
                // the proxy is closed
            }
        }
    }

    private void pipe(final Socket from, final Socket to)
    {
        final Thread thread = new Thread(() ->
        {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream())
            {
                in.transferTo(out);
            }
            catch (final IOException ex)
            {
                // cut
            }
            finally
            {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(final Socket socket)
    {
        try
        {
            socket.close();
        }
        catch (final IOException ignored)
        {
            // closed already
        }
    }

    @Override
    public void close() throws IOException
    {
        listening.close();
        cut(true);
    }
}
