package dev.bourse.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Startup: the newest valid snapshot, then every journal record after it, then a writer that continues the journal.
 * <ol>
 *     <li>Locks the journal directory (one process per data directory).</li>
 *     <li>Loads the newest valid snapshot through the {@link SnapshotLoader}, falling back to older ones (WARN);
 *     without one, the caller's state stays as it was created (empty).</li>
 *     <li>Replays every record after the snapshot through the {@link RecordHandler}, in order, on the calling thread,
 *     logging progress at most every {@code progressIntervalMs} (records, rate, time left). A reader thread reads,
 *     checks and decodes the records meanwhile, a few batches ahead ({@link ReplayPipeline}).</li>
 *     <li>Truncates a torn tail (WARN naming file and offset) and opens the writer after the last valid record.</li>
 *     <li>Logs the total recovery time.</li>
 * </ol>
 * Any corruption other than a torn tail stops recovery with a {@link JournalCorruptionException}; a directory written
 * by a newer format with an {@link UnsupportedFormatVersionException}. Exceptions thrown by the handler propagate.
 */
public final class JournalRecovery
{
    private static final Logger LOGGER = LoggerFactory.getLogger(JournalRecovery.class);

    private JournalRecovery()
    {
    }

    /**
     * Recovers the state of the data directory.
     *
     * @param configuration the journal's configuration; missing directories are created (an empty directory starts
     *                      fresh).
     * @param loader        restores the caller's state from a snapshot (e.g. {@code Engine.readSnapshot}).
     * @param handler       applies one replayed command (e.g. {@code engine.apply(command, timestampMs, sink)}).
     * @return the writer to journal new commands with, and what was recovered.
     */
    public static RecoveryResult recover(
        final JournalConfiguration configuration, final SnapshotLoader loader, final RecordHandler handler)
    {
        return recover(configuration, loader, handler, System::nanoTime);
    }

    static RecoveryResult recover(
        final JournalConfiguration configuration, final SnapshotLoader loader, final RecordHandler handler,
        final LongSupplier nanoClock)
    {
        final ReplayProgress progress = new ReplayProgress(configuration.progressIntervalMs(), nanoClock);
        final JournalLock lock = JournalWriter.lockJournal(configuration);
        try
        {
            final SnapshotStore snapshots = new SnapshotStore(configuration.snapshotDirectory(),
                configuration.fsyncMode());
            final Optional<SnapshotFile> snapshot = snapshots.loadNewest(loader);
            final long fromSequence = snapshot.map(SnapshotFile::lastSequence).orElse(0L) + 1;
            final JournalTail tail = new ReplayPipeline().replay(
                new JournalReader(configuration.journalDirectory(), configuration.maxBatchBytes()), fromSequence,
                handler, progress);
            final long lastSequence = Math.max(tail.lastSequence(), fromSequence - 1);
            final JournalWriter writer = JournalWriter.open(configuration, lock, tail, lastSequence + 1);
            final RecoveryResult result = new RecoveryResult(writer, snapshots, snapshot, progress.records(),
                lastSequence, progress.elapsedMs());
            LOGGER.info("Recovery took {} ms: snapshot {}, {} journal records replayed, last sequence {}",
                result.durationMs(), snapshot.map(file -> file.path().toString()).orElse("none"),
                result.recordsReplayed(), lastSequence);
            return result;
        }
        catch (final RuntimeException ex)
        {
            lock.close();
            throw ex;
        }
    }
}
