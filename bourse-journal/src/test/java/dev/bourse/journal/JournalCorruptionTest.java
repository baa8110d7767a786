package dev.bourse.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bourse.journal.JournalFiles.readAll;
import static dev.bourse.journal.JournalFiles.recordOffsets;
import static dev.bourse.journal.JournalFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JournalCorruptionTest
{
    @TempDir
    Path directory;

    @Test
    void shouldStopWithFileAndOffsetOnAFlippedBitAnywhereInAMiddleRecord()
    {
        final JournalConfiguration original = oneSegment(directory.resolve("original"), 200);
        final Path originalSegment = segments(original).getLast();
        final long recordOffset = recordOffsets(originalSegment).get(50);
        final long recordEnd = recordOffsets(originalSegment).get(51);

        for (long at = recordOffset; at < recordEnd; at++)
        {
            final JournalConfiguration copy = copy(original, "flip-" + at);
            final Path segment = segments(copy).getLast();
            JournalFiles.flipBit(segment, at, (int)(at % 8));
            final byte[] before = JournalFiles.read(segment);

            assertCorruptionAt(copy, segment, recordOffset);
            assertThatThrownBy(() -> JournalWriter.open(copy)).isInstanceOf(JournalCorruptionException.class);
            assertThat(JournalFiles.read(segment)).isEqualTo(before);
        }
    }

    @Test
    void shouldStopOnAnInvalidRecordFollowedByValidDataNearTheEnd()
    {
        final JournalConfiguration configuration = oneSegment(directory, 20);
        final Path segment = segments(configuration).getLast();
        final long offset = recordOffsets(segment).get(18);
        JournalFiles.flipBit(segment, offset + JournalFormat.RECORD_HEADER_BYTES, 0);

        final JournalCorruptionException ex = assertCorruptionAt(configuration, segment, offset);
        assertThat(ex).hasMessageContaining("valid data follows it");
    }

    @Test
    void shouldStopOnADamagedTailOfASegmentThatIsNotTheLast()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
        }
        final Path first = segments(configuration).getFirst();
        final long size = JournalFiles.size(first);
        JournalFiles.flipBit(first, size - 1, 0);

        final JournalCorruptionException ex =
            assertCorruptionAt(configuration, first, recordOffsets(first).getLast());
        assertThat(ex).hasMessageContaining("not the last");
    }

    @Test
    void shouldStopOnAGapOrARepeatInSequenceNumbersWithinASegment()
    {
        final JournalConfiguration configuration = oneSegment(directory, 20);
        final Path segment = segments(configuration).getLast();
        final List<Long> offsets = recordOffsets(segment);

        JournalFiles.rewriteSequence(segment, offsets.get(10), 12);
        assertThat(assertCorruptionAt(configuration, segment, offsets.get(10))).hasMessageContaining("gap");

        JournalFiles.rewriteSequence(segment, offsets.get(10), 10);
        assertThat(assertCorruptionAt(configuration, segment, offsets.get(10))).hasMessageContaining("repeat");
    }

    @Test
    void shouldStopOnAMissingSegment() throws Exception
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
        }
        final List<Path> segments = segments(configuration);
        Files.delete(segments.get(1));

        assertThat(assertCorruptionAt(configuration, segments.get(2), 0)).hasMessageContaining("gap");
    }

    @Test
    void shouldStopWhenTheRecordsNeededAreMissingAtTheStart() throws Exception
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
        }
        final List<Path> segments = segments(configuration);
        Files.delete(segments.getFirst());

        assertThat(assertCorruptionAt(configuration, segments.get(1), 0)).hasMessageContaining("missing");
    }

    @Test
    void shouldStopOnABadSegmentHeader()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
        }
        final Path first = segments(configuration).getFirst();

        JournalFiles.flipBit(first, 0, 1);
        assertThat(assertCorruptionAt(configuration, first, 0)).hasMessageContaining("magic");

        JournalFiles.flipBit(first, 0, 1);
        JournalFiles.flipBit(first, 17, 1);
        assertThat(assertCorruptionAt(configuration, first, 0)).hasMessageContaining("header CRC");
    }

    @Test
    void shouldRefuseAJournalWrittenByANewerFormatVersion()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
        }
        final Path first = segments(configuration).getFirst();
        final byte[] bytes = JournalFiles.read(first);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short)(JournalFormat.VERSION + 1));
        JournalFiles.write(first, bytes);

        assertThatThrownBy(() -> readAll(configuration))
            .isInstanceOf(UnsupportedFormatVersionException.class)
            .hasMessageContaining(first.toString())
            .hasMessageContaining("newer");
        assertThatThrownBy(() -> JournalWriter.open(configuration))
            .isInstanceOf(UnsupportedFormatVersionException.class);
        assertThatThrownBy(() -> JournalRecovery.recover(configuration, (sequence, engine, extra) -> {},
            (sequence, timestampMs, command) -> {}))
            .isInstanceOf(UnsupportedFormatVersionException.class);
    }

    @Test
    void shouldRefuseAJournalWrittenByANewerCommandEncoding()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 5, 5);
        }
        final Path segment = segments(configuration).getFirst();
        final byte[] bytes = JournalFiles.read(segment);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(10, (short)(CommandCodec.VERSION + 1));
        JournalFiles.write(segment, bytes);

        assertThatThrownBy(() -> readAll(configuration))
            .isInstanceOf(UnsupportedFormatVersionException.class)
            .hasMessageContaining("command encoding");
    }

    private static JournalCorruptionException assertCorruptionAt(
        final JournalConfiguration configuration, final Path file, final long offset)
    {
        final JournalCorruptionException ex =
            catchThrowableOfType(JournalCorruptionException.class, () -> readAll(configuration));
        assertThat(ex).as("corruption expected in %s at %d", file, offset).isNotNull();
        assertThat(ex.file()).isEqualTo(file);
        assertThat(ex.offset()).isEqualTo(offset);
        assertThat(ex).hasMessageContaining(file + " at offset " + offset);
        return ex;
    }

    private static JournalConfiguration oneSegment(final Path path, final int records)
    {
        final JournalConfiguration configuration = JournalConfiguration.defaults(path).withSizes(1 << 20, 256, 1024);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, records, 10);
        }
        return configuration;
    }

    private static JournalConfiguration copy(final JournalConfiguration original, final String name)
    {
        final Path target = original.directory().resolveSibling(name);
        JournalFiles.copyDirectory(original.directory(), target);
        return JournalConfiguration.defaults(target).withSizes(1 << 20, 256, 1024);
    }
}
