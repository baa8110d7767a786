package dev.bourse.journal;

import java.util.Optional;

/**
 * The outcome of {@link JournalRecovery#recover}.
 *
 * @param writer          the journal writer, positioned after the last valid record; the caller owns and closes it.
 * @param snapshots       the snapshot store, to write the next snapshots with.
 * @param snapshot        the snapshot loaded, empty when recovery started from an empty state.
 * @param recordsReplayed how many journal records were given to the handler.
 * @param lastSequence    the sequence number of the last command applied (from the snapshot or the journal).
 * @param durationMs      how long recovery took.
 */
public record RecoveryResult(
    JournalWriter writer,
    SnapshotStore snapshots,
    Optional<SnapshotFile> snapshot,
    long recordsReplayed,
    long lastSequence,
    long durationMs)
{
}
