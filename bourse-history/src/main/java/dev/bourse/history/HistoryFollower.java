package dev.bourse.history;

import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalCorruptionException;
import dev.bourse.journal.JournalReader;
import dev.bourse.journal.SnapshotFile;
import dev.bourse.journal.SnapshotStore;
import dev.bourse.server.JournaledExchange;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.recovery.ExchangeRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The history thread: follows the committed journal with a shadow exchange of its own, applying each command through
 * the same apply step as the live server (to the shadow's engine and the {@link HistoryProjection} alone), and
 * writes the rows of up to {@value #MAX_BATCH_COMMANDS} commands per transaction ({@link HistoryWriter}): at least
 * {@value #MIN_BATCH_COMMANDS} when it can, else whatever has come after {@value #MAX_BATCH_DELAY_MS} ms, so that
 * under load a transaction carries many commands (its fixed cost, the lock, the six COPYs and the commit, is paid
 * once per batch) and when quiet the history is at most that far behind. It never
 * touches the engine or projection threads: when the database is slow or down, it lags, retries with a growing
 * pause, and catches up from the journal when it is back; the journal's retention keeps what it needs
 * ({@link PostgresHistory#retentionFloor()}). An embedded database that died is started again.
 * <p>
 * At start it reads the database's committed sequence H, rebuilds the shadow from the newest snapshot at or before H
 * (or from the journal's start), replays up to H without writing, and goes on from H + 1. A database ahead of the
 * journal (the data directory restored from an older backup) is rewound to the journal's end. A database that is new
 * while the journal no longer starts at sequence 1 starts at the oldest snapshot. Progress and lag are published to
 * the store (the health endpoint) and logged.
 */
final class HistoryFollower implements Runnable
{
    private static final Logger LOG = LoggerFactory.getLogger(HistoryFollower.class);
    static final int MAX_BATCH_COMMANDS = 10_000;
    static final int MIN_BATCH_COMMANDS = 1_000;
    static final long MAX_BATCH_DELAY_MS = 100;
    private static final long MAX_BATCH_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(MAX_BATCH_DELAY_MS);
    private static final long IDLE_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long RETRY_MIN_MS = 100;
    private static final long RETRY_MAX_MS = 5_000;
    private static final long LOG_INTERVAL_MS = 10_000;
    private static final long CURRENT_LAG = MAX_BATCH_COMMANDS;

    private final HistoryDatabase database;
    private final HistoryWriter writer;
    private final PostgresHistoryStore store;
    private final JournalConfiguration journal;
    private final JournaledExchange.Settings settings;
    private final LongSupplier liveCommitted;
    private final long journalEndAtStart;
    private volatile boolean running = true;
    private ExchangeRecovery shadow;
    private HistoryBatch pending;
    private HistoryProjection projection;
    private JournalReader reader;
    private long committed;
    private long lastWriteNs = System.nanoTime();
    private long retryMs = RETRY_MIN_MS;
    private long lastLogMs;
    private String status = "STARTING";

    HistoryFollower(
        final HistoryDatabase database,
        final PostgresHistoryStore store,
        final JournaledExchange core,
        final JournaledExchange.Settings settings)
    {
        this.database = database;
        this.writer = new HistoryWriter(database.dataSource());
        this.store = store;
        this.journal = settings.journal();
        this.settings = settings;
        this.liveCommitted = core.health()::committedSequence;
        this.journalEndAtStart = core.recovered().lastSequence();
    }

    /** Asks the thread to stop after the batch it is writing. */
    void stop()
    {
        running = false;
    }

    @Override
    public void run()
    {
        while (running)
        {
            try
            {
                if (shadow == null)
                {
                    prepare();
                }
                else if (!follow())
                {
                    LockSupport.parkNanos(IDLE_NS);
                }
                retryMs = RETRY_MIN_MS;
            }
            catch (final SQLException | org.flywaydb.core.api.FlywayException ex)
            {
                publish("UNAVAILABLE", "the history database cannot be reached (" + ex.getMessage() +
                    "); retrying, the exchange trades on and the history catches up from the journal");
                pause();
                revive();
            }
            catch (final RuntimeException ex)
            {
                LOG.error("the history stopped at sequence {}: it retries from the database's sequence", committed, ex);
                publish("STALLED", ex.getMessage());
                shadow = null;
                pending = null;
                pause();
            }
        }
        LOG.info("the history stopped at sequence {} ({} commands behind the journal)", committed,
            Math.max(0, liveCommitted.getAsLong() - committed));
    }

    /**
     * Writes the batch a failed write left, or the next one: the shadow is never more than one batch ahead of the
     * database, and a batch that failed is written again as it is (once, whatever the database did with it).
     *
     * @return whether it wrote anything.
     */
    private boolean follow() throws SQLException
    {
        final long target = liveCommitted.getAsLong();
        if (pending == null)
        {
            final long from = shadow.lastSequence() + 1;
            if (target < from)
            {
                publish("CURRENT", null);
                return false;
            }
            if (target - from + 1 < MIN_BATCH_COMMANDS && System.nanoTime() - lastWriteNs < MAX_BATCH_DELAY_NS)
            {
                return false;
            }
            reader.readRange(from, Math.min(target, from + MAX_BATCH_COMMANDS - 1), shadow);
            pending = projection.take();
        }
        committed = writer.write(pending);
        lastWriteNs = System.nanoTime();
        pending = null;
        publish(target - committed <= CURRENT_LAG ? "CURRENT" : "CATCHING_UP", null);
        return true;
    }

    private void prepare() throws SQLException
    {
        database.migrate();
        long sequence = writer.committedSequence();
        if (sequence > journalEndAtStart)
        {
            LOG.warn("the history database is at sequence {} but the journal ends at {} (restored from an older " +
                "backup?): deleting the history of the commands after {}", sequence, journalEndAtStart,
                journalEndAtStart);
            writer.rewind(journalEndAtStart);
            sequence = journalEndAtStart;
        }
        reader = new JournalReader(journal.journalDirectory(), journal.maxBatchBytes());
        final SnapshotStore snapshots = new SnapshotStore(journal.snapshotDirectory(), journal.fsyncMode());
        newShadow();
        loadSnapshotAtOrBefore(snapshots, sequence);
        try
        {
            replayTo(sequence);
        }
        catch (final JournalCorruptionException ex)
        {
            if (sequence != 0 || snapshots.list().isEmpty())
            {
                throw new IllegalStateException("the history cannot resume at sequence " + sequence + ": " +
                    ex.getMessage() + "; move the archived journal segments back into the journal directory, or " +
                    "empty the history database to start it again", ex);
            }
            final SnapshotFile oldest = snapshots.list().getLast();
            LOG.warn("the journal no longer starts at sequence 1: the history starts at the oldest snapshot, " +
                "sequence {}; the commands before it are not in the history database", oldest.lastSequence());
            newShadow();
            snapshots.load(oldest, shadow);
            writer.rewind(oldest.lastSequence());
            sequence = oldest.lastSequence();
        }
        committed = sequence;
        LOG.info("the history resumes after sequence {} ({} commands behind the journal)", committed,
            Math.max(0, liveCommitted.getAsLong() - committed));
        publish("CATCHING_UP", null);
    }

    private void newShadow()
    {
        projection = new HistoryProjection();
        shadow = ExchangeRecovery.withoutReadModel(settings.engine(), settings.readModel(), settings.cipher(),
            projection, projection::seed);
    }

    private void loadSnapshotAtOrBefore(final SnapshotStore snapshots, final long sequence)
    {
        for (final SnapshotFile file : snapshots.list())
        {
            if (file.lastSequence() > sequence)
            {
                continue;
            }
            try
            {
                snapshots.load(file, shadow);
                return;
            }
            catch (final JournalCorruptionException ex)
            {
                LOG.warn("the history skips an invalid snapshot: {}", ex.getMessage());
            }
        }
    }

    /** Applies the journal up to the sequence without writing: those rows are committed already. */
    private void replayTo(final long sequence)
    {
        for (long from = shadow.lastSequence() + 1; from <= sequence && running; from = shadow.lastSequence() + 1)
        {
            reader.readRange(from, Math.min(sequence, from + MAX_BATCH_COMMANDS - 1), shadow);
            projection.take();
        }
    }

    private void publish(final String newStatus, final String detail)
    {
        final long nowMs = System.currentTimeMillis();
        final long lag = Math.max(0, liveCommitted.getAsLong() - committed);
        if (!newStatus.equals(status))
        {
            if ("UNAVAILABLE".equals(newStatus) || "STALLED".equals(newStatus))
            {
                LOG.warn("history {} at sequence {}, {} commands behind: {}", newStatus, committed, lag, detail);
            }
            else
            {
                LOG.info("history {} at sequence {}, {} commands behind", newStatus, committed, lag);
            }
            lastLogMs = nowMs;
        }
        else if (nowMs - lastLogMs >= LOG_INTERVAL_MS && lag > 0)
        {
            LOG.info("history {} at sequence {}, {} commands behind", newStatus, committed, lag);
            lastLogMs = nowMs;
        }
        status = newStatus;
        store.published(committed, new HistoryStore.Health(newStatus, committed, detail));
    }

    /** Starts the embedded database again if it died. */
    private void revive()
    {
        try
        {
            database.reviveEmbedded();
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.warn("the embedded PostgreSQL could not be started again: {}", ex.getMessage());
        }
    }

    private void pause()
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMs);
        while (running && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
    }
}
