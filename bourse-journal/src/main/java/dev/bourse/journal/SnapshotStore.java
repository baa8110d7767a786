package dev.bourse.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Snapshot files: the engine state and an optional extra section (the server's read models) as of one sequence
 * number, named {@code snapshot-<20-digit last sequence>.snap}. All integers little-endian.
 *
 * <pre>
 * header (44 bytes)
 *   0  int64  magic "BOURSESN"
 *   8  int32  format version
 *  12  int32  CRC32C of bytes [0,12) and [16,44)
 *  16  int64  last applied sequence number
 *  24  int64  engine section length
 *  32  int64  extra section length
 *  40  int32  CRC32C of the body (engine section then extra section)
 *  44  ...    body
 * </pre>
 * Written atomically: a temporary file, forced, renamed, then the directory forced (forces skipped in
 * {@link FsyncMode#NONE}). Loading verifies both CRCs before calling the loader and falls back to the previous
 * snapshot (WARN log line) when the newest is invalid. A newer format version is an
 * {@link UnsupportedFormatVersionException}, never a fallback. Not thread-safe.
 */
public final class SnapshotStore
{
    static final int VERSION = 1;
    static final long MAGIC = 0x4E53455352554F42L;
    static final int HEADER_BYTES = 44;

    private static final Logger LOGGER = LoggerFactory.getLogger(SnapshotStore.class);
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int VERSION_OFFSET = 8;
    private static final int HEADER_CRC_OFFSET = 12;
    private static final int LAST_SEQUENCE_OFFSET = 16;
    private static final int ENGINE_LENGTH_OFFSET = 24;
    private static final int EXTRA_LENGTH_OFFSET = 32;
    private static final int BODY_CRC_OFFSET = 40;
    private static final int IO_BUFFER_BYTES = 64 * 1024;

    private final Path directory;
    private final FsyncMode fsyncMode;

    /**
     * Creates the directory when missing and deletes temporary files left by a crash during a write; call it once at
     * startup, before any snapshot is written.
     *
     * @param directory the snapshot directory.
     * @param fsyncMode whether writes are forced.
     */
    public SnapshotStore(final Path directory, final FsyncMode fsyncMode)
    {
        this.directory = directory;
        this.fsyncMode = fsyncMode;
        try
        {
            OwnerOnly.directory(directory);
            for (final Path temporary : JournalFormat.listFiles(directory, PREFIX, SUFFIX + TEMPORARY_SUFFIX))
            {
                Files.delete(temporary);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the snapshot directory. */
    public Path directory()
    {
        return directory;
    }

    /**
     * Writes a snapshot atomically; one with the same sequence number is replaced.
     *
     * @param lastSequence the sequence number of the last command applied to the state written, at least 0; it must
     *                     be committed in the journal (take snapshots on the engine thread after a commit).
     * @param engineState  writes the engine section, e.g. {@code engine::writeSnapshot}.
     * @param extra        writes the extra section, or {@link SnapshotSectionWriter#EMPTY}.
     * @return the file written.
     * @throws UncheckedIOException when writing fails: no snapshot file is left (the temporary one is deleted).
     */
    public SnapshotFile write(
        final long lastSequence, final SnapshotSectionWriter engineState, final SnapshotSectionWriter extra)
    {
        if (lastSequence < 0)
        {
            throw new IllegalArgumentException("lastSequence must not be negative: " + lastSequence);
        }
        final Path path = directory.resolve(PREFIX + JournalFormat.sequenceDigits(lastSequence) + SUFFIX);
        final Path temporary = directory.resolve(path.getFileName() + TEMPORARY_SUFFIX);
        try
        {
            writeTemporary(temporary, lastSequence, engineState, extra);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsyncMode == FsyncMode.PER_BATCH)
            {
                JournalFormat.forceDirectory(directory);
            }
        }
        catch (final IOException ex)
        {
            deleteQuietly(temporary, ex);
            throw new UncheckedIOException("writing snapshot " + path + " failed", ex);
        }
        return new SnapshotFile(path, lastSequence);
    }

    /** Writes a snapshot of sections already serialised (for example on the engine thread). */
    public SnapshotFile write(final long lastSequence, final byte[] engineState, final byte[] extra)
    {
        return write(lastSequence, SnapshotSectionWriter.of(engineState), SnapshotSectionWriter.of(extra));
    }

    /** @return the snapshot files, newest (highest sequence) first; nothing is verified. */
    public List<SnapshotFile> list()
    {
        final List<SnapshotFile> files = new ArrayList<>();
        for (final Path path : JournalFormat.listFiles(directory, PREFIX, SUFFIX))
        {
            files.add(new SnapshotFile(path, JournalFormat.parseSequence(path, PREFIX, SUFFIX)));
        }
        return files.reversed();
    }

    /**
     * Loads the newest valid snapshot: verifies it and calls the loader; when it is invalid (bad header or CRC, or
     * the loader throws {@link IOException}), logs a WARN line and tries the previous one.
     *
     * @param loader restores the caller's state.
     * @return the snapshot loaded, or empty when there is no valid one (start from an empty state).
     * @throws UnsupportedFormatVersionException when a snapshot was written by a newer format.
     */
    public Optional<SnapshotFile> loadNewest(final SnapshotLoader loader)
    {
        final List<SnapshotFile> files = list();
        for (final SnapshotFile file : files)
        {
            try
            {
                load(file, loader);
                LOGGER.info("Loaded snapshot {} (last sequence {})", file.path(), file.lastSequence());
                return Optional.of(file);
            }
            catch (final JournalCorruptionException ex)
            {
                LOGGER.warn("Invalid snapshot, falling back to the previous one: {}", ex.getMessage());
            }
        }
        if (!files.isEmpty())
        {
            LOGGER.warn("No valid snapshot among {} files in {}: replaying the journal from its start",
                files.size(), directory);
        }
        return Optional.empty();
    }

    /**
     * Verifies one snapshot (header, length, both CRCs) and, when it is valid, calls the loader.
     *
     * @throws JournalCorruptionException        when it is invalid or the loader throws {@link IOException}.
     * @throws UnsupportedFormatVersionException when it was written by a newer format.
     */
    public void load(final SnapshotFile file, final SnapshotLoader loader)
    {
        final Path path = file.path();
        long offset = 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final ByteBuffer header = verify(file, channel);
            offset = HEADER_BYTES;
            final long engineLength = header.getLong(ENGINE_LENGTH_OFFSET);
            final long extraLength = header.getLong(EXTRA_LENGTH_OFFSET);
            loader.load(file.lastSequence(), section(channel, HEADER_BYTES, engineLength),
                section(channel, HEADER_BYTES + engineLength, extraLength));
        }
        catch (final IOException ex)
        {
            throw new JournalCorruptionException(path, offset, "snapshot cannot be read or loaded: " + ex, ex);
        }
    }

    private ByteBuffer verify(final SnapshotFile file, final FileChannel channel) throws IOException
    {
        final Path path = file.path();
        final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        if (!JournalFormat.readFully(channel, header, 0))
        {
            throw new JournalCorruptionException(path, 0, "snapshot shorter than its header (" + channel.size() +
                " bytes)");
        }
        if (header.getLong(0) != MAGIC)
        {
            throw new JournalCorruptionException(path, 0, "bad snapshot magic: not a Bourse snapshot");
        }
        final int version = header.getInt(VERSION_OFFSET);
        if (version > VERSION)
        {
            throw new UnsupportedFormatVersionException(path, "snapshot format", version, VERSION);
        }
        if (header.getInt(HEADER_CRC_OFFSET) != headerCrc(header) || version < 1)
        {
            throw new JournalCorruptionException(path, 0, "snapshot header CRC mismatch");
        }
        final long lastSequence = header.getLong(LAST_SEQUENCE_OFFSET);
        final long engineLength = header.getLong(ENGINE_LENGTH_OFFSET);
        final long extraLength = header.getLong(EXTRA_LENGTH_OFFSET);
        if (lastSequence != file.lastSequence())
        {
            throw new JournalCorruptionException(path, LAST_SEQUENCE_OFFSET, "header last sequence " +
                lastSequence + " differs from the file name's " + file.lastSequence());
        }
        if (engineLength < 0 || extraLength < 0 || HEADER_BYTES + engineLength + extraLength != channel.size())
        {
            throw new JournalCorruptionException(path, ENGINE_LENGTH_OFFSET, "sections of " + engineLength + " and " +
                extraLength + " bytes do not match the file size " + channel.size());
        }
        if (header.getInt(BODY_CRC_OFFSET) != bodyCrc(channel))
        {
            throw new JournalCorruptionException(path, HEADER_BYTES, "snapshot body CRC mismatch");
        }
        return header;
    }

    private void writeTemporary(
        final Path temporary, final long lastSequence, final SnapshotSectionWriter engineState,
        final SnapshotSectionWriter extra) throws IOException
    {
        try (FileChannel channel = OwnerOnly.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            channel.position(HEADER_BYTES);
            final ChecksumOutputStream body = new ChecksumOutputStream(Channels.newOutputStream(channel));
            final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(body, IO_BUFFER_BYTES));
            engineState.write(out);
            out.flush();
            final long engineLength = body.count();
            extra.write(out);
            out.flush();
            final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0, MAGIC)
                .putInt(VERSION_OFFSET, VERSION)
                .putLong(LAST_SEQUENCE_OFFSET, lastSequence)
                .putLong(ENGINE_LENGTH_OFFSET, engineLength)
                .putLong(EXTRA_LENGTH_OFFSET, body.count() - engineLength)
                .putInt(BODY_CRC_OFFSET, body.crc());
            header.putInt(HEADER_CRC_OFFSET, headerCrc(header));
            JournalFormat.writeFully(channel, header, 0);
            if (fsyncMode == FsyncMode.PER_BATCH)
            {
                channel.force(false);
            }
        }
    }

    private static int headerCrc(final ByteBuffer header)
    {
        final CRC32C crc = new CRC32C();
        crc.update(header.slice(0, HEADER_CRC_OFFSET));
        crc.update(header.slice(LAST_SEQUENCE_OFFSET, HEADER_BYTES - LAST_SEQUENCE_OFFSET));
        return (int)crc.getValue();
    }

    private static int bodyCrc(final FileChannel channel) throws IOException
    {
        final CRC32C crc = new CRC32C();
        final ByteBuffer buffer = ByteBuffer.allocate(IO_BUFFER_BYTES);
        final long size = channel.size();
        long position = HEADER_BYTES;
        final long maxReads = size / IO_BUFFER_BYTES + 2;
        for (long reads = 0; position < size && reads < maxReads; reads++)
        {
            buffer.clear().limit((int)Math.min(IO_BUFFER_BYTES, size - position));
            if (!JournalFormat.readFully(channel, buffer, position))
            {
                throw new IOException("file shrank while being verified at " + position);
            }
            crc.update(buffer.flip());
            position += IO_BUFFER_BYTES;
        }
        return (int)crc.getValue();
    }

    private static DataInputStream section(final FileChannel channel, final long start, final long length)
    {
        return new DataInputStream(new BufferedInputStream(new SectionInputStream(channel, start, length),
            IO_BUFFER_BYTES));
    }

    private static void deleteQuietly(final Path temporary, final IOException cause)
    {
        try
        {
            Files.deleteIfExists(temporary);
        }
        catch (final IOException ex)
        {
            cause.addSuppressed(ex);
        }
    }
}
