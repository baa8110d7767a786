package dev.bourse.loadgen;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * The disk's own cost of durability: appends of one 4 KiB block, each followed by {@code force(false)}, as the
 * journal does once per batch. It bounds what any server that syncs before it answers can do on this disk.
 */
public final class FsyncProbe
{
    private static final int BLOCK_BYTES = 4_096;
    private static final long MAX_FORCE_US = TimeUnit.SECONDS.toMicros(30);

    private FsyncProbe()
    {
    }

    /**
     * @param directory where to write (a file is created and deleted).
     * @param forces    how many appends, each forced.
     * @return the latency of each write and force, in microseconds.
     */
    public static Histogram measure(final Path directory, final int forces) throws IOException
    {
        final Histogram latencyUs = new Histogram(MAX_FORCE_US, 3);
        final Path file = directory.resolve("fsync-probe.bin");
        final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            for (int i = 0; i < forces; i++)
            {
                block.clear();
                final long startNs = System.nanoTime();
                while (block.hasRemaining())
                {
                    channel.write(block, (long)i * BLOCK_BYTES + block.position());
                }
                channel.force(false);
                latencyUs.recordValue(Math.min(MAX_FORCE_US, (System.nanoTime() - startNs) / 1_000));
            }
        }
        finally
        {
            Files.deleteIfExists(file);
        }
        return latencyUs;
    }
}
