package dev.bourse.journal;

import dev.bourse.engine.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static dev.bourse.journal.JournalFormat.RECORD_HEADER_BYTES;
import static dev.bourse.journal.JournalFormat.RECORD_LENGTH_OFFSET;
import static dev.bourse.journal.JournalFormat.RECORD_SEQUENCE_OFFSET;
import static dev.bourse.journal.JournalFormat.RECORD_TIMESTAMP_OFFSET;
import static dev.bourse.journal.JournalFormat.SEGMENT_HEADER_BYTES;

/**
 * Appends commands to the journal with group commit: {@link #append} encodes a record into an in-memory batch (no
 * I/O), {@link #commit} writes the batch with one write and forces it with one {@code FileChannel.force(false)}
 * ({@link FsyncMode#PER_BATCH}). Sequence numbers are assigned here: 1, 2, 3... without gaps.
 * <p>
 * {@code append} commits early (write and force) when the batch buffer ({@code maxBatchBytes}) would overflow, and
 * before rolling over to a new segment when the current one would grow past {@code segmentSizeBytes}; a new segment
 * is created with its header, forced, and its directory forced. Records appended but not committed are not promised:
 * a crash may lose them (they are never half-applied: recovery truncates a torn tail).
 * <p>
 * After an I/O error the writer is unusable (every call throws {@link IllegalStateException}): the state of the file
 * is unknown after a failed write or fsync, and the only safe way on is a restart, whose recovery finds the valid
 * journal. The writer holds an exclusive lock on the journal directory until {@link #close()}.
 * <p>
 * Not thread-safe: one thread (the engine thread) calls every method.
 */
public final class JournalWriter implements CommandLog, AutoCloseable
{
    private static final Logger LOGGER = LoggerFactory.getLogger(JournalWriter.class);

    private final JournalConfiguration configuration;
    private final Path directory;
    private final JournalLock lock;
    private final CommandCodec codec = new CommandCodec();
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer batch;
    private final ByteBuffer scratch;
    private FileChannel channel;
    private Path segmentPath;
    private long segmentPosition;
    private long nextSequence;
    private long committedSequence;
    private boolean unforced;
    private RuntimeException failure;
    private boolean closed;

    private JournalWriter(final JournalConfiguration configuration, final JournalLock lock, final long nextSequence)
    {
        this.configuration = configuration;
        this.directory = configuration.journalDirectory();
        this.lock = lock;
        this.batch = ByteBuffer.allocateDirect(configuration.maxBatchBytes()).order(ByteOrder.LITTLE_ENDIAN);
        this.scratch = ByteBuffer.allocate(configuration.maxRecordBytes()).order(ByteOrder.LITTLE_ENDIAN);
        this.nextSequence = nextSequence;
        this.committedSequence = nextSequence - 1;
    }

    /**
     * Opens the journal for appending without replaying it (no snapshot involved): validates the last segment,
     * truncates a torn tail (WARN log line) and continues after its last valid record. A server starts with
     * {@link JournalRecovery#recover} instead, which returns a writer.
     *
     * @param configuration the journal's configuration; its directories are created when missing.
     * @return the writer.
     * @throws JournalCorruptionException        when the last segment is damaged other than by a torn tail.
     * @throws UnsupportedFormatVersionException when a segment was written by a newer format.
     * @throws IllegalStateException             when another writer holds the directory.
     */
    public static JournalWriter open(final JournalConfiguration configuration)
    {
        final JournalLock lock = lockJournal(configuration);
        try
        {
            final Path journalDirectory = configuration.journalDirectory();
            final var segments = JournalFormat.listSegments(journalDirectory);
            final long fromSequence = segments.isEmpty() ? 1 : segments.getLast().firstSequence();
            final JournalTail tail = new JournalReader(journalDirectory, configuration.maxBatchBytes())
                .read(fromSequence, (sequence, timestampMs, command) -> {});
            return open(configuration, lock, tail, tail.lastSequence() + 1);
        }
        catch (final RuntimeException ex)
        {
            lock.close();
            throw ex;
        }
    }

