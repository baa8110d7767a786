package dev.bourse.server.sequencer;

/**
 * Group commit with a delay under load, as PostgreSQL's {@code commit_delay} and {@code commit_siblings}: when the
 * engine thread's last batch held at least {@code minPreviousBatch} commands (the server is busy) and fewer than
 * {@code enoughWaiting} wait now, it pauses {@code delayUs} before taking the next batch, so that the batch, and the
 * one journal sync it pays for, carries more commands. Each sync costs the machine CPU of its own (on a virtual disk,
 * tens of microseconds of exits and context switches) besides the projection thread's and the event loops' wake-ups
 * for its batch; under load, fewer and fuller batches leave that CPU to the requests. A quiet server's lone command
 * never waits: its previous batch was small.
 *
 * @param delayUs          the pause, microseconds; 0 turns the delay off.
 * @param minPreviousBatch the last batch's size from which the server counts as busy.
 * @param enoughWaiting    commands waiting that make a batch full enough to take at once.
 */
public record CommitDelay(int delayUs, int minPreviousBatch, int enoughWaiting)
{
    /** Never pauses: every batch takes what waits (the journal with fsync off has no sync to share). */
    public static final CommitDelay NONE = new CommitDelay(0, 1, 1);

    /** The pause when busy, unless configured otherwise. */
    public static final int DEFAULT_DELAY_US = 200;

    /** The last batch's size from which the server counts as busy, unless configured otherwise. */
    public static final int DEFAULT_MIN_PREVIOUS_BATCH = 4;

    /** Waiting commands that are taken at once. */
    public static final int ENOUGH_WAITING = 64;

    private static final int MAX_DELAY_US = 10_000;

    /** Checks the bounds: a pause of at most 10 ms, positive sizes. */
    public CommitDelay
    {
        if (delayUs < 0 || delayUs > MAX_DELAY_US)
        {
            throw new IllegalArgumentException("delayUs must be 0 to " + MAX_DELAY_US + ": " + delayUs);
        }
        if (minPreviousBatch < 1 || enoughWaiting < 1)
        {
            throw new IllegalArgumentException(
                "minPreviousBatch and enoughWaiting must be positive: " + minPreviousBatch + ", " + enoughWaiting);
        }
    }

    /**
     * @param delayUs          the pause, microseconds; 0 for {@link #NONE}.
     * @param minPreviousBatch the last batch's size from which the server counts as busy.
     * @return the delay, with {@link #ENOUGH_WAITING}.
     */
    public static CommitDelay of(final int delayUs, final int minPreviousBatch)
    {
        return delayUs == 0 ? NONE : new CommitDelay(delayUs, minPreviousBatch, ENOUGH_WAITING);
    }

    /**
     * @param previousBatch commands in the engine thread's last batch.
     * @param waiting       commands waiting now.
     * @return whether to pause before taking the next batch.
     */
    boolean pausesAfter(final int previousBatch, final int waiting)
    {
        return delayUs > 0 && previousBatch >= minPreviousBatch && waiting < enoughWaiting;
    }

    /** @return the pause in nanoseconds. */
    long delayNs()
    {
        return delayUs * 1_000L;
    }
}
