package dev.bourse.journal;

import dev.bourse.engine.command.Command;
import dev.bourse.journal.JournalFormat.Segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

import static dev.bourse.journal.JournalFormat.MAX_PAYLOAD_BYTES;
import static dev.bourse.journal.JournalFormat.RECORD_CRC_OFFSET;
import static dev.bourse.journal.JournalFormat.RECORD_HEADER_BYTES;
import static dev.bourse.journal.JournalFormat.RECORD_LENGTH_OFFSET;
import static dev.bourse.journal.JournalFormat.RECORD_SEQUENCE_OFFSET;
import static dev.bourse.journal.JournalFormat.RECORD_TIMESTAMP_OFFSET;
import static dev.bourse.journal.JournalFormat.SEGMENT_HEADER_BYTES;

/**
 * Reads the journal: validates every segment header, then every record from the segment that holds the requested
 * sequence number to the end, and finds where the valid part ends. Changes nothing on disk.
 *
 * <h2>Torn tail</h2>
 * An invalid record at offset X of the last segment is a torn write (reported in {@link JournalTail}, to be
 * truncated by the writer) when the bytes from X to the end of the file are no more than {@code maxTornBytes} (one
 * commit never leaves more unsynced) and either: fewer than 24 bytes remain (partial header); or its length is valid
 * and the record runs past the end of the file (partial payload); or its CRC does not match and the record ends at
 * the end of the file or only zero bytes follow it (unwritten blocks read as zeros after a power loss); or its length
 * is invalid and only zero bytes follow the length field. A last segment shorter than its header, or whose header is
 * all zeros, is a torn segment creation.
 * <p>
 * Anything else is a {@link JournalCorruptionException} naming the file and offset: an invalid record with more data
 * after it, any invalid record in a segment that is not the last, a gap or repeat in sequence numbers (within or
 * between segments), a bad segment header, records missing before the first segment.
 * <p>
 * A reader remembers where its last read stopped: a next read from that sequence on starts there instead of at the
 * beginning of the segment, so a follower that reads the journal range after range does not scan a segment again
 * (every record is still checked once). Not thread-safe.
 */
public final class JournalReader
{
    /** Progress of a read, called every {@link #PROGRESS_RECORDS} records and at the end. */
    @FunctionalInterface
    interface ProgressListener
    {
        ProgressListener NONE = (records, bytesScanned, totalBytes) -> {};

        void onProgress(long records, long bytesScanned, long totalBytes);
    }

    static final int PROGRESS_RECORDS = 4096;
    private static final int TORN_HEADER = 0;

    private enum Damage
    {
        PARTIAL_HEADER, BAD_LENGTH, PARTIAL_PAYLOAD, CRC_MISMATCH
    }

    private record SegmentEnd(long nextSequence, long validEndOffset, long fileSize, String tornReason)
    {
    }

    /** Where the last read stopped: the next record's segment, offset and sequence. */
    private record Position(Path segment, int offset, long nextSequence)
    {
    }

    private final Path directory;
    private final int maxTornBytes;
    private final CommandCodec codec = new CommandCodec();
    private final CRC32C crc = new CRC32C();
    private long recordsDelivered;
    private long bytesScanned;
    private long toSequence;
    private Position position;

    /**
     * @param directory    the journal directory (segments); it need not exist.
     * @param maxTornBytes the largest torn tail accepted: the writer's {@code maxBatchBytes}.
     */
    public JournalReader(final Path directory, final int maxTornBytes)
    {
        this.directory = directory;
        this.maxTornBytes = maxTornBytes;
    }

    /**
     * Delivers every record with a sequence number of at least {@code fromSequence}, in order, and returns where
     * the valid journal ends. Records before {@code fromSequence} in the same segment are validated, not delivered.
     *
     * @param fromSequence the first sequence number wanted, at least 1.
     * @param handler      receives the records.
     * @return the tail of the journal.
     * @throws JournalCorruptionException         when the journal is damaged other than by a torn tail, or records
     *                                            from {@code fromSequence} on are missing at its start.
     * @throws UnsupportedFormatVersionException  when a segment was written by a newer format.
     * @throws UncheckedIOException               when reading fails.
     */
    public JournalTail read(final long fromSequence, final RecordHandler handler)
    {
        return read(fromSequence, handler, ProgressListener.NONE);
    }

