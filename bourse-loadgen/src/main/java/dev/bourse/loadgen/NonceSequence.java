package dev.bourse.loadgen;

/**
 * Timestamps and nonces of one API key, unique per (key, timestamp) as spec section 3 requires: the timestamp never
 * goes back, and the nonce counts up from 10000 within one millisecond. Not thread-safe: one per key, used on one
 * thread.
 */
public final class NonceSequence
{
    /** The smallest nonce the spec allows. */
    public static final int MIN_NONCE = 10_000;
    /** The largest nonce the spec allows. */
    public static final int MAX_NONCE = 99_999;

    private long timestampMs = Long.MIN_VALUE;
    private int nonce;

    /**
     * Moves to the timestamp of the next request.
     *
     * @param nowMs the clock now; a clock that went back is held at the last timestamp used.
     * @return the timestamp to send; {@link #nonce()} is then the nonce to send with it.
     */
    public long next(final long nowMs)
    {
        if (nowMs > timestampMs)
        {
            timestampMs = nowMs;
            nonce = MIN_NONCE;
        }
        else if (nonce < MAX_NONCE)
        {
            nonce++;
        }
        else
        {
            timestampMs++;
            nonce = MIN_NONCE;
        }
        return timestampMs;
    }

    /** @return the nonce of the last {@link #next}. */
    public int nonce()
    {
        return nonce;
    }
}
