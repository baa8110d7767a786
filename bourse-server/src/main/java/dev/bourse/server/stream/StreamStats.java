package dev.bourse.server.stream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the WebSocket streams, for operators and tests; any thread reads them. */
public final class StreamStats
{
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong closedSlow = new AtomicLong();
    private final AtomicLong closedHeartbeat = new AtomicLong();
    private final LongAdder pendingChars = new LongAdder();
    private final AtomicLong maxPendingChars = new AtomicLong();
    private final AtomicLong cancelOnDisconnectCommands = new AtomicLong();

    void opened()
    {
        accepted.incrementAndGet();
        open.incrementAndGet();
    }

    void closed()
    {
        open.decrementAndGet();
    }

    void closedSlow()
    {
        closedSlow.incrementAndGet();
    }

    void closedHeartbeat()
    {
        closedHeartbeat.incrementAndGet();
    }

    /** Counts characters written (positive) or taken by the socket (negative); on the event loops, uncontended. */
    void pending(final long delta, final long ofConnection)
    {
        pendingChars.add(delta);
        if (ofConnection > maxPendingChars.get())
        {
            maxPendingChars.accumulateAndGet(ofConnection, Math::max);
        }
    }

    void cancelOnDisconnectCommand()
    {
        cancelOnDisconnectCommands.incrementAndGet();
    }

    /** @return connections open now. */
    public long openConnections()
    {
        return open.get();
    }

    /** @return connections accepted since the start. */
    public long acceptedConnections()
    {
        return accepted.get();
    }

    /** @return connections closed because they did not take their messages fast enough (4001). */
    public long closedSlowConsumers()
    {
        return closedSlow.get();
    }

    /** @return connections closed because nothing came from them within the heartbeat timeout (4002). */
    public long closedMissedHeartbeats()
    {
        return closedHeartbeat.get();
    }

    /** @return characters written to connections and not yet taken by their sockets, all connections together. */
    public long pendingChars()
    {
        return pendingChars.sum();
    }

    /** @return the most characters one connection ever had waiting for its socket. */
    public long maxPendingCharsOfOneConnection()
    {
        return maxPendingChars.get();
    }

    /** @return cancel-all commands submitted because a connection with cancel-on-disconnect ended. */
    public long cancelOnDisconnectCommands()
    {
        return cancelOnDisconnectCommands.get();
    }
}
