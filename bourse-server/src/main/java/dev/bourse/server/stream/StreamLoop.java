package dev.bourse.server.stream;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.agrona.collections.Long2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stream side of one event loop: its connections, who among them wants which messages, and its cursor in the
 * {@link StreamWindow}. Woken by the publisher (at most one wake-up pending), it takes every message appended since
 * its cursor, in order, encodes each one once for all its subscribers on this loop and writes it to them. It also
 * pings its connections and closes those that went silent or idle. Everything here runs on the event loop, except
 * {@link #wake()}: a loop without connections is not woken (a server with no stream client would otherwise wake every
 * event loop for every command), and its cursor jumps to the newest message when its first connection arrives.
 */
public final class StreamLoop
{
    private static final Logger LOG = LoggerFactory.getLogger(StreamLoop.class);

    private final StreamHub hub;
    private final Context context;
    private final StreamWindow window;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final List<StreamConnection> connections = new ArrayList<>();
    /** The size of {@link #connections}, for the publisher's thread. */
    private volatile int connectionCount;
    private final Long2ObjectHashMap<List<StreamConnection>> byAccount = new Long2ObjectHashMap<>();
    private final Map<Subscription, List<StreamConnection>> byPairChannel = new HashMap<>();
    private long cursor;
    private long lastDispatchedSequence;
    private long encodedPosition = -1;
    private String encoded;

    StreamLoop(final StreamHub hub, final Vertx vertx, final Context context)
    {
        this.hub = hub;
        this.context = context;
        this.window = hub.publisher().window();
        this.cursor = window.published();
        this.lastDispatchedSequence = window.head().sequence();
        vertx.setPeriodic(hub.configuration().pingIntervalMs(), id -> heartbeat());
    }

    /**
     * Takes an upgrade request to {@link StreamHub#PATH}; on this loop.
     *
     * @param request the request ({@link StreamHub#isStreamRequest}).
     */
    public void accept(final HttpServerRequest request)
    {
        final String ip = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        final boolean withinCap = hub.quotas().acquireConnection(ip);
        request.toWebSocket().onComplete(upgraded ->
        {
            if (upgraded.failed())
            {
                LOG.debug("a WebSocket upgrade failed: {}", upgraded.cause().toString());
                if (withinCap)
                {
                    hub.quotas().releaseConnection(ip);
                }
                return;
            }
            final StreamConnection connection = new StreamConnection(hub, this, upgraded.result(), ip, withinCap);
            if (withinCap)
            {
                add(connection);
            }
        });
    }

    /**
     * The first connection of the loop skips its cursor past what was appended while it had none (nobody here could
     * have wanted it, and a resume reads the window itself). The count is published before the cursor is read, and
     * the publisher appends before it reads the count, so a message appended meanwhile is either skipped here or
     * followed by a wake-up.
     */
    private void add(final StreamConnection connection)
    {
        connections.add(connection);
        final boolean first = connectionCount == 0;
        connectionCount = connections.size();
        if (first)
        {
            // the head first: the sequence reported as sent may lag the cursor, never lead it
            final long headSequence = window.head().sequence();
            cursor = window.published();
            lastDispatchedSequence = headSequence;
        }
    }

    /** From the publisher's thread: schedules one drain on this loop unless one is pending or it has no connection. */
    void wake()
    {
        if (connectionCount > 0 && !hub.isClosed() && wakeScheduled.compareAndSet(false, true))
        {
            try
            {
                context.runOnContext(ignored -> drain());
            }
            catch (final RejectedExecutionException ex)
            {
                LOG.debug("the event loop is closing: {}", ex.toString());
            }
        }
    }

    /** Sends every message appended since the cursor to the connections that want it. */
    void drain()
    {
        wakeScheduled.set(false);
        final long end = window.published();
        while (cursor < end)
        {
            final StreamMessage message = window.get(cursor);
            if (message == null)
            {
                fellBehind();
                continue;
            }
            dispatch(message);
            lastDispatchedSequence = message.header().sequence();
            cursor++;
        }
    }

    /**
     * The loop was too slow for the window: messages left it before they were sent. Every connection with a
     * subscription may have missed some, so it is closed (4006) and its client resumes or resyncs.
     */
    private void fellBehind()
    {
        LOG.warn("an event loop fell behind the stream window of {} messages; its subscribed connections are closed",
            hub.configuration().windowMessages());
        for (final StreamConnection connection : List.copyOf(connections))
        {
            if (connection.hasSubscriptions())
            {
                connection.close(StreamConnection.CLOSE_BEHIND, "the server fell behind the stream; resume");
            }
        }
        cursor = Math.max(cursor, window.oldest());
    }

