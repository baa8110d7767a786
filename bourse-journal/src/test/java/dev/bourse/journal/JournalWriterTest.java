package dev.bourse.journal;

import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.journal.JournalFiles.Recorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.bourse.journal.JournalFiles.readAll;
import static dev.bourse.journal.JournalFiles.segments;
import static dev.bourse.journal.JournalFiles.smallConfiguration;
import static dev.bourse.journal.JournalFiles.writeCommands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalWriterTest
{
    @TempDir
    Path directory;

    @Test
    void shouldRoundTripRecordsAcrossSegmentRollovers()
    {
        final JournalConfiguration configuration = smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            writeCommands(writer, 500, 7);
            assertThat(writer.lastCommittedSequence()).isEqualTo(500);
        }

        final List<Recorded> records = readAll(configuration);
        assertThat(records).hasSize(500);
        for (int i = 0; i < 500; i++)
        {
            assertThat(records.get(i)).isEqualTo(new Recorded(i + 1, 1000 + i + 1, SampleCommands.command(i)));
        }
        final List<Path> segments = segments(configuration);
        assertThat(segments.size()).isGreaterThan(5);
        assertThat(segments.getFirst().getFileName().toString()).isEqualTo("journal-00000000000000000001.log");
        for (final Path segment : segments)
        {
            assertThat(JournalFiles.size(segment)).isLessThanOrEqualTo(configuration.segmentSizeBytes());
        }
    }

    @Test
    void shouldContinueSequenceAfterReopen()
    {
        final JournalConfiguration configuration = smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            writeCommands(writer, 40, 40);
        }
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            assertThat(writer.lastCommittedSequence()).isEqualTo(40);
            writer.append(5, new CreateAccount());
            writer.commit();
        }

        final List<Recorded> records = readAll(configuration);
        assertThat(records).hasSize(41);
        assertThat(records.getLast()).isEqualTo(new Recorded(41, 5, new CreateAccount()));
    }

    @Test
    void shouldMakeAllAppendsOfABatchReadableAfterOneCommit()
    {
        final JournalConfiguration configuration = JournalConfiguration.defaults(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            for (int i = 0; i < 100; i++)
            {
                writer.append(i, SampleCommands.command(i));
            }
            assertThat(readAll(configuration)).isEmpty();
            assertThat(writer.lastAppendedSequence()).isEqualTo(100);
            assertThat(writer.lastCommittedSequence()).isZero();

            writer.commit();

            assertThat(writer.lastCommittedSequence()).isEqualTo(100);
            assertThat(readAll(configuration)).extracting(Recorded::sequence).hasSize(100).startsWith(1L)
                .endsWith(100L);
        }
    }

    @Test
    void shouldNotPromiseRecordsAppendedButNotCommitted()
    {
        final JournalConfiguration configuration = JournalConfiguration.defaults(directory.resolve("data"));
        final Path crashImage = directory.resolve("crash");
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            writeCommands(writer, 3, 3);
            writer.append(1, new CreateAccount());
            writer.append(2, new CreateAccount());
            JournalFiles.copyDirectory(configuration.directory(), crashImage);
        }

        assertThat(readAll(JournalConfiguration.defaults(crashImage))).hasSize(3);
        assertThat(readAll(configuration)).hasSize(5);
    }

    @Test
    void shouldCommitEarlyWhenTheBatchBufferIsFull()
    {
        final JournalConfiguration configuration = smallConfiguration(directory).withSizes(1 << 20, 256, 1024);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            for (int i = 0; i < 100; i++)
            {
                writer.append(i, new RevokeApiKey("k".repeat(40)));
            }
            assertThat(writer.lastCommittedSequence()).isGreaterThan(0).isLessThan(100);
            assertThat(readAll(configuration)).hasSize((int)writer.lastCommittedSequence());
        }
        assertThat(readAll(configuration)).hasSize(100);
    }

    @Test
    void shouldRefuseCommandLargerThanMaxRecordBytesWithoutAppending()
    {
        final JournalConfiguration configuration = smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            writer.append(1, new CreateAccount());

            assertThatThrownBy(() -> writer.append(2, new RevokeApiKey("x".repeat(300))))
                .isInstanceOf(CommandCodecException.class);
            writer.append(3, new CreateAccount());
            writer.commit();
        }
        assertThat(readAll(configuration)).extracting(Recorded::timestampMs).containsExactly(1L, 3L);
    }

    @Test
    void shouldRefuseASecondWriterOnTheSameDirectory()
    {
        final JournalConfiguration configuration = smallConfiguration(directory);
        try (JournalWriter first = JournalWriter.open(configuration))
        {
            assertThat(first.currentSegment()).exists();
            assertThatThrownBy(() -> JournalWriter.open(configuration))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another Bourse process");
        }
        JournalWriter.open(configuration).close();
    }

    @Test
    void shouldWriteWithoutFsyncInModeNone()
    {
        final JournalConfiguration configuration = smallConfiguration(directory).withFsyncMode(FsyncMode.NONE);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            writeCommands(writer, 50, 5);
        }
        assertThat(readAll(configuration)).hasSize(50);
    }

    @Test
    void shouldRefuseUseAfterClose()
    {
        final JournalWriter writer = JournalWriter.open(smallConfiguration(directory));
        writer.close();

        assertThatThrownBy(() -> writer.append(1, new CreateAccount())).isInstanceOf(IllegalStateException.class);
    }
}
