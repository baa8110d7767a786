package dev.bourse.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved client would send, over a plain socket, and reads one HTTP/1.1 answer. */
final class RawHttp
{
    /** An answer: the HTTP version of its status line, the HTTP status and the body. */
    record Response(String version, int httpStatus, String body)
    {
    }

    private RawHttp()
    {
    }

    static Response send(final int port, final String head, final byte[] body) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setSoTimeout(30_000);
            write(socket, head, body);
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends, reads one answer, then reads on until the server closes the connection (30 s at most).
     *
     * @return the answer.
     * @throws IOException when no answer comes, or the server sends more or keeps the connection open.
     */
    static Response sendExpectingClose(final int port, final String head, final byte[] body) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setSoTimeout(30_000);
            write(socket, head, body);
            final Response response = read(socket.getInputStream());
            if (!closedByPeer(socket))
            {
                throw new IOException("the connection stayed open after " + response);
            }
            return response;
        }
    }

    /** @return whether the next read finds the end of the stream (or a reset): the peer closed the connection. */
    static boolean closedByPeer(final Socket socket) throws IOException
    {
        try
        {
            return socket.getInputStream().read() < 0;
        }
        catch (final java.net.SocketException reset)
        {
            return true;
        }
    }

    private static void write(final Socket socket, final String head, final byte[] body) throws IOException
    {
        final OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null)
        {
            try
            {
                out.write(body);
            }
            catch (final IOException ignore)
            {
                // the server may answer and close before reading a body it refuses
            }
        }
        out.flush();
    }

    static Response read(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new IOException("connection closed before the end of the head: " + headBytes);
            }
            headBytes.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ?
                matched + 1 : 0;
        }
        final String head = headBytes.toString(StandardCharsets.ISO_8859_1);
        final int status = Integer.parseInt(head.substring(9, 12));
        int length = -1;
        for (final String line : head.split("\r\n"))
        {
            if (line.toLowerCase().startsWith("content-length:"))
            {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        if (length < 0)
        {
            throw new IOException("no content-length in " + head);
        }
        final byte[] body = in.readNBytes(length);
        return new Response(head.substring(0, 8), status, new String(body, StandardCharsets.UTF_8));
    }
}
