package dev.bourse.journal;

import dev.bourse.engine.command.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** File manipulation for tests: copies of data directories (what a crash leaves on disk), bit flips, cuts. */
final class JournalFiles
{
    /** A record as read back. */
    record Recorded(long sequence, long timestampMs, Command command)
    {
    }

    private JournalFiles()
    {
    }

    static JournalConfiguration smallConfiguration(final Path directory)
    {
        return JournalConfiguration.defaults(directory).withSizes(2048, 256, 1024);
    }

    static List<Recorded> readAll(final JournalConfiguration configuration)
    {
        return readFrom(configuration, 1);
    }

    static List<Recorded> readFrom(final JournalConfiguration configuration, final long fromSequence)
    {
        final List<Recorded> records = new ArrayList<>();
        new JournalReader(configuration.journalDirectory(), configuration.maxBatchBytes())
            .read(fromSequence, (sequence, timestampMs, command) ->
                records.add(new Recorded(sequence, timestampMs, command)));
        return records;
    }

    /** Appends commands 0..count-1 with timestamps 1000 + sequence, committing every {@code batch}. */
    static void writeCommands(final JournalWriter writer, final int count, final int batch)
    {
        for (int i = 0; i < count; i++)
        {
            writer.append(1000 + writer.lastAppendedSequence() + 1, SampleCommands.command(i));
            if ((i + 1) % batch == 0)
            {
                writer.commit();
            }
        }
        writer.commit();
    }

    static List<Path> segments(final JournalConfiguration configuration)
    {
        try (Stream<Path> files = Files.list(configuration.journalDirectory()))
        {
            return files.filter(path -> path.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the offsets of the records of a valid segment. */
    static List<Long> recordOffsets(final Path segment)
    {
        final ByteBuffer bytes = ByteBuffer.wrap(read(segment)).order(ByteOrder.LITTLE_ENDIAN);
        final List<Long> offsets = new ArrayList<>();
        for (int offset = JournalFormat.SEGMENT_HEADER_BYTES; offset < bytes.capacity();
            offset += JournalFormat.RECORD_HEADER_BYTES + bytes.getInt(offset + JournalFormat.RECORD_LENGTH_OFFSET))
        {
            offsets.add((long)offset);
        }
        return offsets;
    }

    static void copyDirectory(final Path from, final Path to)
    {
        try (Stream<Path> paths = Files.walk(from))
        {
            for (final Path path : paths.toList())
            {
                final Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path))
                {
                    Files.createDirectories(target);
                }
                else if (!path.getFileName().toString().equals(JournalLock.FILE_NAME))
                {
                    Files.copy(path, target);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] read(final Path path)
    {
        try
        {
            return Files.readAllBytes(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void write(final Path path, final byte[] bytes)
    {
        try
        {
            Files.write(path, bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void flipBit(final Path path, final long offset, final int bit)
    {
        final byte[] bytes = read(path);
        bytes[(int)offset] ^= (byte)(1 << bit);
        write(path, bytes);
    }

    static void truncate(final Path path, final long size)
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void appendZeros(final Path path, final int count)
    {
        try
        {
            Files.write(path, new byte[count], StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Rewrites the sequence number of the record at {@code offset} and fixes its CRC, so only the sequence is off. */
    static void rewriteSequence(final Path segment, final long offset, final long sequence)
    {
        final ByteBuffer bytes = ByteBuffer.wrap(read(segment)).order(ByteOrder.LITTLE_ENDIAN);
        final int at = (int)offset;
        bytes.putLong(at + JournalFormat.RECORD_SEQUENCE_OFFSET, sequence);
        final int length = bytes.getInt(at + JournalFormat.RECORD_LENGTH_OFFSET);
        bytes.putInt(at, JournalFormat.recordCrc(new CRC32C(), bytes, at, length));
        write(segment, bytes.array());
    }

    static long size(final Path path)
    {
        try
        {
            return Files.size(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
