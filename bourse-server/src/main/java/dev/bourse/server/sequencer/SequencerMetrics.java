package dev.bourse.server.sequencer;

/**
 * What the engine thread and the snapshot maker report for metrics: once per journal batch and once per snapshot,
 * never per command, and with primitives only, so that reporting allocates nothing on the engine thread.
 */
public interface SequencerMetrics
{
    /** Reports nothing. */
    SequencerMetrics NONE = new SequencerMetrics()
    {
        @Override
        public void batchCommitted(final int commands, final long appendNs, final long applyNs, final long commitNs)
        {
        }

        @Override
        public void snapshotWritten(final long durationNs)
        {
        }
    };

    /**
     * On the engine thread, after a batch is durable.
     *
     * @param commands the batch's commands (those the journal refused included).
     * @param appendNs the time the batch's appends to the journal took (encoding, checksums, and any early write or
     *                 segment rollover they caused).
     * @param applyNs  the time the engine took to apply the batch's commands.
     * @param commitNs the time the batch's commit took: one write and, with {@code fsync=per-batch}, one force.
     */
    void batchCommitted(int commands, long appendNs, long applyNs, long commitNs);

    /**
     * On the snapshot maker's thread (or the closing one), after a snapshot file was written.
     *
     * @param durationNs the time it took, rebuilding the shadow state from the journal included.
     */
    void snapshotWritten(long durationNs);
}