    /**
     * Delivers the records from {@code fromSequence} to {@code toSequence} inclusive, in order, and looks at nothing
     * after them: the journal may be written beyond {@code toSequence} at the same time (a snapshot made from the
     * journal while the server runs). Every record up to {@code toSequence} must be committed.
     *
     * @param fromSequence the first sequence number wanted, at least 1.
     * @param toSequence   the last sequence number wanted, at least {@code fromSequence - 1}.
     * @param handler      receives the records.
     * @throws JournalCorruptionException when a record of the range is damaged or missing.
     * @throws UncheckedIOException       when reading fails.
     */
    public void readRange(final long fromSequence, final long toSequence, final RecordHandler handler)
    {
        if (toSequence < fromSequence - 1)
        {
            throw new IllegalArgumentException("toSequence " + toSequence + " is before fromSequence " + fromSequence);
        }
        if (toSequence < fromSequence)
        {
            return;
        }
        final JournalTail tail = read(fromSequence, toSequence, handler, ProgressListener.NONE);
        if (tail.lastSequence() < toSequence)
        {
            throw new JournalCorruptionException(tail.segment() == null ? directory : tail.segment(),
                tail.validEndOffset(), "the journal ends at sequence " +
                tail.lastSequence() + " but records up to " + toSequence + " were committed");
        }
    }

    JournalTail read(final long fromSequence, final RecordHandler handler, final ProgressListener progress)
    {
        return read(fromSequence, Long.MAX_VALUE, handler, progress);
    }

    private JournalTail read(
        final long fromSequence, final long toSequence, final RecordHandler handler, final ProgressListener progress)
    {
        if (fromSequence < 1)
        {
            throw new IllegalArgumentException("fromSequence must be at least 1: " + fromSequence);
        }
        this.toSequence = toSequence;
        recordsDelivered = 0;
        bytesScanned = 0;
        try
        {
            return readSegments(JournalFormat.listSegments(directory), fromSequence, handler, progress);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private JournalTail readSegments(
        final List<Segment> segments, final long fromSequence, final RecordHandler handler,
        final ProgressListener progress) throws IOException
    {
        if (segments.isEmpty())
        {
            return JournalTail.EMPTY;
        }
        final int lastIndex = segments.size() - 1;
        final int[] codecVersions = new int[segments.size()];
        for (int i = 0; i <= lastIndex; i++)
        {
            codecVersions[i] = checkHeader(segments.get(i), i == lastIndex);
        }
        final boolean lastHeaderTorn = codecVersions[lastIndex] == TORN_HEADER;
        final int startIndex = startIndex(segments, fromSequence);
        long totalBytes = 0;
        for (int i = startIndex; i <= lastIndex; i++)
        {
            totalBytes += sizeOf(segments.get(i).path());
        }
        long expectedSequence = segments.get(startIndex).firstSequence();
        int startOffset = SEGMENT_HEADER_BYTES;
        if (position != null && position.segment().equals(segments.get(startIndex).path()) &&
            position.nextSequence() <= fromSequence)
        {
            expectedSequence = position.nextSequence();
            startOffset = position.offset();
        }
        SegmentEnd end = null;
        for (int i = startIndex; i <= lastIndex && expectedSequence <= toSequence; i++)
        {
            final Segment segment = segments.get(i);
            if (startOffset == SEGMENT_HEADER_BYTES && segment.firstSequence() != expectedSequence)
            {
                throw new JournalCorruptionException(segment.path(), 0, "segment starts at sequence " +
                    segment.firstSequence() + " but the previous one ends at " + (expectedSequence - 1) +
                    (segment.firstSequence() > expectedSequence ? " (gap)" : " (overlap)"));
            }
            end = i == lastIndex && lastHeaderTorn ?
                new SegmentEnd(expectedSequence, 0, sizeOf(segment.path()), "torn segment header") :
                scanSegment(segment, codecVersions[i], i == lastIndex, expectedSequence, startOffset, fromSequence,
                    handler, progress, totalBytes);
            expectedSequence = end.nextSequence();
            startOffset = SEGMENT_HEADER_BYTES;
        }
        progress.onProgress(recordsDelivered, totalBytes, totalBytes);
        final Segment last = segments.get(lastIndex);
        return new JournalTail(last.path(), last.firstSequence(), end.validEndOffset(), end.fileSize(),
            expectedSequence - 1, end.tornReason(), lastHeaderTorn ? CommandCodec.VERSION : codecVersions[lastIndex]);
    }

    private static int startIndex(final List<Segment> segments, final long fromSequence)
    {
        final Segment first = segments.getFirst();
        if (first.firstSequence() > fromSequence)
        {
            throw new JournalCorruptionException(first.path(), 0, "the journal starts at sequence " +
                first.firstSequence() + " but records from " + fromSequence + " are needed: they are missing (" +
                "pruned without a snapshot that covers them, or deleted)");
        }
        int index = 0;
        for (int i = 1; i < segments.size() && segments.get(i).firstSequence() <= fromSequence; i++)
        {
            index = i;
        }
        return index;
    }

    /**
     * @return the segment's command encoding version, or {@link #TORN_HEADER} when this is the last segment and its
     * header is torn (too short or all zeros).
     */
    private static int checkHeader(final Segment segment, final boolean last) throws IOException
    {
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ))
        {
            final ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            final boolean complete = JournalFormat.readFully(channel, header, 0);
            if (last && (!complete || isAllZero(header, 0, SEGMENT_HEADER_BYTES)))
            {
                return TORN_HEADER;
            }
            if (!complete)
            {
                throw new JournalCorruptionException(segment.path(), 0, "segment shorter than its header (" +
                    channel.size() + " bytes)");
            }
            return JournalFormat.verifySegmentHeader(segment, header);
        }
    }

