package dev.bourse.client;

/**
 * What to do after an attempt failed. Only requests that are safe to repeat (reads, cancel one, cancel-all, the dead
 * man's switch, PUT pair, and an order that carries a client order ID, since a repeat answers the order first placed
 * with it) are retried after a transport failure or a 5001 (the server's queue was full), at most
 * {@code maxAttempts} attempts in all, with an exponential backoff bounded by {@code maxBackoffMs}. A request that
 * certainly was not sent (the connection could not be made) may be retried whatever it is. A request that is not
 * safe to repeat and may have reached the server ends in {@link OutcomeUnknownException}. A 6005 answer (timestamp
 * outside the server's window) makes the client re-measure its clock offset and try once more, whatever the request:
 * the server refused it before applying anything.
 */
final class RetryPolicy
{
    /** The decision after one attempt. */
    enum Action
    {
        RETRY_AFTER_BACKOFF,
        RESYNC_CLOCK_AND_RETRY,
        FAIL,
        FAIL_OUTCOME_UNKNOWN
    }

    private final int maxAttempts;
    private final long initialBackoffMs;
    private final long maxBackoffMs;

    RetryPolicy(final int maxAttempts, final long initialBackoffMs, final long maxBackoffMs)
    {
        if (maxAttempts < 1 || initialBackoffMs < 0 || maxBackoffMs < initialBackoffMs)
        {
            throw new IllegalArgumentException("bad retry policy: attempts " + maxAttempts + ", backoff " +
                initialBackoffMs + ".." + maxBackoffMs + " ms");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
    }

    /**
     * @param retrySafe        whether the request may be repeated.
     * @param certainlyNotSent whether the failure happened before the request could reach the server.
     * @param attempt          the attempt that failed, from 1.
     * @return the action.
     */
    Action onTransportFailure(final boolean retrySafe, final boolean certainlyNotSent, final int attempt)
    {
        if (retrySafe || certainlyNotSent)
        {
            return attempt < maxAttempts ? Action.RETRY_AFTER_BACKOFF : Action.FAIL;
        }
        return Action.FAIL_OUTCOME_UNKNOWN;
    }

    /**
     * @param code          the statusCode answered (not 1000).
     * @param retrySafe     whether the request may be repeated.
     * @param signed        whether the request was signed.
     * @param clockResynced whether this request already re-measured the clock after a 6005.
     * @param attempt       the attempt that failed, from 1.
     * @return the action.
     */
    Action onStatus(
        final int code, final boolean retrySafe, final boolean signed, final boolean clockResynced, final int attempt)
    {
        if (code == StatusCode.INVALID_REQUEST_TIMESTAMP.code() && signed && !clockResynced)
        {
            return Action.RESYNC_CLOCK_AND_RETRY;
        }
        if (code == StatusCode.INTERNAL_TIMEOUT.code() && retrySafe && attempt < maxAttempts)
        {
            return Action.RETRY_AFTER_BACKOFF;
        }
        return Action.FAIL;
    }

    /** @return the delay before attempt {@code failedAttempt + 1}: doubling from the initial backoff, bounded. */
    long backoffMs(final int failedAttempt)
    {
        final int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
        return Math.min(maxBackoffMs, initialBackoffMs << doublings);
    }
}
