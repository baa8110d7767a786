package dev.bourse.server.recovery;

import dev.bourse.engine.Engine;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalReader;
import dev.bourse.journal.JournalRetention;
import dev.bourse.journal.JournalWriter;
import dev.bourse.journal.SnapshotFile;
import dev.bourse.journal.SnapshotStore;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.EngineAgent;
import dev.bourse.server.sequencer.SequencerMetrics;
import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Takes snapshots without pausing the engine: once enough commands or enough time have passed since the last
 * snapshot, the engine thread only hands the last committed sequence number to a background thread. That thread
 * keeps a shadow copy of the exchange ({@link ExchangeRecovery}, loaded from the newest snapshot the first time),
 * brings it up to that sequence by applying the journal records since its last snapshot through the same apply step
 * as the live server (deterministic, so this is the live state at that sequence), streams it to a snapshot file and
 * prunes old files. The cost is a second copy of the state in memory and the CPU of applying each command twice, off
 * the engine thread. A snapshot therefore only ever holds the durable prefix. At a clean shutdown, with the engine and
 * projection threads stopped, the live state (durable then) is written directly; after a fail-stop it never is.
 */
public final class SnapshotTaker implements EngineAgent.CommitListener, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);
    private static final long STOP_TIMEOUT_MS = 600_000;

    /**
     * When snapshots are due.
     *
     * @param intervalCommands commands after the last snapshot that make the next one due.
     * @param intervalMs       time after the last snapshot that makes the next one due if a command was applied.
     */
    public record Interval(long intervalCommands, long intervalMs)
    {
        public Interval
        {
            if (intervalCommands <= 0 || intervalMs <= 0)
            {
                throw new IllegalArgumentException("snapshot intervals must be positive");
            }
        }
    }

    private final Engine engine;
    private final ReadModel readModel;
    private final JournalWriter journal;
    private final SnapshotStore store;
    private final JournalConfiguration configuration;
    private final Supplier<ExchangeRecovery> emptyExchange;
    private final EpochClock clock;
    private final Interval interval;
    private final ExecutorService maker;
    private final LongSupplier retentionFloor;
    private final SequencerMetrics metrics;
    private final AtomicBoolean making = new AtomicBoolean();
    private ExchangeRecovery shadow;
    private long shadowSequence;
    private long lastTimestampMs;
    private long lastSnapshotSequence;
    private long lastSnapshotMs;

    /**
     * @param recovered     the live exchange, as recovered.
     * @param configuration the journal's configuration.
     * @param emptyExchange makes the empty exchange a snapshot is rebuilt in.
     * @param clock         the time.
     * @param interval      when snapshots are due.
     * @param maker         runs the making of a snapshot: a thread of its own ({@link #background()}), or the caller's
     *                      thread in a simulation.
     * @param retentionFloor the last sequence a follower of the journal (the history database) has made durable:
     *                      retention keeps what it needs to resume ({@link JournalRetention#NO_FLOOR} for none).
     * @param metrics       told how long each snapshot took.
     */
    public SnapshotTaker(
        final ExchangeRecovery.Recovered recovered,
        final JournalConfiguration configuration,
        final Supplier<ExchangeRecovery> emptyExchange,
        final EpochClock clock,
        final Interval interval,
        final ExecutorService maker,
        final LongSupplier retentionFloor,
        final SequencerMetrics metrics)
    {
        this.retentionFloor = retentionFloor;
        this.engine = recovered.engine();
        this.readModel = recovered.readModel();
        this.journal = recovered.journal().writer();
        this.store = recovered.journal().snapshots();
        this.configuration = configuration;
        this.emptyExchange = emptyExchange;
        this.clock = clock;
        this.interval = interval;
        this.lastTimestampMs = recovered.lastTimestampMs();
        this.lastSnapshotSequence = recovered.journal().snapshot().map(SnapshotFile::lastSequence).orElse(0L);
        this.lastSnapshotMs = clock.time();
        this.maker = maker;
        this.metrics = metrics;
    }

    /** @return the thread snapshots are made on, off the engine thread. */
    public static ExecutorService background()
    {
        return Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "bourse-snapshot-maker"));
    }

    @Override
    public void onCommitted(final long sequence, final long lastTimestampMs)
    {
        this.lastTimestampMs = lastTimestampMs;
        final long nowMs = clock.time();
        final boolean due = sequence - lastSnapshotSequence >= interval.intervalCommands() ||
            (sequence > lastSnapshotSequence && nowMs - lastSnapshotMs >= interval.intervalMs());
        if (!due || !making.compareAndSet(false, true))
        {
            return;
        }
        lastSnapshotSequence = sequence;
        lastSnapshotMs = nowMs;
        maker.execute(() ->
        {
            try
            {
                rebuildAndWrite(sequence);
            }
            catch (final RuntimeException ex)
            {
                LOG.error("the snapshot at sequence {} was not made; the journal still holds every command",
                    sequence, ex);
            }
            finally
            {
                making.set(false);
            }
        });
    }

    /**
     * Waits for a snapshot being made, then, when commands were applied since the last one, writes the live state:
     * only at a clean shutdown, with the engine and projection threads stopped and every committed command projected.
     */
    @Override
    public void close()
    {
        stopMaker();
        final long sequence = journal.lastCommittedSequence();
        if (sequence > lastSnapshotSequence)
        {
            write(sequence, engine, readModel, lastTimestampMs, System.nanoTime());
            lastSnapshotSequence = sequence;
        }
    }

    /**
     * Waits for a snapshot being made (from the journal, so of the durable prefix) and writes nothing else: after a
     * fail-stop, when the live state may be ahead of the journal or half changed.
     */
    public void closeWithoutLiveSnapshot()
    {
        stopMaker();
    }

    private void stopMaker()
    {
        maker.shutdown();
        try
        {
            if (!maker.awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                LOG.warn("a snapshot was still being made after {} ms", STOP_TIMEOUT_MS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        shadow = null;
    }

    private void rebuildAndWrite(final long sequence)
    {
        final long startNs = System.nanoTime();
        try
        {
            if (shadow == null)
            {
                shadow = emptyExchange.get();
                shadowSequence = store.loadNewest(shadow).map(SnapshotFile::lastSequence).orElse(0L);
            }
            new JournalReader(configuration.journalDirectory(), configuration.maxBatchBytes())
                .readRange(shadowSequence + 1, sequence, shadow);
            shadowSequence = sequence;
        }
        catch (final RuntimeException ex)
        {
            shadow = null;
            throw ex;
        }
        write(sequence, shadow.engine(), shadow.readModel(), shadow.lastTimestampMs(), startNs);
    }

    private void write(
        final long sequence, final Engine state, final ReadModel reads, final long timestampMs, final long startNs)
    {
        final SnapshotFile file = store.write(sequence, state::writeSnapshot,
            out -> ExchangeRecovery.writeExtra(out, timestampMs, reads));
        final long durationNs = System.nanoTime() - startNs;
        metrics.snapshotWritten(durationNs);
        final JournalRetention.Pruned pruned = JournalRetention.prune(store, configuration.journalDirectory(),
            configuration.snapshotsToKeep(), retentionFloor.getAsLong(), configuration.archiveDirectory());
        LOG.info("snapshot {} made in {} ms; pruned {} snapshots and {} journal segments", file.path().getFileName(),
            TimeUnit.NANOSECONDS.toMillis(durationNs), pruned.snapshots().size(), pruned.segments().size());
    }
}
