package dev.bourse.loadgen;

import dev.bourse.bench.Figures;
import dev.bourse.engine.Engine;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.command.Command;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalRecovery;
import dev.bourse.journal.JournalWriter;
import dev.bourse.journal.RecordHandler;
import dev.bourse.journal.RecoveryResult;
import dev.bourse.journal.SnapshotLoader;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Journal figures: first the disk's fsync latency ({@link FsyncProbe}); then writes a {@link JournalWorkload} stream with {@link JournalWriter} (fsync per batch of
 * {@link #BATCH_COMMANDS}, as the server's engine thread does at most), then recovers it with
 * {@link JournalRecovery#recover} into a fresh {@link Engine} (no snapshot: every record is replayed), checks that
 * the recovered state hash equals the live engine's, and times a read-only replay (decode and checksums, no engine).
 */
public final class JournalBenchmark
{
    /** Commands per commit (one fsync each). */
    public static final int BATCH_COMMANDS = 1_024;

    private static final long SEED = 7;
    private static final SnapshotLoader NO_SNAPSHOT = (lastSequence, engineState, extra) ->
    {
        throw new IOException("the journal benchmark writes no snapshot");
    };

    private final long commands;
    private final int repetitions;
    private final int fsyncProbes;
    private final Figures report;
    private final OutcomeChecks checks;

    /**
     * @param commands    commands to journal, set-up included.
     * @param repetitions recoveries timed (the median is reported).
     * @param fsyncProbes 4 KiB appends forced one by one first, to measure the disk ({@link FsyncProbe}).
     * @param report      where figures go.
     * @param checks      where failed outcome checks go.
     */
    public JournalBenchmark(final long commands, final int repetitions, final int fsyncProbes,
        final Figures report, final OutcomeChecks checks)
    {
        this.commands = commands;
        this.repetitions = repetitions;
        this.fsyncProbes = fsyncProbes;
        this.report = report;
        this.checks = checks;
    }

    /** Runs the benchmark in a directory of its own, which it leaves empty. */
    public void run(final Path directory) throws IOException
    {
        final Histogram forceUs = FsyncProbe.measure(directory, fsyncProbes);
        report.add("disk.fsync_4k.p50", forceUs.getValueAtPercentile(50) / 1000.0, "ms");
        report.add("disk.fsync_4k.p99", forceUs.getValueAtPercentile(99) / 1000.0, "ms");
        report.add("disk.fsync_4k.max", forceUs.getMaxValue() / 1000.0, "ms");
        final JournalConfiguration configuration = JournalConfiguration.defaults(directory);
        final long expectedHash = write(configuration);
        report.add("journal.size", DirectorySize.bytes(configuration.journalDirectory()) / (1024.0 * 1024.0), "MiB");
        final double[] recoveryMs = new double[repetitions];
        final double[] replayRates = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            final Engine engine = new Engine(JournalWorkload.ENGINE_CONFIGURATION);
            final long startNs = System.nanoTime();
            final long replayed = recover(configuration,
                (sequence, timestampMs, command) -> engine.apply(command, timestampMs, EventSink.NONE));
            final long elapsedNs = System.nanoTime() - startNs;
            checks.check(replayed == commands, "journal recovery replayed " + replayed + " of " + commands);
            checks.check(engine.stateHash() == expectedHash, "the recovered engine's state hash differs");
            recoveryMs[i] = elapsedNs / 1e6;
            replayRates[i] = replayed * 1e9 / elapsedNs;
        }
        report.add("journal.recovery.time", ServerBenchmark.median(recoveryMs), "ms");
        report.add("journal.replay.rate", ServerBenchmark.median(replayRates), "commands/s");
        final long[] decoded = new long[1];
        final long startNs = System.nanoTime();
        recover(configuration, (sequence, timestampMs, command) -> decoded[0]++);
        report.add("journal.read_only.rate", decoded[0] * 1e9 / (System.nanoTime() - startNs), "commands/s");
        deleteJournal(directory);
    }

    private long write(final JournalConfiguration configuration)
    {
        final JournalWorkload workload = new JournalWorkload(SEED);
        long journalNs = 0;
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            for (long i = 1; i <= commands; i++)
            {
                final long timestampMs = workload.nextTimestampMs();
                final Command command = workload.next();
                final long startNs = System.nanoTime();
                writer.append(timestampMs, command);
                if (i % BATCH_COMMANDS == 0 || i == commands)
                {
                    writer.commit();
                }
                journalNs += System.nanoTime() - startNs;
                workload.apply(timestampMs, command);
            }
        }
        report.add("journal.commands", commands, "commands");
        report.add("journal.workload.trades", workload.trades(), "trades");
        report.add("journal.workload.rejected", workload.rejected(), "commands");
        report.add("journal.workload.resting", workload.resting(), "orders");
        report.add("journal.write.rate", commands * 1e9 / journalNs, "commands/s");
        return workload.engine().stateHash();
    }

    private static long recover(final JournalConfiguration configuration, final RecordHandler handler)
    {
        final RecoveryResult result = JournalRecovery.recover(configuration, NO_SNAPSHOT, handler);
        result.writer().close();
        return result.recordsReplayed();
    }

    private static void deleteJournal(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                if (!file.equals(directory))
                {
                    Files.delete(file);
                }
            }
        }
    }
}
