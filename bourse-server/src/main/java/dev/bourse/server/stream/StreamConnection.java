package dev.bourse.server.stream;

import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.server.auth.ApiKeyAuthenticator;
import dev.bourse.server.gateway.ApiException;
import dev.bourse.server.readmodel.ApiKeyStore;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.readmodel.ReadModel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One client's WebSocket on {@code /v1/ws}: its login, subscriptions and cancel-on-disconnect, the requests it sends
 * and the messages written to it. Bounded on every side: the characters written but not yet taken by its socket
 * (beyond {@link StreamConfiguration#sendBufferBytes()} it is closed as too slow, 4001, so it never grows the
 * server's memory), the size and rate of what it sends, and its subscriptions. Lives on one event loop.
 */
final class StreamConnection
{
    /** Closed: it did not take its messages fast enough. */
    static final short CLOSE_SLOW = 4001;
    /** Closed: nothing came from it within the heartbeat timeout. */
    static final short CLOSE_HEARTBEAT = 4002;
    /** Closed: its API key was revoked. */
    static final short CLOSE_KEY_REVOKED = 4003;
    /** Closed: no subscription and no cancel-on-disconnect within the idle timeout. */
    static final short CLOSE_IDLE = 4004;
    /** Closed: too many connections from its address or with its key. */
    static final short CLOSE_TOO_MANY = 4005;
    /** Closed: messages it wanted left the window before it got them; resume. */
    static final short CLOSE_BEHIND = 4006;
    /** Closed: the server is shutting down (RFC 6455 "going away"). */
    static final short CLOSE_GOING_AWAY = 1001;
    /** Closed: a message over the size limit (RFC 6455 "message too big"). */
    static final short CLOSE_TOO_BIG = 1009;

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
    private static final byte[] NO_BODY = new byte[0];
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    private final StreamHub hub;
    private final StreamLoop loop;
    private final ServerWebSocket socket;
    private final String ip;
    private final Set<Subscription> subscriptions = new LinkedHashSet<>();
    private final Map<String, Long> bookSnapshotSequences = new HashMap<>();
    private long accountId;
    private String apiKey;
    private boolean cancelOnDisconnect;
    private List<String> cancelOnDisconnectPairs;
    private long pendingChars;
    private long lastReceivedNs;
    private long idleSinceNs;
    private long requestWindowStartNs;
    private int requestsInWindow;
    private boolean closing;
    private boolean ended;
    private final boolean counted;

    StreamConnection(final StreamHub hub, final StreamLoop loop, final ServerWebSocket socket, final String ip,
        final boolean withinCap)
    {
        this.hub = hub;
        this.loop = loop;
        this.socket = socket;
        this.ip = ip;
        this.lastReceivedNs = System.nanoTime();
        this.idleSinceNs = lastReceivedNs;
        this.requestWindowStartNs = lastReceivedNs;
        this.counted = withinCap;
        hub.stats().opened();
        socket.closeHandler(ignored -> ended());
        socket.shutdownHandler(ignored -> close(CLOSE_GOING_AWAY, "the server is shutting down"));
        socket.exceptionHandler(ex -> LOG.debug("stream connection from {}: {}", ip, ex.toString()));
        if (!withinCap)
        {
            send(StreamCodec.error(null, StreamError.TOO_MANY_CONNECTIONS.code(),
                "too many connections from your address (at most " + hub.configuration().maxConnectionsPerIp() + ")"));
            close(CLOSE_TOO_MANY, "too many connections from your address");
            return;
        }
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(ignored -> onBinary());
        socket.pongHandler(ignored -> lastReceivedNs = System.nanoTime());
        final StreamConfiguration configuration = hub.configuration();
        send(StreamCodec.reply("welcome", null, json ->
        {
            json.writeNumberField("pingIntervalMs", configuration.pingIntervalMs());
            json.writeNumberField("heartbeatTimeoutMs", configuration.heartbeatTimeoutMs());
            json.writeNumberField("idleTimeoutMs", configuration.idleTimeoutMs());
            json.writeNumberField("maxMessageBytes", configuration.maxMessageBytes());
            json.writeNumberField("windowMessages", configuration.windowMessages());
        }));
    }

    long accountId()
    {
        return accountId;
    }

    String apiKey()
    {
        return apiKey;
    }

    boolean hasSubscriptions()
    {
        return !subscriptions.isEmpty();
    }

    boolean hasPrivateSubscriptions()
    {
        return subscriptions.stream().anyMatch(subscription -> subscription.channel().isPrivate());
    }

    /** @return whether the message belongs to one of this connection's subscriptions (and is not in its snapshot). */
    boolean wants(final StreamMessage message)
    {
        return switch (message)
        {
            case StreamMessage.Order order -> ownPrivate(order.accountId(), Channel.ORDERS);
            case StreamMessage.CancelAll cancelAll -> ownPrivate(cancelAll.accountId(), Channel.ORDERS);
            case StreamMessage.Fill fill -> ownPrivate(fill.accountId(), Channel.FILLS);
            case StreamMessage.Balance balance -> ownPrivate(balance.accountId(), Channel.BALANCES);
            case StreamMessage.Trade trade ->
                subscriptions.contains(new Subscription(Channel.TRADES, trade.trade().coinPair()));
            case StreamMessage.Book book -> subscriptions.contains(new Subscription(Channel.BOOK, book.coinPair())) &&
                book.header().sequence() > bookSnapshotSequences.getOrDefault(book.coinPair(), -1L);
            case StreamMessage.Ticker ticker ->
                subscriptions.contains(new Subscription(Channel.TICKER, ticker.coinPair()));
            case StreamMessage.KeyRevoked revoked -> false;
        };
    }

    private boolean ownPrivate(final long ofAccount, final Channel channel)
    {
        return ofAccount == accountId && subscriptions.contains(new Subscription(channel, null));
    }

    /** Writes a message unless the connection is closing; closes it as too slow when its socket lags too far. */
    void send(final String text)
    {
        if (closing)
        {
            return;
        }
        final int chars = text.length();
        if (pendingChars + chars > hub.configuration().sendBufferBytes())
        {
            hub.stats().closedSlow();
            LOG.info("stream connection from {} closed as too slow: {} characters not yet taken", ip, pendingChars);
            close(CLOSE_SLOW, "too slow: " + pendingChars + " characters not yet taken by the connection");
            return;
        }
        pendingChars += chars;
        hub.stats().pending(chars, pendingChars);
        socket.writeFinalTextFrame(text).onComplete(written ->
        {
            pendingChars -= chars;
            hub.stats().pending(-chars, 0);
        });
    }

    /**
     * Closes the connection: it has ended for the server at once (cancel-on-disconnect, caps released), although the
     * closing handshake may take until the client answers or the closing timeout passes.
     */
    void close(final short code, final String reason)
    {
        if (closing)
        {
            return;
        }
        closing = true;
        socket.close(code, reason);
        ended();
    }

    /** The loop's timer: closes a silent or idle connection, else pings it. */
    void heartbeat(final long nowNs, final long timeoutNs, final long idleNs)
    {
        if (closing)
        {
            return;
        }
        if (nowNs - lastReceivedNs > timeoutNs)
        {
            hub.stats().closedHeartbeat();
            close(CLOSE_HEARTBEAT, "nothing received for " + TimeUnit.NANOSECONDS.toMillis(nowNs - lastReceivedNs) +
                " ms (heartbeat timeout " + TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms)");
        }
        else if (subscriptions.isEmpty() && !cancelOnDisconnect && nowNs - idleSinceNs > idleNs)
        {
            close(CLOSE_IDLE, "no subscription for " + TimeUnit.NANOSECONDS.toMillis(idleNs) + " ms");
        }
        else
        {
            socket.writePing(Buffer.buffer());
        }
    }

    private void onBinary()
    {
        lastReceivedNs = System.nanoTime();
        send(StreamCodec.error(null, StreamError.MALFORMED.code(), "binary messages are not accepted; send JSON text"));
    }

    private void onText(final String text)
    {
        final long nowNs = System.nanoTime();
        lastReceivedNs = nowNs;
        if (closing)
        {
            return;
        }
        if (text.length() > hub.configuration().maxMessageBytes())
        {
            send(StreamCodec.error(null, StreamError.MESSAGE_TOO_LARGE.code(),
                "a message may hold at most " + hub.configuration().maxMessageBytes() + " bytes"));
            close(CLOSE_TOO_BIG, "message too large");
            return;
        }
        if (nowNs - requestWindowStartNs >= SECOND_NS)
        {
            requestWindowStartNs = nowNs;
            requestsInWindow = 0;
        }
        StreamRequest request = null;
        try
        {
            if (++requestsInWindow > hub.configuration().maxRequestsPerSecond())
            {
                throw new ApiException(Status.RATE_LIMIT_EXCEEDED);
            }
            request = StreamRequest.parse(text);
            handle(request);
        }
        catch (final StreamRequestException ex)
        {
            send(StreamCodec.error(ex.id(), ex.code(), ex.getMessage()));
        }
        catch (final ApiException ex)
        {
            send(StreamCodec.error(request == null ? null : request.id(), ex.status().code(),
                ex.status().message()));
        }
    }

    private void handle(final StreamRequest request)
    {
        switch (request.op())
        {
            case "login" -> login(request);
            case "subscribe" -> subscribe(request);
            case "unsubscribe" -> unsubscribe(request);
            case "cancelOnDisconnect" -> cancelOnDisconnect(request);
            case "ping" ->
            {
                final long sequence = loop.sentSequence();
                send(StreamCodec.reply("pong", request.id(), json -> json.writeNumberField("seq", sequence)));
            }
            default -> throw refused(request, StreamError.UNKNOWN_OP, "unknown op " + request.op() +
                "; the ops are login, subscribe, unsubscribe, cancelOnDisconnect, ping");
        }
    }

    private void login(final StreamRequest request)
    {
        if (apiKey != null)
        {
            throw refused(request, StreamError.ALREADY_LOGGED_IN, "this connection is logged in already");
        }
        final ApiKeyStore.ApiKey key = hub.authenticator().authenticate(new ApiKeyAuthenticator.SignedRequest(
            request.apiKey(), request.timestamp(), request.nonce(), request.signature(), "GET", StreamHub.PATH, "",
            NO_BODY, ip), false, hub.clock().time());
        if (!hub.quotas().acquireKeyConnection(key.apiKey()))
        {
            send(StreamCodec.error(request.id(), StreamError.TOO_MANY_CONNECTIONS.code(),
                "too many connections with this API key (at most " + hub.configuration().maxConnectionsPerKey() + ")"));
            close(CLOSE_TOO_MANY, "too many connections with this API key");
            return;
        }
        if (!hub.quotas().acquireKeySubscriptions(key.apiKey(), subscriptions.size()))
        {
            hub.quotas().releaseKeyConnection(key.apiKey());
            throw refused(request, StreamError.TOO_MANY_SUBSCRIPTIONS,
                "this connection's subscriptions would exceed the key's " +
                    hub.configuration().maxSubscriptionsPerKey());
        }
        apiKey = key.apiKey();
        accountId = key.accountId();
        send(StreamCodec.reply("loggedIn", request.id(), json -> json.writeNumberField("accountId", accountId)));
    }

    private void subscribe(final StreamRequest request)
    {
        final List<Subscription> requested = subscriptionsOf(request);
        if (request.resumeAfter() != null && !subscriptions.isEmpty())
        {
            throw refused(request, StreamError.INVALID_FIELD,
                "resumeAfter is allowed only before the connection's first subscription");
        }
        final List<Subscription> added = new ArrayList<>();
        for (final Subscription subscription : requested)
        {
            if (!subscriptions.contains(subscription) && !added.contains(subscription))
            {
                added.add(subscription);
            }
        }
        if (!hub.quotas().acquireSubscriptions(ip, apiKey, added.size()))
        {
            throw refused(request, StreamError.TOO_MANY_SUBSCRIPTIONS, "at most " +
                hub.configuration().maxSubscriptionsPerIp() + " subscriptions per address and " +
                hub.configuration().maxSubscriptionsPerKey() + " per API key");
        }
        final StreamPlace resumeAfter = request.resumeAfter();
        if (resumeAfter != null && !loop.canResume(resumeAfter))
        {
            hub.quotas().releaseSubscriptions(ip, apiKey, added.size());
            throw refused(request, StreamError.RESUME_UNAVAILABLE, "cannot resume after seq " +
                resumeAfter.sequence() + " idx " + resumeAfter.index() + ": the stream no longer holds every " +
                "message after it; subscribe without resumeAfter and resync from REST");
        }
        for (final Subscription subscription : added)
        {
            subscriptions.add(subscription);
            loop.subscribed(this, subscription);
        }
        send(StreamCodec.reply("subscribed", request.id(), json ->
        {
            StreamCodec.channels(json, "channels", requested);
            json.writeBooleanField("resumed", resumeAfter != null);
        }));
        if (resumeAfter != null)
        {
            loop.replay(this, resumeAfter);
            return;
        }
        for (final Subscription subscription : added)
        {
            snapshot(subscription);
        }
    }

    private void snapshot(final Subscription subscription)
    {
        final String coinPair = subscription.coinPair();
        if (subscription.channel() == Channel.BOOK)
        {
            final BookMirror.Snapshot snapshot = hub.publisher().bookSnapshot(coinPair);
            bookSnapshotSequences.put(coinPair, snapshot.sequence());
            send(hub.codec().bookSnapshot(coinPair, snapshot));
        }
        else if (subscription.channel() == Channel.TICKER)
        {
            final ReadModel readModel = hub.publisher().readModel();
            send(hub.codec().tickerSnapshot(coinPair, readModel.depth().bestPrice(coinPair, Side.BUY),
                readModel.depth().bestPrice(coinPair, Side.SELL),
                readModel.tickers().ticker(coinPair, hub.clock().time())));
        }
    }

    private void unsubscribe(final StreamRequest request)
    {
        final List<Subscription> requested = subscriptionsOf(request);
        final List<Subscription> removed = new ArrayList<>();
        for (final Subscription subscription : requested)
        {
            if (subscriptions.remove(subscription))
            {
                removed.add(subscription);
                loop.unsubscribed(this, subscription);
                if (subscription.channel() == Channel.BOOK)
                {
                    bookSnapshotSequences.remove(subscription.coinPair());
                }
            }
        }
        hub.quotas().releaseSubscriptions(ip, apiKey, removed.size());
        if (subscriptions.isEmpty())
        {
            idleSinceNs = System.nanoTime();
        }
        send(StreamCodec.reply("unsubscribed", request.id(), json -> StreamCodec.channels(json, "channels", removed)));
    }

    private List<Subscription> subscriptionsOf(final StreamRequest request)
    {
        if (request.channels() == null || request.channels().isEmpty())
        {
            throw refused(request, StreamError.INVALID_FIELD, "channels is required: a non-empty array of names");
        }
        final MarketDirectory markets = hub.publisher().readModel().markets();
        final List<Subscription> requested = new ArrayList<>();
        for (final String name : request.channels())
        {
            final Subscription subscription = Subscription.parse(name);
            if (subscription == null)
            {
                throw refused(request, StreamError.UNKNOWN_CHANNEL, "unknown channel " + name + "; the channels " +
                    "are orders, fills, balances, trades:PAIR, book:PAIR, ticker:PAIR");
            }
            if (subscription.channel().isPrivate() && apiKey == null)
            {
                throw refused(request, StreamError.LOGIN_REQUIRED, "log in before subscribing to " + name);
            }
            if (!subscription.channel().isPrivate() && markets.pair(subscription.coinPair()) == null)
            {
                throw new StreamRequestException(Status.INVALID_COIN_PAIR.code(), Status.INVALID_COIN_PAIR.message(),
                    request.id());
            }
            requested.add(subscription);
        }
        return requested;
    }

    private void cancelOnDisconnect(final StreamRequest request)
    {
        if (apiKey == null)
        {
            throw refused(request, StreamError.LOGIN_REQUIRED, "log in before enabling cancel-on-disconnect");
        }
        if (request.enabled() == null)
        {
            throw refused(request, StreamError.INVALID_FIELD, "enabled is required: true or false");
        }
        final MarketDirectory markets = hub.publisher().readModel().markets();
        if (request.pairs() != null)
        {
            if (request.pairs().isEmpty())
            {
                throw refused(request, StreamError.INVALID_FIELD,
                    "pairs must name at least one pair (omit it for all)");
            }
            for (final String pair : request.pairs())
            {
                if (markets.pair(pair) == null)
                {
                    throw new StreamRequestException(Status.INVALID_COIN_PAIR.code(),
                        Status.INVALID_COIN_PAIR.message(), request.id());
                }
            }
        }
        cancelOnDisconnect = request.enabled();
        cancelOnDisconnectPairs = cancelOnDisconnect && request.pairs() != null ?
            List.copyOf(new LinkedHashSet<>(request.pairs())) : null;
        if (!cancelOnDisconnect && subscriptions.isEmpty())
        {
            idleSinceNs = System.nanoTime();
        }
        final List<String> pairs = cancelOnDisconnectPairs;
        final boolean enabled = cancelOnDisconnect;
        send(StreamCodec.reply("cancelOnDisconnect", request.id(), json ->
        {
            json.writeBooleanField("enabled", enabled);
            if (pairs != null)
            {
                json.writeArrayFieldStart("pairs");
                for (final String pair : pairs)
                {
                    json.writeString(pair);
                }
                json.writeEndArray();
            }
        }));
    }

    private static StreamRequestException refused(final StreamRequest request, final StreamError error,
        final String message)
    {
        return new StreamRequestException(error, message, request.id());
    }

    /** The connection ended, closed by either side or dropped; runs once. */
    private void ended()
    {
        closing = true;
        if (ended)
        {
            return;
        }
        ended = true;
        hub.stats().closed();
        loop.closed(this);
        if (!counted)
        {
            return;
        }
        final List<Subscription> held = List.copyOf(subscriptions);
        subscriptions.clear();
        for (final Subscription subscription : held)
        {
            loop.unsubscribed(this, subscription);
        }
        hub.quotas().releaseSubscriptions(ip, apiKey, held.size());
        hub.quotas().releaseConnection(ip);
        if (apiKey != null)
        {
            hub.quotas().releaseKeyConnection(apiKey);
        }
        if (cancelOnDisconnect)
        {
            LOG.info("stream connection of account {} ended: cancel-on-disconnect cancels its orders on {}", accountId,
                cancelOnDisconnectPairs == null ? "every pair" : cancelOnDisconnectPairs);
            hub.cancelOnDisconnect(accountId, cancelOnDisconnectPairs);
        }
    }
}