    private SegmentEnd scanSegment(
        final Segment segment, final int codecVersion, final boolean last, final long startSequence,
        final int startOffset, final long fromSequence, final RecordHandler handler, final ProgressListener progress,
        final long totalBytes) throws IOException
    {
        final Path path = segment.path();
        final MappedByteBuffer buffer;
        final long size;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            size = channel.size();
            if (size > Integer.MAX_VALUE)
            {
                throw new JournalCorruptionException(path, 0, "segment of " + size + " bytes is larger than 2 GiB");
            }
            buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        final int limit = (int)size;
        long expectedSequence = startSequence;
        int offset = startOffset;
        final int maxRecords = limit / (RECORD_HEADER_BYTES + 1) + 1;
        for (int records = 0; offset < limit && records < maxRecords && expectedSequence <= toSequence; records++)
        {
            final Damage damage = damageAt(buffer, offset, limit);
            if (damage != null)
            {
                final String reason = describe(damage, buffer, offset, limit);
                if (last && isTorn(damage, buffer, offset, limit))
                {
                    return new SegmentEnd(expectedSequence, offset, size, reason);
                }
                throw new JournalCorruptionException(path, offset, reason + corruptionContext(last, offset, limit));
            }
            final int length = buffer.getInt(offset + RECORD_LENGTH_OFFSET);
            final long sequence = buffer.getLong(offset + RECORD_SEQUENCE_OFFSET);
            if (sequence != expectedSequence)
            {
                throw new JournalCorruptionException(path, offset, "record has sequence " + sequence + " where " +
                    expectedSequence + " was expected (" + (sequence > expectedSequence ? "gap" : "repeat") + ")");
            }
            if (sequence >= fromSequence)
            {
                deliver(segment, codecVersion, buffer, offset, length, handler);
                if (recordsDelivered % PROGRESS_RECORDS == 0)
                {
                    progress.onProgress(recordsDelivered, bytesScanned + offset, totalBytes);
                }
            }
            expectedSequence++;
            offset += RECORD_HEADER_BYTES + length;
        }
        bytesScanned += size;
        position = new Position(path, offset, expectedSequence);
        return new SegmentEnd(expectedSequence, offset, size, null);
    }

