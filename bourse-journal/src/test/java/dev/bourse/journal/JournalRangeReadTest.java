package dev.bourse.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a committed range while the journal may be written after it: what a live snapshot does. */
class JournalRangeReadTest
{
    private static final int RECORDS = 80;

    @TempDir
    Path directory;

    private List<Long> readRange(final JournalConfiguration configuration, final long from, final long to)
    {
        final List<Long> sequences = new ArrayList<>();
        new JournalReader(configuration.journalDirectory(), configuration.maxBatchBytes())
            .readRange(from, to, (sequence, timestampMs, command) -> sequences.add(sequence));
        return sequences;
    }

    @Test
    void shouldDeliverExactlyTheRangeAcrossSegments()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, RECORDS, 3);
        }
        assertThat(JournalFiles.segments(configuration)).hasSizeGreaterThan(1);

        assertThat(readRange(configuration, 5, 33)).containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(5, 33).boxed().toList());
        assertThat(readRange(configuration, 1, RECORDS)).hasSize(RECORDS);
        assertThat(readRange(configuration, 8, 7)).isEmpty();
    }

    @Test
    void shouldNotLookPastTheRangeWhereAWriteIsInProgress()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, RECORDS, 4);
        }
        final Path last = JournalFiles.segments(configuration).getLast();
        final List<Long> offsets = JournalFiles.recordOffsets(last);
        final long lastInFile = RECORDS - offsets.size() + 1;
        JournalFiles.flipBit(last, offsets.get(1) + JournalFormat.RECORD_CRC_OFFSET, 3);

        assertThat(readRange(configuration, 1, lastInFile)).hasSize((int)lastInFile);
        assertThatThrownBy(() -> readRange(configuration, 1, lastInFile + 1))
            .isInstanceOf(JournalCorruptionException.class);
    }

    @Test
    void shouldRefuseARangeThatWasNeverWritten()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, RECORDS, 4);
        }

        assertThatThrownBy(() -> readRange(configuration, 1, RECORDS + 1))
            .isInstanceOf(JournalCorruptionException.class).hasMessageContaining("ends at sequence " + RECORDS);
    }

    @Test
    void shouldFollowTheJournalRangeAfterRangeWhileItIsWritten()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        final JournalReader follower = new JournalReader(configuration.journalDirectory(), configuration.maxBatchBytes());
        final List<Long> followed = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            long read = 0;
            for (int round = 0; round < 20; round++)
            {
                JournalFiles.writeCommands(writer, 7, 2);
                final long committed = writer.lastCommittedSequence();
                follower.readRange(read + 1, committed, (sequence, timestampMs, command) -> followed.add(sequence));
                read = committed;
            }
        }
        assertThat(JournalFiles.segments(configuration)).hasSizeGreaterThan(2);
        assertThat(followed).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 140).boxed().toList());
        final List<Long> again = new ArrayList<>();
        follower.readRange(3, 9, (sequence, timestampMs, command) -> again.add(sequence));
        assertThat(again).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }
}
