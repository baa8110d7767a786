package dev.bourse.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive lock on the journal directory, so that two processes never write the same journal. Idempotent close. */
final class JournalLock implements AutoCloseable
{
    static final String FILE_NAME = "writer.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another process or writer holds the lock. */
    static JournalLock acquire(final Path journalDirectory)
    {
        final Path path = journalDirectory.resolve(FILE_NAME);
        try
        {
            final FileChannel channel = OwnerOnly.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel);
            if (lock == null)
            {
                channel.close();
                throw new IllegalStateException(path + " is locked: another Bourse process uses this data directory");
            }
            return new JournalLock(channel, lock);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static FileLock tryLock(final FileChannel channel) throws IOException
    {
        try
        {
            return channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            return null;
        }
    }

    @Override
    public void close()
    {
        if (!channel.isOpen())
        {
            return;
        }
        try (channel)
        {
            lock.release();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
