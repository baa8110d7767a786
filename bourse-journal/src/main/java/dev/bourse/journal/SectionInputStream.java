package dev.bourse.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads the bytes [start, start + length) of a file through positional reads; EOF at the section's end. */
final class SectionInputStream extends InputStream
{
    private final FileChannel channel;
    private final long end;
    private long position;

    SectionInputStream(final FileChannel channel, final long start, final long length)
    {
        this.channel = channel;
        this.position = start;
        this.end = start + length;
    }

    @Override
    public int read() throws IOException
    {
        final byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(final byte[] bytes, final int offset, final int length) throws IOException
    {
        if (length == 0)
        {
            return 0;
        }
        if (position >= end)
        {
            return -1;
        }
        final int wanted = (int)Math.min(length, end - position);
        final int read = channel.read(ByteBuffer.wrap(bytes, offset, wanted), position);
        if (read < 0)
        {
            throw new IOException("file ends at " + position + " inside a section that ends at " + end);
        }
        position += read;
        return read;
    }
}
