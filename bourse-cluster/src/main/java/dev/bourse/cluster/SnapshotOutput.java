package dev.bourse.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream into the cluster's snapshot publication: the bytes go out in messages of at most the publication's
 * payload length (one frame each, so nothing needs reassembling), waiting with the cluster's idle strategy while the
 * archive is behind. The reader is {@link SnapshotInput}.
 */
final class SnapshotOutput extends OutputStream
{
    private final ExclusivePublication publication;
    private final IdleStrategy idleStrategy;
    private final UnsafeBuffer chunk;
    private int length;

    SnapshotOutput(final ExclusivePublication publication, final IdleStrategy idleStrategy)
    {
        this.publication = publication;
        this.idleStrategy = idleStrategy;
        this.chunk = new UnsafeBuffer(new byte[publication.maxPayloadLength()]);
    }

    @Override
    public void write(final int b) throws IOException
    {
        if (length == chunk.capacity())
        {
            flush();
        }
        chunk.putByte(length++, (byte)b);
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int count) throws IOException
    {
        int written = 0;
        while (written < count)
        {
            if (length == chunk.capacity())
            {
                flush();
            }
            final int part = Math.min(count - written, chunk.capacity() - length);
            chunk.putBytes(length, bytes, offset + written, part);
            length += part;
            written += part;
        }
    }

    /** Offers what is buffered as one message. */
    @Override
    public void flush() throws IOException
    {
        if (length == 0)
        {
            return;
        }
        idleStrategy.reset();
        while (true)
        {
            final long result = publication.offer(chunk, 0, length);
            if (result > 0)
            {
                length = 0;
                return;
            }
            if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
            {
                throw new IOException("the snapshot publication refused a message: " + Publication.errorString(result));
            }
            idleStrategy.idle();
        }
    }

    @Override
    public void close() throws IOException
    {
        flush();
    }
}
