package dev.bourse.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of journal segments (see docs/JOURNAL.md). All integers little-endian.
 *
 * <pre>
 * segment header (24 bytes)          record (24-byte header + payload)
 *   0  int64  magic "BOURSEJL"         0  int32  CRC32C of bytes [4, 24 + length)
 *   8  int16  format version           4  int32  payload length, 1..MAX_PAYLOAD_BYTES
 *  10  int16  command codec version    8  int64  sequence number
 *  12  int32  CRC32C of [0,12)+[16,24) 16  int64  timestampMs
 *  16  int64  first sequence number   24  ...    payload: the command, see CommandCodec
 * </pre>
 */
final class JournalFormat
{
    static final int VERSION = 1;
    static final long SEGMENT_MAGIC = 0x4C4A455352554F42L;
    static final int SEGMENT_HEADER_BYTES = 24;
    static final int RECORD_HEADER_BYTES = 24;
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
    static final int MAX_FILES_PER_DIRECTORY = 1_000_000;

    static final int RECORD_CRC_OFFSET = 0;
    static final int RECORD_LENGTH_OFFSET = 4;
    static final int RECORD_SEQUENCE_OFFSET = 8;
    static final int RECORD_TIMESTAMP_OFFSET = 16;

    private static final int HEADER_VERSION_OFFSET = 8;
    private static final int HEADER_CODEC_VERSION_OFFSET = 10;
    private static final int HEADER_CRC_OFFSET = 12;
    private static final int HEADER_FIRST_SEQUENCE_OFFSET = 16;

    private static final String SEGMENT_PREFIX = "journal-";
    private static final String SEGMENT_SUFFIX = ".log";
    private static final int SEQUENCE_DIGITS = 20;

    private JournalFormat()
    {
    }

    /** A segment file and the first sequence number its name carries. */
    record Segment(Path path, long firstSequence)
    {
    }

    static String segmentName(final long firstSequence)
    {
        return SEGMENT_PREFIX + sequenceDigits(firstSequence) + SEGMENT_SUFFIX;
    }

    static String sequenceDigits(final long sequence)
    {
        final String digits = Long.toString(sequence);
        return "0".repeat(SEQUENCE_DIGITS - digits.length()) + digits;
    }

    /** @return the segments of the directory, ascending by first sequence; empty when it does not exist. */
    static List<Segment> listSegments(final Path directory)
    {
        final List<Segment> segments = new ArrayList<>();
        for (final Path path : listFiles(directory, SEGMENT_PREFIX, SEGMENT_SUFFIX))
        {
            segments.add(new Segment(path, parseSequence(path, SEGMENT_PREFIX, SEGMENT_SUFFIX)));
        }
        return segments;
    }

