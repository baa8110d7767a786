package dev.bourse.server.readmodel;

/**
 * How far back the read model's history (completed orders, trades, fills, transfers) is complete: every record of a
 * command after {@link #evictedThroughSequence()} is still in memory, and the older ones were let go to bound the
 * heap. The durable history (see {@link HistoryStore}) answers for those once it has committed at least that far.
 * A function of the stream alone (the same live, in a shadow, and after a restart), so it is kept in snapshots.
 * Written by the read model's writer thread, read by any.
 */
public final class HistoryWindow
{
    private volatile long evictedThroughSequence;

    void evicted(final long sequence)
    {
        if (sequence > evictedThroughSequence)
        {
            evictedThroughSequence = sequence;
        }
    }

    void restore(final long sequence)
    {
        evictedThroughSequence = sequence;
    }

    /** @return the highest sequence of a history record no longer in memory; 0 while nothing was let go. */
    public long evictedThroughSequence()
    {
        return evictedThroughSequence;
    }
}