    static JournalLock lockJournal(final JournalConfiguration configuration)
    {
        try
        {
            OwnerOnly.directory(configuration.journalDirectory());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return JournalLock.acquire(configuration.journalDirectory());
    }

    /**
     * Opens the writer after the tail found by a read: truncates a torn tail, and starts a new segment when
     * {@code nextSequence} does not follow the tail (a snapshot newer than the journal).
     */
    static JournalWriter open(
        final JournalConfiguration configuration, final JournalLock lock, final JournalTail tail,
        final long nextSequence)
    {
        if (nextSequence <= tail.lastSequence())
        {
            throw new IllegalArgumentException("next sequence " + nextSequence + " is not after the journal's last " +
                tail.lastSequence());
        }
        final JournalWriter writer = new JournalWriter(configuration, lock, nextSequence);
        try
        {
            writer.start(tail);
        }
        catch (final IOException ex)
        {
            writer.closeChannel();
            throw new UncheckedIOException(ex);
        }
        return writer;
    }

    private void start(final JournalTail tail) throws IOException
    {
        if (tail.segment() == null)
        {
            createSegment(nextSequence);
            return;
        }
        channel = configuration.segmentChannels()
            .open(tail.segment(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        segmentPath = tail.segment();
        final boolean headerMissing = tail.validEndOffset() < SEGMENT_HEADER_BYTES;
        if (tail.isTorn())
        {
            LOGGER.warn("Truncating torn journal tail: file={} offset={} bytes={} reason={}",
                tail.segment(), tail.validEndOffset(), tail.fileSize() - tail.validEndOffset(), tail.tornReason());
            channel.truncate(tail.validEndOffset());
        }
        if (headerMissing)
        {
            // a segment whose header never reached the disk (even an empty file): records must not follow zeros
            JournalFormat.writeFully(channel, JournalFormat.segmentHeader(tail.segmentFirstSequence()), 0);
        }
        // what recovery read may still be only in the page cache of a process that failed before forcing it:
        // force it before anything is derived from it, so that a power loss cannot take back what was recovered
        force();
        if (headerMissing && configuration.fsyncMode() == FsyncMode.PER_BATCH)
        {
            JournalFormat.forceDirectory(directory);
        }
        segmentPosition = Math.max(tail.validEndOffset(), SEGMENT_HEADER_BYTES);
        if (nextSequence != tail.lastSequence() + 1)
        {
            LOGGER.warn("The journal ends at sequence {} but the snapshot is at {}: starting a new segment at {}",
                tail.lastSequence(), nextSequence - 1, nextSequence);
            roll(nextSequence);
        }
        else if (tail.codecVersion() < CommandCodec.VERSION && tail.hasRecords())
        {
            LOGGER.info("The last journal segment {} holds commands of encoding version {}: starting a new segment " +
                "at {} for version {}", tail.segment(), tail.codecVersion(), nextSequence, CommandCodec.VERSION);
            roll(nextSequence);
        }
        else if (tail.codecVersion() < CommandCodec.VERSION)
        {
            JournalFormat.writeFully(channel, JournalFormat.segmentHeader(tail.segmentFirstSequence()), 0);
            force();
        }
    }

    /**
     * Adds a command to the batch with the next sequence number.
     *
     * @throws CommandCodecException when the command is larger than {@code maxRecordBytes} or holds a string that is
     *                               not valid Unicode: nothing was appended.
     * @throws IllegalStateException when the writer is closed or failed earlier.
     * @throws UncheckedIOException  when an early commit or a rollover fails (the writer is then failed).
     */
    @Override
    public long append(final long timestampMs, final Command command)
    {
        requireUsable();
        scratch.clear();
        final int length = codec.encode(command, scratch);
        final int recordBytes = RECORD_HEADER_BYTES + length;
        if (batch.remaining() < recordBytes)
        {
            commit();
        }
        final long pending = segmentPosition + batch.position();
        if (pending + recordBytes > configuration.segmentSizeBytes() && pending > SEGMENT_HEADER_BYTES)
        {
            commit();
            rollOrFail(nextSequence);
        }
        final int at = batch.position();
        batch.putInt(at + RECORD_LENGTH_OFFSET, length)
            .putLong(at + RECORD_SEQUENCE_OFFSET, nextSequence)
            .putLong(at + RECORD_TIMESTAMP_OFFSET, timestampMs)
            .put(at + RECORD_HEADER_BYTES, scratch, 0, length);
        batch.putInt(at, JournalFormat.recordCrc(crc, batch, at, length));
        batch.position(at + recordBytes);
        return nextSequence++;
    }

    /**
     * Writes the batch with one write and forces it ({@link FsyncMode#PER_BATCH}); a no-op when nothing was appended
     * since the last commit.
     *
     * @throws IllegalStateException when the writer is closed or failed earlier.
     * @throws UncheckedIOException  when the write or the force fails (the writer is then failed).
     */
    @Override
    public void commit()
    {
        requireUsable();
        try
        {
            if (batch.position() > 0)
            {
                batch.flip();
                final int bytes = batch.remaining();
                JournalFormat.writeFully(channel, batch, segmentPosition);
                segmentPosition += bytes;
                batch.clear();
                unforced = true;
            }
            if (unforced)
            {
                force();
                unforced = false;
            }
        }
        catch (final IOException ex)
        {
            throw fail(ex);
        }
        committedSequence = nextSequence - 1;
    }

    /** @return the sequence number of the last appended command, 0 before the first. */
    public long lastAppendedSequence()
    {
        return nextSequence - 1;
    }

    /** @return the sequence number of the last committed command: a snapshot taken now covers up to it. */
    public long lastCommittedSequence()
    {
        return committedSequence;
    }

    /** @return the segment being written. */
    public Path currentSegment()
    {
        return segmentPath;
    }

    /** Commits what was appended (unless the writer failed), closes the segment and releases the lock. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        try
        {
            if (failure == null)
            {
                commit();
            }
        }
        finally
        {
            closed = true;
            closeChannel();
        }
    }

    /**
     * Closes without writing what was appended since the last commit, and releases the lock: after a failure (of the
     * disk, or of the engine on a command already appended), so that nothing that was never committed, and answered
     * as failed, can become durable by a later commit. What an early commit wrote (a batch that filled up) stays.
     */
    public void abandon()
    {
        if (closed)
        {
            return;
        }
        batch.clear();
        closed = true;
        closeChannel();
    }

    private void closeChannel()
    {
        try
        {
            if (channel != null)
            {
                channel.close();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            channel = null;
            lock.close();
        }
    }

    private void rollOrFail(final long firstSequence)
    {
        try
        {
            roll(firstSequence);
        }
        catch (final IOException ex)
        {
            throw fail(ex);
        }
    }

    private void roll(final long firstSequence) throws IOException
    {
        channel.close();
        createSegment(firstSequence);
    }

    private void createSegment(final long firstSequence) throws IOException
    {
        final Path path = directory.resolve(JournalFormat.segmentName(firstSequence));
        channel = configuration.segmentChannels().open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        segmentPath = path;
        JournalFormat.writeFully(channel, JournalFormat.segmentHeader(firstSequence), 0);
        segmentPosition = SEGMENT_HEADER_BYTES;
        force();
        if (configuration.fsyncMode() == FsyncMode.PER_BATCH)
        {
            JournalFormat.forceDirectory(directory);
        }
        LOGGER.debug("Journal segment {} created", path);
    }

    private void force() throws IOException
    {
        if (configuration.fsyncMode() == FsyncMode.PER_BATCH)
        {
            channel.force(false);
        }
    }

    private void requireUsable()
    {
        if (closed)
        {
            throw new IllegalStateException("journal writer is closed");
        }
        if (failure != null)
        {
            throw new IllegalStateException("journal writer failed earlier: restart to recover", failure);
        }
    }

    private RuntimeException fail(final IOException ex)
    {
        failure = new UncheckedIOException("journal write failed in " + segmentPath + "; the writer is unusable", ex);
        return failure;
    }
}