    /** @return files named {@code prefix + 20 digits + suffix}, sorted by name (so by sequence). */
    static List<Path> listFiles(final Path directory, final String prefix, final String suffix)
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, prefix + "*" + suffix))
        {
            for (final Path path : stream)
            {
                if (files.size() >= MAX_FILES_PER_DIRECTORY)
                {
                    throw new IllegalStateException(directory + " holds more than " + MAX_FILES_PER_DIRECTORY +
                        " files named " + prefix + "*" + suffix);
                }
                files.add(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        files.sort(null);
        return files;
    }

    static long parseSequence(final Path path, final String prefix, final String suffix)
    {
        final String name = path.getFileName().toString();
        final String digits = name.substring(prefix.length(), name.length() - suffix.length());
        if (digits.length() != SEQUENCE_DIGITS || !digits.chars().allMatch(Character::isDigit))
        {
            throw new JournalCorruptionException(path, 0, "file name is not " + prefix + "<" + SEQUENCE_DIGITS +
                " digits>" + suffix);
        }
        try
        {
            return Long.parseLong(digits);
        }
        catch (final NumberFormatException ex)
        {
            throw new JournalCorruptionException(path, 0, "sequence in file name out of range");
        }
    }

    static ByteBuffer segmentHeader(final long firstSequence)
    {
        final ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(0, SEGMENT_MAGIC)
            .putShort(HEADER_VERSION_OFFSET, (short)VERSION)
            .putShort(HEADER_CODEC_VERSION_OFFSET, (short)CommandCodec.VERSION)
            .putLong(HEADER_FIRST_SEQUENCE_OFFSET, firstSequence);
        header.putInt(HEADER_CRC_OFFSET, segmentHeaderCrc(header));
        return header;
    }

    /**
     * Checks a segment header: magic, versions (newer is {@link UnsupportedFormatVersionException}), CRC, and that
     * its first sequence is the one its file name carries.
     *
     * @return the version of the command encoding of the segment's records.
     */
    static int verifySegmentHeader(final Segment segment, final ByteBuffer header)
    {
        final Path path = segment.path();
        if (header.getLong(0) != SEGMENT_MAGIC)
        {
            throw new JournalCorruptionException(path, 0, "bad segment magic: not a Bourse journal segment");
        }
        final int version = header.getShort(HEADER_VERSION_OFFSET);
        if (version > VERSION)
        {
            throw new UnsupportedFormatVersionException(path, "journal format", version, VERSION);
        }
        final int codecVersion = header.getShort(HEADER_CODEC_VERSION_OFFSET);
        if (codecVersion > CommandCodec.VERSION)
        {
            throw new UnsupportedFormatVersionException(path, "command encoding", codecVersion,
                CommandCodec.VERSION);
        }
        if (header.getInt(HEADER_CRC_OFFSET) != segmentHeaderCrc(header))
        {
            throw new JournalCorruptionException(path, 0, "segment header CRC mismatch");
        }
        if (version < 1 || codecVersion < CommandCodec.OLDEST_VERSION)
        {
            throw new JournalCorruptionException(path, 0, "invalid versions " + version + "/" + codecVersion);
        }
        final long firstSequence = header.getLong(HEADER_FIRST_SEQUENCE_OFFSET);
        if (firstSequence != segment.firstSequence())
        {
            throw new JournalCorruptionException(path, HEADER_FIRST_SEQUENCE_OFFSET, "header first sequence " +
                firstSequence + " differs from the file name's " + segment.firstSequence());
        }
        return codecVersion;
    }

    private static int segmentHeaderCrc(final ByteBuffer header)
    {
        final CRC32C crc = new CRC32C();
        crc.update(header.slice(0, HEADER_CRC_OFFSET));
        crc.update(header.slice(HEADER_FIRST_SEQUENCE_OFFSET, SEGMENT_HEADER_BYTES - HEADER_FIRST_SEQUENCE_OFFSET));
        return (int)crc.getValue();
    }

    /**
     * @return the CRC32C of a record: its header after the CRC field, then its payload. The buffer's position and
     * limit are moved to the record for the update (no slice per record) and put back.
     */
    static int recordCrc(final CRC32C crc, final ByteBuffer buffer, final int recordOffset, final int payloadLength)
    {
        final int from = recordOffset + RECORD_LENGTH_OFFSET;
        final int length = RECORD_HEADER_BYTES - RECORD_LENGTH_OFFSET + payloadLength;
        final int position = buffer.position();
        final int limit = buffer.limit();
        Objects.checkFromIndexSize(from, length, limit);
        crc.reset();
        buffer.position(from).limit(from + length);
        crc.update(buffer);
        buffer.limit(limit).position(position);
        return (int)crc.getValue();
    }

    /** Writes all of {@code buffer} at {@code position}; a bounded loop that fails when a write makes no progress. */
    static void writeFully(final FileChannel channel, final ByteBuffer buffer, final long position)
        throws IOException
    {
        long at = position;
        while (buffer.hasRemaining())
        {
            final int written = channel.write(buffer, at);
            if (written <= 0)
            {
                throw new IOException("write made no progress at offset " + at);
            }
            at += written;
        }
    }

    /** Reads exactly {@code buffer.remaining()} bytes at {@code position}; false at end of file. */
    static boolean readFully(final FileChannel channel, final ByteBuffer buffer, final long position)
        throws IOException
    {
        long at = position;
        while (buffer.hasRemaining())
        {
            final int read = channel.read(buffer, at);
            if (read < 0)
            {
                return false;
            }
            if (read == 0)
            {
                throw new IOException("read made no progress at offset " + at);
            }
            at += read;
        }
        return true;
    }

    /** Forces a directory so that files created, renamed or deleted in it survive a power loss. */
    static void forceDirectory(final Path directory) throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    /** Forces a file's content to disk. */
    static void forceFile(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
    }
}
