package dev.bourse.journal;

import dev.bourse.engine.command.CreateAccount;
import dev.bourse.journal.JournalFiles.Recorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.bourse.journal.JournalFiles.readAll;
import static dev.bourse.journal.JournalFiles.recordOffsets;
import static dev.bourse.journal.JournalFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;

class TornTailTest
{
    private static final int RECORDS = 30;

    @TempDir
    Path directory;

    private JournalConfiguration original;
    private long lastRecordOffset;
    private long fileSize;

    @BeforeEach
    void writeJournal()
    {
        original = configuration(directory.resolve("original"));
        try (JournalWriter writer = JournalWriter.open(original))
        {
            JournalFiles.writeCommands(writer, RECORDS, 4);
        }
        final Path segment = segments(original).getLast();
        lastRecordOffset = recordOffsets(segment).getLast();
        fileSize = JournalFiles.size(segment);
    }

    @Test
    void shouldTruncateTheLastRecordCutAtEveryByteOffsetAndKeepEveryEarlierRecord()
    {
        for (long cut = lastRecordOffset; cut < fileSize; cut++)
        {
            final JournalConfiguration copy = copy("cut-" + cut);
            final Path segment = segments(copy).getLast();
            JournalFiles.truncate(segment, cut);

            final JournalTail tail = new JournalReader(copy.journalDirectory(), copy.maxBatchBytes())
                .read(1, (sequence, timestampMs, command) -> {});
            assertThat(tail.lastSequence()).isEqualTo(RECORDS - 1);
            assertThat(tail.validEndOffset()).isEqualTo(lastRecordOffset);
            assertThat(tail.isTorn()).isEqualTo(cut > lastRecordOffset);

            assertRecoversWith(copy, RECORDS - 1);
            assertThat(JournalFiles.size(segment)).isGreaterThan(lastRecordOffset);
        }
    }

    @Test
    void shouldTruncateALastRecordWithACrcMismatchThatEndsAtEndOfFile()
    {
        final JournalConfiguration copy = copy("crc");
        JournalFiles.flipBit(segments(copy).getLast(), fileSize - 1, 3);

        assertRecoversWith(copy, RECORDS - 1);
    }

    @Test
    void shouldTruncateAZeroFilledTailAfterTheLastRecord()
    {
        final JournalConfiguration copy = copy("zeros");
        JournalFiles.appendZeros(segments(copy).getLast(), 700);

        assertRecoversWith(copy, RECORDS);
    }

    @Test
    void shouldTruncateALastRecordWhoseEndWasNeverWritten()
    {
        final JournalConfiguration copy = copy("unwritten");
        final Path segment = segments(copy).getLast();
        JournalFiles.truncate(segment, lastRecordOffset + 10);
        JournalFiles.appendZeros(segment, 300);

        assertRecoversWith(copy, RECORDS - 1);
    }

    @Test
    void shouldRewriteATornSegmentHeader()
    {
        final JournalConfiguration copy = copy("header");
        final Path torn = copy.journalDirectory().resolve(JournalFormat.segmentName(RECORDS + 1));
        JournalFiles.write(torn, new byte[]{0x42, 0x4F, 0x55});

        assertRecoversWith(copy, RECORDS);
        assertThat(segments(copy).getLast()).isEqualTo(torn);
        assertThat(JournalFiles.size(torn)).isGreaterThan(JournalFormat.SEGMENT_HEADER_BYTES);
    }

    /** Opens a writer on the copy, checks the records survived, appends one more and reads it back. */
    private static void assertRecoversWith(final JournalConfiguration copy, final int survivors)
    {
        try (JournalWriter writer = JournalWriter.open(copy))
        {
            assertThat(writer.lastCommittedSequence()).isEqualTo(survivors);
            writer.append(77, new CreateAccount());
            writer.commit();
        }
        final List<Recorded> records = readAll(copy);
        assertThat(records).hasSize(survivors + 1);
        for (int i = 0; i < survivors; i++)
        {
            assertThat(records.get(i)).isEqualTo(new Recorded(i + 1, 1000 + i + 1, SampleCommands.command(i)));
        }
        assertThat(records.getLast()).isEqualTo(new Recorded(survivors + 1, 77, new CreateAccount()));
    }

    private JournalConfiguration copy(final String name)
    {
        final Path target = directory.resolve(name);
        JournalFiles.copyDirectory(original.directory(), target);
        return configuration(target);
    }

    private static JournalConfiguration configuration(final Path path)
    {
        return JournalConfiguration.defaults(path).withSizes(1 << 20, 256, 1024);
    }
}
