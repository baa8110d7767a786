package dev.bourse.journal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/** Passes bytes through while computing their CRC32C and counting them. */
final class ChecksumOutputStream extends FilterOutputStream
{
    private final CRC32C crc = new CRC32C();
    private long count;

    ChecksumOutputStream(final OutputStream out)
    {
        super(out);
    }

    @Override
    public void write(final int b) throws IOException
    {
        out.write(b);
        crc.update(b);
        count++;
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length) throws IOException
    {
        out.write(bytes, offset, length);
        crc.update(bytes, offset, length);
        count += length;
    }

    long count()
    {
        return count;
    }

    int crc()
    {
        return (int)crc.getValue();
    }
}
