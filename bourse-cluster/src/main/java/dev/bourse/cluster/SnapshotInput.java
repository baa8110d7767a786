package dev.bourse.cluster;

import io.aeron.Image;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads back what {@link SnapshotOutput} wrote, from the snapshot image the cluster replays to a starting service,
 * one message at a time, waiting with the cluster's idle strategy while the replay is behind. The end of the image is
 * the end of the stream.
 */
final class SnapshotInput extends InputStream
{
    private final Image image;
    private final IdleStrategy idleStrategy;
    private final FragmentHandler copier = this::copy;
    private byte[] chunk = new byte[0];
    private int length;
    private int position;

    SnapshotInput(final Image image, final IdleStrategy idleStrategy)
    {
        this.image = image;
        this.idleStrategy = idleStrategy;
    }

    @Override
    public int read() throws IOException
    {
        if (!fill())
        {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(final byte[] bytes, final int offset, final int count) throws IOException
    {
        if (count == 0)
        {
            return 0;
        }
        if (!fill())
        {
            return -1;
        }
        final int part = Math.min(count, length - position);
        System.arraycopy(chunk, position, bytes, offset, part);
        position += part;
        return part;
    }

    /** @return false at the end of the image; otherwise there are bytes to read. */
    private boolean fill() throws IOException
    {
        idleStrategy.reset();
        while (position == length)
        {
            if (image.isEndOfStream())
            {
                return false;
            }
            if (image.isClosed())
            {
                throw new EOFException("the snapshot image closed before its end");
            }
            idleStrategy.idle(image.poll(copier, 1));
        }
        return true;
    }

    private void copy(final DirectBuffer buffer, final int offset, final int count, final Header header)
    {
        if (chunk.length < count)
        {
            chunk = new byte[count];
        }
        buffer.getBytes(offset, chunk, 0, count);
        length = count;
        position = 0;
    }
}
