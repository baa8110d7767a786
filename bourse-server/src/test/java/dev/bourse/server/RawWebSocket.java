package dev.bourse.server;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket client written on a plain socket (RFC 6455, client frames masked), for what a well-behaved client
 * library never does: not reading at all, not answering pings, a tiny receive buffer. Frames are read only when the
 * test asks.
 */
final class RawWebSocket implements AutoCloseable
{
    /** One frame received. */
    record Frame(int opcode, byte[] payload)
    {
        String text()
        {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode()
        {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        String closeReason()
        {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    /**
     * @param port              the public port.
     * @param receiveBufferSize the socket's receive buffer, set before connecting (0 for the system's).
     */
    RawWebSocket(final int port, final int receiveBufferSize) throws IOException
    {
        socket = new Socket();
        if (receiveBufferSize > 0)
        {
            socket.setReceiveBufferSize(receiveBufferSize);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout((int)StreamClient.DEADLINE_MS);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        out.write(("GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n" +
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 101");
    }

    private static String readHead(final InputStream in) throws IOException
    {
        final StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new EOFException("the upgrade answer ended early: " + head);
            }
            head.append((char)b);
        }
        return head.toString();
    }

    void sendText(final String text) throws IOException
    {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendFrame(final int opcode, final byte[] payload) throws IOException
    {
        final byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        out.write(0x80 | opcode);
        if (payload.length < 126)
        {
            out.write(0x80 | payload.length);
        }
        else if (payload.length < 65_536)
        {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        }
        else
        {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                out.write((int)((long)payload.length >>> shift) & 0xff);
            }
        }
        out.write(mask);
        final byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++)
        {
            masked[i] = (byte)(payload[i] ^ mask[i % 4]);
        }
        out.write(masked);
        out.flush();
    }

    /** @return the next frame, reading as much as it takes. */
    Frame readFrame() throws IOException
    {
        final int first = in.readUnsignedByte();
        final int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126)
        {
            length = in.readUnsignedShort();
        }
        else if (length == 127)
        {
            length = in.readLong();
        }
        final byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** @return the close frame, reading (and dropping) everything before it. */
    Frame readUntilClose() throws IOException
    {
        while (true)
        {
            final Frame frame = readFrame();
            if (frame.opcode() == CLOSE)
            {
                return frame;
            }
        }
    }

    /** @return the next text frame, skipping pings. */
    String readText() throws IOException
    {
        while (true)
        {
            final Frame frame = readFrame();
            if (frame.opcode() == TEXT)
            {
                return frame.text();
            }
            if (frame.opcode() == CLOSE)
            {
                throw new EOFException("closed " + frame.closeCode() + " " + frame.closeReason());
            }
        }
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
