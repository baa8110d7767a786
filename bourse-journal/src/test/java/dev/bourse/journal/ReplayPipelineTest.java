package dev.bourse.journal;

import dev.bourse.engine.command.Command;
import dev.bourse.journal.JournalFiles.Recorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static dev.bourse.journal.JournalFiles.readAll;
import static dev.bourse.journal.JournalFiles.recordOffsets;
import static dev.bourse.journal.JournalFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReplayPipelineTest
{
    /** Many batches, in many segments, with a partial batch at the end. */
    private static final int RECORDS = 20 * ReplayPipeline.BATCH_RECORDS + 37;

    @TempDir
    Path directory;

    private JournalConfiguration configuration;
    private final List<Thread> readerThreads = new ArrayList<>();
    private final ThreadFactory recordingThreads = runnable ->
    {
        final Thread thread = new Thread(runnable, ReplayPipeline.READER_THREAD_NAME);
        thread.setDaemon(true);
        readerThreads.add(thread);
        return thread;
    };

    @BeforeEach
    void writeJournal()
    {
        configuration = JournalConfiguration.defaults(directory).withSizes(64 * 1024, 256, 4096)
            .withFsyncMode(FsyncMode.NONE);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, RECORDS, 16);
        }
        assertThat(segments(configuration)).as("the journal spans many segments").hasSizeGreaterThan(10);
    }

    @Test
    void shouldGiveTheSameRecordsTailAndProgressAsTheSingleThreadedRead()
    {
        final Replay single = new Replay();
        final JournalTail singleTail = reader().read(1, single, single);
        final Replay pipelined = new Replay();
        final JournalTail pipelinedTail = pipeline().replay(reader(), 1, pipelined, pipelined);

        assertThat(single.records).hasSize(RECORDS);
        assertThat(pipelined.records).isEqualTo(single.records);
        assertThat(pipelined.progress).hasSizeGreaterThan(RECORDS / JournalReader.PROGRESS_RECORDS)
            .isEqualTo(single.progress);
        assertThat(pipelinedTail).isEqualTo(singleTail);
        assertThat(pipelinedTail.lastSequence()).isEqualTo(RECORDS);
        assertReaderThreadEnded();
    }

    /** The reader waits for free batches all along (as when replaying into an engine): still every record, once. */
    @Test
    void shouldGiveEveryRecordWhenTheHandlerIsSlowerThanTheReader()
    {
        final Replay single = new Replay();
        reader().read(1, single, single);
        final Replay pipelined = new Replay();
        final RecordHandler slow = (sequence, timestampMs, command) ->
        {
            if (sequence % ReplayPipeline.BATCH_RECORDS == 1)
            {
                awaitReaderBlockedOrEnded();
            }
            pipelined.onRecord(sequence, timestampMs, command);
        };
        final JournalTail tail = pipeline().replay(reader(), 1, slow, pipelined);

        assertThat(pipelined.records).isEqualTo(single.records);
        assertThat(pipelined.progress).isEqualTo(single.progress);
        assertThat(tail.lastSequence()).isEqualTo(RECORDS);
        assertReaderThreadEnded();
    }

    @Test
    void shouldStartFromASequenceInTheMiddleOfASegment()
    {
        final long from = RECORDS / 2 + 5;
        final Replay single = new Replay();
        reader().read(from, single, single);
        final Replay pipelined = new Replay();
        pipeline().replay(reader(), from, pipelined, pipelined);

        assertThat(pipelined.records).hasSize((int)(RECORDS - from + 1)).isEqualTo(single.records);
        assertThat(pipelined.records.getFirst().sequence()).isEqualTo(from);
        assertThat(pipelined.progress).isEqualTo(single.progress);
    }

    @Test
    void shouldStopTheReaderAndPropagateTheHandlersExceptionMidReplay()
    {
        final long failAt = 7 * ReplayPipeline.BATCH_RECORDS + 3;
        final IllegalStateException failure = new IllegalStateException("the handler fails");
        final List<Long> applied = new ArrayList<>();

        final Throwable thrown = catchThrowable(() -> pipeline().replay(reader(), 1, (sequence, timestampMs, command) ->
        {
            if (sequence == failAt)
            {
                throw failure;
            }
            applied.add(sequence);
        }, JournalReader.ProgressListener.NONE));

        assertThat(thrown).isSameAs(failure);
        assertThat(applied).hasSize((int)failAt - 1).endsWith(failAt - 1);
        assertReaderThreadEnded();
    }

    @Test
    void shouldStopTheReaderWhenTheHandlerFailsOnTheFirstRecord()
    {
        final Throwable thrown = catchThrowable(() -> pipeline().replay(reader(), 1, (sequence, timestampMs, command) ->
        {
            throw new IllegalArgumentException("first");
        }, JournalReader.ProgressListener.NONE));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("first");
        assertReaderThreadEnded();
    }

    @Test
    void shouldReleaseTheJournalWhenTheHandlerFailsDuringRecovery()
    {
        final Throwable thrown = catchThrowable(() -> JournalRecovery.recover(configuration,
            (sequence, engine, extra) -> {}, (sequence, timestampMs, command) ->
            {
                if (sequence == RECORDS / 3)
                {
                    throw new IllegalStateException("apply failed");
                }
            }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("apply failed");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
            thread -> thread.getName().equals(ReplayPipeline.READER_THREAD_NAME) && thread.isAlive());
        JournalWriter.open(configuration).close();
    }

    @Test
    void shouldThrowTheSameCorruptionAfterTheSameRecordsWhenAMiddleRecordIsDamaged()
    {
        final Path segment = segments(configuration).get(segments(configuration).size() / 2);
        final long offset = recordOffsets(segment).get(recordOffsets(segment).size() / 2);
        JournalFiles.flipBit(segment, offset + JournalFormat.RECORD_HEADER_BYTES + 2, 4);

        final Replay single = new Replay();
        final JournalCorruptionException expected = catchThrowableOfType(JournalCorruptionException.class,
            () -> reader().read(1, single, single));
        final Replay pipelined = new Replay();
        final JournalCorruptionException actual = catchThrowableOfType(JournalCorruptionException.class,
            () -> pipeline().replay(reader(), 1, pipelined, pipelined));

        assertThat(expected).isNotNull();
        assertThat(actual).isNotNull().hasMessage(expected.getMessage()).hasMessageContaining("CRC mismatch");
        assertThat(actual.file()).isEqualTo(segment);
        assertThat(actual.offset()).isEqualTo(offset);
        assertThat(pipelined.records).hasSizeGreaterThan(RECORDS / 3).isEqualTo(single.records);
        assertThat(pipelined.progress).isEqualTo(single.progress);
        assertReaderThreadEnded();

        final JournalCorruptionException recovered = catchThrowableOfType(JournalCorruptionException.class,
            () -> JournalRecovery.recover(configuration, (sequence, engine, extra) -> {},
                (sequence, timestampMs, command) -> {}));
        assertThat(recovered).isNotNull().hasMessage(expected.getMessage());
    }

    @Test
    void shouldTruncateATornTailAfterManyBatches()
    {
        final Path segment = segments(configuration).getLast();
        final long lastRecordOffset = recordOffsets(segment).getLast();
        JournalFiles.truncate(segment, JournalFiles.size(segment) - 3);

        final List<Long> replayed = new ArrayList<>();
        final RecoveryResult result = JournalRecovery.recover(configuration, (sequence, engine, extra) -> {},
            (sequence, timestampMs, command) -> replayed.add(sequence));
        try (JournalWriter writer = result.writer())
        {
            assertThat(result.recordsReplayed()).isEqualTo(RECORDS - 1);
            assertThat(result.lastSequence()).isEqualTo(RECORDS - 1);
            assertThat(replayed).hasSize(RECORDS - 1).startsWith(1L).endsWith(RECORDS - 1L);
            assertThat(JournalFiles.size(segment)).isEqualTo(lastRecordOffset);
        }
        assertThat(readAll(configuration)).hasSize(RECORDS - 1);
    }

    @Test
    void shouldThrowAnUncheckedInterruptionAndEndTheReaderWhenTheCallerIsInterrupted()
    {
        final Throwable thrown = catchThrowable(() -> pipeline().replay(reader(), 1, (sequence, timestampMs, command) ->
        {
            if (sequence == 10)
            {
                Thread.currentThread().interrupt();
            }
        }, JournalReader.ProgressListener.NONE));
        final boolean interrupted = Thread.interrupted();

        assertThat(thrown).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(InterruptedIOException.class);
        assertThat(interrupted).as("the interrupt flag is kept").isTrue();
        assertReaderThreadEnded();
    }

    /**
     * The reader thread, interrupted by someone else while it waits for a free batch (so while it holds none), ends the
     * replay with an exception on the calling thread after the records read before, instead of leaving it waiting (the
     * timeout only guards against that hang). The exception is the interruption: while waiting, or, when a batch
     * was freed just before, at the reader's next read from its file.
     */
    @Test
    @Timeout(60)
    void shouldEndTheReplayWithAnExceptionWhenTheReaderThreadIsInterruptedWhileItHoldsNoBatch()
    {
        final List<Long> delivered = new ArrayList<>();
        final Throwable thrown = catchThrowable(() -> pipeline().replay(reader(), 1, (sequence, timestampMs, command) ->
        {
            if (sequence == 1)
            {
                awaitReaderWaitingForAFreeBatch();
                readerThreads.getFirst().interrupt();
            }
            delivered.add(sequence);
        }, JournalReader.ProgressListener.NONE));

        assertThat(thrown).isInstanceOf(UncheckedIOException.class).cause()
            .isInstanceOfAny(InterruptedIOException.class, ClosedByInterruptException.class);
        assertThat(delivered).as("the records read before, in order, without a gap").isNotEmpty()
            .isEqualTo(LongStream.rangeClosed(1, delivered.size()).boxed().toList());
        assertThat(Thread.interrupted()).as("the calling thread is not interrupted").isFalse();
        assertReaderThreadEnded();
    }

    private JournalReader reader()
    {
        return new JournalReader(configuration.journalDirectory(), configuration.maxBatchBytes());
    }

    private ReplayPipeline pipeline()
    {
        return new ReplayPipeline(recordingThreads);
    }

    /** Waits until the reader thread waits for a free batch (all are filled) or has ended. */
    private void awaitReaderBlockedOrEnded()
    {
        awaitReader(reader -> reader.getState() == Thread.State.WAITING ||
            reader.getState() == Thread.State.TERMINATED, "the reader blocks or ends");
    }

    /** Waits until the reader thread has filled every batch and waits for a free one (holding none). */
    private void awaitReaderWaitingForAFreeBatch()
    {
        awaitReader(reader -> reader.getState() == Thread.State.WAITING && Arrays.stream(reader.getStackTrace())
            .anyMatch(frame -> frame.getMethodName().equals("nextFree")), "the reader waits for a free batch");
    }

    private void awaitReader(final Predicate<Thread> condition, final String what)
    {
        final Thread reader = readerThreads.getFirst();
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.test(reader))
        {
            assertThat(System.nanoTime()).as(what).isLessThan(deadlineNs);
            Thread.onSpinWait();
        }
    }

    private void assertReaderThreadEnded()
    {
        assertThat(readerThreads).hasSize(1);
        assertThat(readerThreads.getFirst().isAlive()).as("the reader thread has ended").isFalse();
    }

    /** Records what a replay delivers: the records, and each progress report with the records delivered before it. */
    private static final class Replay implements RecordHandler, JournalReader.ProgressListener
    {
        final List<Recorded> records = new ArrayList<>();
        final List<List<Long>> progress = new ArrayList<>();

        @Override
        public void onRecord(final long sequence, final long timestampMs, final Command command)
        {
            records.add(new Recorded(sequence, timestampMs, command));
        }

        @Override
        public void onProgress(final long recordsSoFar, final long bytesScanned, final long totalBytes)
        {
            progress.add(List.of((long)records.size(), recordsSoFar, bytesScanned, totalBytes));
        }
    }
}
