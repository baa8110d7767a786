package dev.bourse.client;

/**
 * The limits of one API key as the client enforces them: every signed request in the key's window, and account
 * tradeHistory also in its own window. A permit is taken from every window that applies, or from none.
 * Thread-safe.
 */
final class RateLimits
{
    /** The slots a granted request holds; release it once the request has completed. */
    static final class Permit
    {
        private final RateLimits owner;
        private final RateWindow.Slot slot;
        private final RateWindow.Slot tradeHistorySlot;

        private Permit(final RateLimits owner, final RateWindow.Slot slot, final RateWindow.Slot tradeHistorySlot)
        {
            this.owner = owner;
            this.slot = slot;
            this.tradeHistorySlot = tradeHistorySlot;
        }

        /** Marks the request completed at this time; releasing twice keeps the first time. */
        void release(final long nowMs)
        {
            synchronized (owner)
            {
                RateWindow.release(slot, nowMs);
                if (tradeHistorySlot != null)
                {
                    RateWindow.release(tradeHistorySlot, nowMs);
                }
            }
        }
    }

    private final RateWindow requests;
    private final RateWindow tradeHistoryRequests;

    RateLimits(final RateWindow requests, final RateWindow tradeHistoryRequests)
    {
        this.requests = requests;
        this.tradeHistoryRequests = tradeHistoryRequests;
    }

    /** @return a permit for a request starting now, or null when a window is full. */
    synchronized Permit tryAcquire(final long nowMs, final boolean tradeHistory)
    {
        if (!requests.allows(nowMs) || (tradeHistory && !tradeHistoryRequests.allows(nowMs)))
        {
            return null;
        }
        return new Permit(this, requests.take(), tradeHistory ? tradeHistoryRequests.take() : null);
    }

    /**
     * @return the earliest time a permit may be granted judged from completed requests, or
     * {@link RateWindow#IN_FLIGHT} when it waits for a request in flight to complete.
     */
    synchronized long nextAllowedMs(final long nowMs, final boolean tradeHistory)
    {
        final long next = requests.nextAllowedMs(nowMs);
        return tradeHistory ? Math.max(next, tradeHistoryRequests.nextAllowedMs(nowMs)) : next;
    }
}