    private void deliver(
        final Segment segment, final int codecVersion, final ByteBuffer buffer, final int offset, final int length,
        final RecordHandler handler)
    {
        final Command command;
        try
        {
            command = codec.decode(buffer, offset + RECORD_HEADER_BYTES, length, codecVersion);
        }
        catch (final CommandCodecException ex)
        {
            throw new JournalCorruptionException(segment.path(), offset, "record passes its CRC but its command " +
                "does not decode: " + ex.getMessage());
        }
        recordsDelivered++;
        handler.onRecord(buffer.getLong(offset + RECORD_SEQUENCE_OFFSET),
            buffer.getLong(offset + RECORD_TIMESTAMP_OFFSET), command);
    }

    private Damage damageAt(final ByteBuffer buffer, final int offset, final int limit)
    {
        if (limit - offset < RECORD_HEADER_BYTES)
        {
            return Damage.PARTIAL_HEADER;
        }
        final int length = buffer.getInt(offset + RECORD_LENGTH_OFFSET);
        if (length < 1 || length > MAX_PAYLOAD_BYTES)
        {
            return Damage.BAD_LENGTH;
        }
        if ((long)offset + RECORD_HEADER_BYTES + length > limit)
        {
            return Damage.PARTIAL_PAYLOAD;
        }
        if (buffer.getInt(offset + RECORD_CRC_OFFSET) != JournalFormat.recordCrc(crc, buffer, offset, length))
        {
            return Damage.CRC_MISMATCH;
        }
        return null;
    }

    private boolean isTorn(final Damage damage, final ByteBuffer buffer, final int offset, final int limit)
    {
        if (limit - offset > maxTornBytes)
        {
            return false;
        }
        return switch (damage)
        {
            case PARTIAL_HEADER, PARTIAL_PAYLOAD -> true;
            case CRC_MISMATCH -> isAllZero(buffer, recordEnd(buffer, offset), limit);
            case BAD_LENGTH -> isAllZero(buffer, offset + RECORD_SEQUENCE_OFFSET, limit);
        };
    }

    private String corruptionContext(final boolean last, final int offset, final int limit)
    {
        if (!last)
        {
            return " in a segment that is not the last one";
        }
        if (limit - offset > maxTornBytes)
        {
            return "; " + (limit - offset) + " bytes follow, more than one batch (" + maxTornBytes +
                " bytes), so this is not a torn write";
        }
        return "; valid data follows it, so this is not a torn write";
    }

    private static String describe(final Damage damage, final ByteBuffer buffer, final int offset, final int limit)
    {
        final int length = limit - offset >= RECORD_HEADER_BYTES ? buffer.getInt(offset + RECORD_LENGTH_OFFSET) : 0;
        return switch (damage)
        {
            case PARTIAL_HEADER -> "partial record header (" + (limit - offset) + " bytes)";
            case BAD_LENGTH -> "invalid record length " + length;
            case PARTIAL_PAYLOAD -> "partial record payload (" + (limit - offset - RECORD_HEADER_BYTES) + " of " +
                length + " bytes)";
            case CRC_MISMATCH -> "record CRC mismatch (sequence field " +
                buffer.getLong(offset + RECORD_SEQUENCE_OFFSET) + ", length " + length + ")";
        };
    }

    private static int recordEnd(final ByteBuffer buffer, final int offset)
    {
        return offset + RECORD_HEADER_BYTES + buffer.getInt(offset + RECORD_LENGTH_OFFSET);
    }

    private static boolean isAllZero(final ByteBuffer buffer, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (buffer.get(i) != 0)
            {
                return false;
            }
        }
        return true;
    }

    private static long sizeOf(final Path path) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            return channel.size();
        }
    }
}