    private void dispatch(final StreamMessage message)
    {
        switch (message)
        {
            case StreamMessage.Order order -> toAccount(order.accountId(), message);
            case StreamMessage.CancelAll cancelAll -> toAccount(cancelAll.accountId(), message);
            case StreamMessage.Fill fill -> toAccount(fill.accountId(), message);
            case StreamMessage.Balance balance -> toAccount(balance.accountId(), message);
            case StreamMessage.Trade trade ->
                toPair(new Subscription(Channel.TRADES, trade.trade().coinPair()), message);
            case StreamMessage.Book book -> toPair(new Subscription(Channel.BOOK, book.coinPair()), message);
            case StreamMessage.Ticker ticker -> toPair(new Subscription(Channel.TICKER, ticker.coinPair()), message);
            case StreamMessage.KeyRevoked revoked ->
            {
                for (final StreamConnection connection : List.copyOf(connections))
                {
                    if (revoked.apiKey().equals(connection.apiKey()))
                    {
                        connection.close(StreamConnection.CLOSE_KEY_REVOKED, "the API key was revoked");
                    }
                }
            }
        }
    }

    private void toAccount(final long accountId, final StreamMessage message)
    {
        final List<StreamConnection> subscribers = byAccount.get(accountId);
        if (subscribers != null)
        {
            deliver(subscribers, message);
        }
    }

    private void toPair(final Subscription subscription, final StreamMessage message)
    {
        final List<StreamConnection> subscribers = byPairChannel.get(subscription);
        if (subscribers != null)
        {
            deliver(subscribers, message);
        }
    }

    private void deliver(final List<StreamConnection> subscribers, final StreamMessage message)
    {
        for (final StreamConnection connection : subscribers)
        {
            if (connection.wants(message))
            {
                connection.send(encoded(message));
            }
        }
    }

    /** @return the message's JSON, encoded once on this loop however many connections it goes to. */
    String encoded(final StreamMessage message)
    {
        if (message.header().position() != encodedPosition)
        {
            encoded = hub.codec().encode(message);
            encodedPosition = message.header().position();
        }
        return encoded;
    }

    /** @return whether every message after the place is still in the window, so a connection can resume from it. */
    boolean canResume(final StreamPlace after)
    {
        return window.firstAfter(after, cursor) >= 0;
    }

    /**
     * Resumes a connection: sends it, in order, every message after the place up to this loop's cursor that it
     * wants; later ones follow with the loop's next drains. Closes it (4006) if the window moves past them meanwhile.
     */
    void replay(final StreamConnection connection, final StreamPlace after)
    {
        final long start = window.firstAfter(after, cursor);
        for (long position = Math.max(start, 0); start >= 0 && position < cursor; position++)
        {
            final StreamMessage message = window.get(position);
            if (message == null)
            {
                connection.close(StreamConnection.CLOSE_BEHIND, "the stream moved past your resume point; resume");
                return;
            }
            if (connection.wants(message))
            {
                connection.send(encoded(message));
            }
        }
    }

    /**
     * @return the sequence up to which every command's messages have been sent to this loop's connections: what a
     * {@code pong} reports, after a drain.
     */
    long sentSequence()
    {
        drain();
        final StreamWindow.Head head = window.head();
        if (head.position() <= cursor)
        {
            return head.sequence();
        }
        final StreamMessage next = window.get(cursor);
        return next == null ? lastDispatchedSequence : next.header().sequence() - 1;
    }

    void subscribed(final StreamConnection connection, final Subscription subscription)
    {
        if (subscription.channel().isPrivate())
        {
            final List<StreamConnection> current = byAccount.get(connection.accountId());
            if (current == null || !current.contains(connection))
            {
                byAccount.put(connection.accountId(), with(current, connection));
            }
            return;
        }
        byPairChannel.put(subscription, with(byPairChannel.get(subscription), connection));
    }

    void unsubscribed(final StreamConnection connection, final Subscription subscription)
    {
        if (subscription.channel().isPrivate())
        {
            if (!connection.hasPrivateSubscriptions())
            {
                remove(byAccount.get(connection.accountId()), connection, list -> byAccount.put(
                    connection.accountId(), list), () -> byAccount.remove(connection.accountId()));
            }
            return;
        }
        remove(byPairChannel.get(subscription), connection, list -> byPairChannel.put(subscription, list),
            () -> byPairChannel.remove(subscription));
    }

    void closed(final StreamConnection connection)
    {
        connections.remove(connection);
        connectionCount = connections.size();
    }

    private static List<StreamConnection> with(final List<StreamConnection> list, final StreamConnection connection)
    {
        final List<StreamConnection> copy = new ArrayList<>(list == null ? List.of() : list);
        copy.add(connection);
        return List.copyOf(copy);
    }

    private static void remove(final List<StreamConnection> list, final StreamConnection connection,
        final java.util.function.Consumer<List<StreamConnection>> put, final Runnable drop)
    {
        if (list == null)
        {
            return;
        }
        final List<StreamConnection> copy = new ArrayList<>(list);
        copy.remove(connection);
        if (copy.isEmpty())
        {
            drop.run();
        }
        else
        {
            put.accept(List.copyOf(copy));
        }
    }

    private void heartbeat()
    {
        final long nowNs = System.nanoTime();
        final long timeoutNs = TimeUnit.MILLISECONDS.toNanos(hub.configuration().heartbeatTimeoutMs());
        final long idleNs = TimeUnit.MILLISECONDS.toNanos(hub.configuration().idleTimeoutMs());
        for (final StreamConnection connection : List.copyOf(connections))
        {
            connection.heartbeat(nowNs, timeoutNs, idleNs);
        }
    }
}
