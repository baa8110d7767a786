package dev.bourse.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static dev.bourse.client.HttpTransport.JSON;

/**
 * A live connection to Bourse's streams ({@code /v1/ws}, see docs/STREAMS.md) that delivers typed
 * {@link StreamEvent}s to a {@link StreamListener}, in the stream's order, on a thread of its own. Open one with
 * {@link BourseClient#stream}; it logs in with the client's key when a private channel or cancel-on-disconnect needs
 * it (signed like a REST request, with the client's clock offset and nonces).
 *
 * <p>It keeps going by itself. When the connection drops, or the server falls silent past the heartbeat timeout it
 * announced, the stream reconnects (backoff from {@link StreamOptions}) and resumes after the last message it
 * delivered: nothing is lost and nothing delivered twice. When the server can no longer resume (its window moved on,
 * or it restarted), the stream subscribes afresh, takes new book and ticker snapshots, reads the account's balances
 * and open orders over REST and delivers them as {@link StreamEvent.Resynced}. It keeps each subscribed book from its
 * snapshot and changes, checking that each change follows the last ({@link #orderBook(String)}); on a gap it asks for
 * a new snapshot. Close it when done.
 */
public final class BourseStream implements AutoCloseable
{
    static final String PATH = "/v1/ws";
    private static final int RESUME_UNAVAILABLE = 7006;
    /** Messages read ahead of the listener at most. */
    private static final int READ_AHEAD = 256;
    /** Refusals that another attempt may not meet: a replay, the rate limit, the time window, a connection cap. */
    private static final List<Integer> TRANSIENT = List.of(4005, 6004, 6005, 7009);

    private final HttpTransport transport;
    private final BourseAsyncClient rest;
    private final StreamOptions options;
    private final StreamListener listener;
    private final ScheduledThreadPoolExecutor executor;
    private final CompletableFuture<BourseStream> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new HashMap<>();
    private final Map<String, LocalBook> books = new HashMap<>();
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private ScheduledFuture<?> watchdog;
    private long nextId;
    private int generation;
    private int failures;
    private long lastReceivedNs;
    private boolean resyncing;
    private Thread thread;
    private volatile StreamPlace lastPlace;
    private volatile boolean closed;

    private BourseStream(final HttpTransport transport, final BourseAsyncClient rest, final StreamOptions options,
        final StreamListener listener)
    {
        this.transport = transport;
        this.rest = rest;
        this.options = options;
        this.listener = listener;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable ->
        {
            thread = new Thread(runnable, "bourse-stream");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        for (final StreamChannel channel : options.channels())
        {
            if ("book".equals(channel.name()))
            {
                books.put(channel.coinPair(), new LocalBook());
            }
        }
    }

    /** @return the stream once its first connection is logged in and subscribed. */
    static CompletableFuture<BourseStream> open(final HttpTransport transport, final BourseAsyncClient rest,
        final StreamOptions options, final StreamListener listener)
    {
        final BourseStream stream = new BourseStream(transport, rest, options, listener);
        stream.executor.execute(stream::connect);
        return stream.opened;
    }

    /**
     * @param coinPair a pair whose book is subscribed.
     * @return the SDK's copy of the whole book as of the last event delivered, best price first on both sides.
     */
    public OrderBook orderBook(final String coinPair)
    {
        final LocalBook book = books.get(coinPair);
        if (book == null)
        {
            throw new IllegalArgumentException("the book of " + coinPair + " is not subscribed");
        }
        return book.toOrderBook();
    }

    /**
     * @return completes when the stream stops for good: normally once it is closed, exceptionally with a
     * {@link BourseException} when the server refused its login or subscriptions on a reconnection.
     */
    public CompletableFuture<Void> terminated()
    {
        return terminated;
    }

    /** @return the place of the last message delivered, or null before the first. */
    public StreamPlace lastPlace()
    {
        return lastPlace;
    }

    /** Closes the connection (without cancel-on-disconnect's cancel-alls being skipped: they run) and the thread. */
    @Override
    public void close()
    {
        if (Thread.currentThread() == thread)
        {
            stop(null);
            return;
        }
        final CompletableFuture<Void> done = new CompletableFuture<>();
        if (run(() ->
        {
            stop(null);
            done.complete(null);
        }))
        {
            done.completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
        executor.shutdownNow();
    }

    /** Stops for good; on the stream's thread. */
    private void stop(final BourseException refused)
    {
        drop();
        closed = true;
        if (refused == null)
        {
            terminated.complete(null);
        }
        else
        {
            terminated.completeExceptionally(refused);
        }
        executor.shutdown();
    }

    /** Runs a task on the stream's thread; @return false when the stream has stopped. */
    private boolean run(final Runnable task)
    {
        try
        {
            executor.execute(task);
            return true;
        }
        catch (final RejectedExecutionException ex)
        {
            return false;
        }
    }

    private void connect()
    {
        if (closed)
        {
            return;
        }
        final int connection = ++generation;
        final int toNode = transport.nodeInUse();
        final String base = transport.baseUri(toNode).toString();
        final URI uri = URI.create((base.startsWith("https:") ? "wss:" + base.substring(6) :
            "ws:" + base.substring(base.indexOf(':') + 1)) + PATH);
        transport.httpClient().newWebSocketBuilder()
            .connectTimeout(transport.configuration().connectTimeout())
            .buildAsync(uri, new Listener(connection))
            .whenCompleteAsync((webSocket, failure) ->
            {
                if (connection != generation)
                {
                    if (webSocket != null)
                    {
                        webSocket.abort();
                    }
                }
                else if (failure != null)
                {
                    if (HttpTransport.certainlyNotSent(failure))
                    {
                        transport.failOver(toNode);
                    }
                    lost(-1, "could not connect: " + failure.getMessage(), failure);
                }
            }, executor);
    }

    /** The first message of a connection: its limits. Starts the watchdog and the login, then subscribes. */
    private void onWelcome(final JsonNode welcome)
    {
        final long pingIntervalMs = welcome.path("pingIntervalMs").asLong(5_000);
        final long timeoutNs = TimeUnit.MILLISECONDS.toNanos(welcome.path("heartbeatTimeoutMs").asLong(15_000));
        final int connection = generation;
        final long quietNs = TimeUnit.MILLISECONDS.toNanos(pingIntervalMs);
        watchdog = executor.scheduleAtFixedRate(() ->
        {
            final long silentNs = System.nanoTime() - lastReceivedNs;
            if (connection != generation)
            {
                return;
            }
            if (silentNs > timeoutNs)
            {
                lost(-1, "nothing from the server for " + TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms", null);
            }
            else if (silentNs > quietNs)
            {
                // a write on a connection the network dropped fails: the drop is seen without waiting for the timeout
                request(object("ping"));
            }
        }, pingIntervalMs, pingIntervalMs, TimeUnit.MILLISECONDS);
        CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
        if (options.needsLogin())
        {
            ready = transport.streamLogin(PATH).thenComposeAsync(login -> request(object("login")
                .put("apiKey", login.apiKey()).put("timestamp", login.timestamp()).put("nonce", login.nonce())
                .put("signature", login.signature())), executor).thenAccept(reply -> expect(reply, "loggedIn"));
        }
        if (options.cancelOnDisconnect())
        {
            ready = ready.thenComposeAsync(ignored ->
            {
                final ObjectNode request = object("cancelOnDisconnect").put("enabled", true);
                if (!options.cancelOnDisconnectPairs().isEmpty())
                {
                    options.cancelOnDisconnectPairs().forEach(request.putArray("pairs")::add);
                }
                return request(request);
            }, executor).thenAccept(reply -> expect(reply, "cancelOnDisconnect"));
        }
        if (!options.channels().isEmpty())
        {
            ready = ready.thenComposeAsync(ignored -> subscribe(options.channels(), lastPlace), executor)
                .thenCompose(reply -> reply.path("code").asInt() == RESUME_UNAVAILABLE ?
                    subscribe(options.channels(), null).thenApply(fresh -> resync(fresh, reply)) :
                    CompletableFuture.completedFuture(reply))
                .thenAccept(reply -> expect(reply, "subscribed"));
        }
        // the last reply completes on the stream's thread: Connected is delivered before anything after it
        ready.whenComplete((ignored, failure) ->
        {
            if (Thread.currentThread() == thread)
            {
                onReady(connection, failure);
            }
            else
            {
                run(() -> onReady(connection, failure));
            }
        });
    }

    private void onReady(final int connection, final Throwable failure)
    {
        if (connection != generation)
        {
            return;
        }
        if (failure != null)
        {
            final Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof BourseException refused && opened.isDone() && TRANSIENT.contains(refused.code()))
            {
                if (refused.code() == 6005)
                {
                    transport.synchronizeClock();
                }
                lost(-1, "statusCode " + refused.code() + ": " + refused.statusMessage(), refused);
            }
            else if (cause instanceof BourseException refused)
            {
                refusedForGood(refused);
            }
            else
            {
                lost(-1, cause.toString(), cause);
            }
            return;
        }
        failures = 0;
        opened.complete(this);
        deliver(new StreamEvent.Connected(lastPlace != null && !resyncing));
        resyncing = false;
    }

    private CompletableFuture<JsonNode> subscribe(final List<StreamChannel> channels, final StreamPlace after)
    {
        final ObjectNode request = object("subscribe");
        channels.forEach(channel -> request.withArray("channels").add(channel.wireName()));
        if (after != null)
        {
            request.putObject("resumeAfter").put("seq", after.sequence()).put("idx", after.index());
        }
        return request(request);
    }

    /**
     * The server could not resume: the fresh subscription is made; reads the account's state over REST, then waits
     * (a ping) until every message up to then was delivered, and delivers the state.
     */
    private JsonNode resync(final JsonNode fresh, final JsonNode refusal)
    {
        resyncing = true;
        final int connection = generation;
        final CompletableFuture<List<Balance>> balances = options.has(StreamChannel.balances()) ?
            rest.balances() : CompletableFuture.completedFuture(List.of());
        final CompletableFuture<List<OpenOrder>> openOrders = options.has(StreamChannel.orders()) ?
            rest.pairPolicies().thenCompose(this::openOrdersOfEveryMarket) :
            CompletableFuture.completedFuture(List.of());
        balances.thenCombine(openOrders, (balanceList, orderList) -> new StreamEvent.Resynced(
                refusal.path("message").asText(), balanceList, orderList))
            .thenComposeAsync(resynced -> request(object("ping")).thenApply(pong -> resynced), executor)
            .whenCompleteAsync((resynced, failure) ->
            {
                if (connection != generation)
                {
                    return;
                }
                if (failure != null)
                {
                    lost(-1, "the resync over REST failed: " + failure, failure);
                    return;
                }
                deliver(resynced);
            }, executor);
        return fresh;
    }

    private CompletableFuture<List<OpenOrder>> openOrdersOfEveryMarket(final List<PairPolicy> pairs)
    {
        final List<CompletableFuture<List<OpenOrder>>> markets = pairs.stream().map(PairPolicy::market).distinct()
            .map(market -> rest.openOrders(OpenOrdersQuery.forMarket(market))).toList();
        return CompletableFuture.allOf(markets.toArray(CompletableFuture[]::new)).thenApply(ignored ->
        {
            final List<OpenOrder> all = new ArrayList<>();
            markets.forEach(market -> all.addAll(market.join()));
            return all;
        });
    }

    private static ObjectNode object(final String op)
    {
        return JsonNodeFactory.instance.objectNode().put("op", op);
    }

    /** Sends a request; @return its reply (an error reply completes it too). */
    private CompletableFuture<JsonNode> request(final ObjectNode request)
    {
        final long id = ++nextId;
        request.put("id", id);
        final CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        send(request.toString());
        return reply;
    }

    private void send(final String text)
    {
        final WebSocket current = socket;
        sending = sending.thenCompose(webSocket -> webSocket.sendText(text, true));
        sending.whenCompleteAsync((webSocket, failure) ->
        {
            if (failure != null && current == socket)
            {
                lost(-1, "could not send: " + failure, failure);
            }
        }, executor);
    }

    private static void expect(final JsonNode reply, final String type)
    {
        if (!type.equals(reply.path("type").asText()))
        {
            throw new BourseException(reply.path("code").asInt(), reply.path("message").asText(), "GET", PATH);
        }
    }

    private void onMessage(final String text)
    {
        lastReceivedNs = System.nanoTime();
        final JsonNode message;
        try
        {
            message = JSON.readTree(text);
        }
        catch (final IOException ex)
        {
            lost(-1, "the server sent something that is not JSON", ex);
            return;
        }
        final JsonNode id = message.get("id");
        if (id != null && id.isIntegralNumber())
        {
            final CompletableFuture<JsonNode> reply = pending.remove(id.asLong());
            if (reply != null)
            {
                reply.complete(message);
                return;
            }
        }
        final String type = message.path("type").asText();
        if ("welcome".equals(type))
        {
            onWelcome(message);
            return;
        }
        if (message.has("idx"))
        {
            final StreamPlace place = new StreamPlace(message.get("seq").asLong(), message.get("idx").asInt());
            if (lastPlace != null && place.compareTo(lastPlace) <= 0)
            {
                return;
            }
            lastPlace = place;
        }
        final StreamEvent event = toEvent(type, message);
        if (event != null)
        {
            deliver(event);
        }
    }

    private StreamEvent toEvent(final String type, final JsonNode message)
    {
        final long sequence = message.path("seq").asLong();
        final int index = message.path("idx").asInt();
        final long timestampMs = message.path("timestamp").asLong();
        final long publishedAtUs = message.path("publishedAtUs").asLong();
        final String coinPair = message.path("coinPair").asText(null);
        return switch (type)
        {
            case "order" -> new StreamEvent.OrderChanged(sequence, index, timestampMs, publishedAtUs,
                StreamEvent.OrderEventType.valueOf(message.get("event").asText()),
                message.has("reason") ? StreamEvent.CancelReason.valueOf(message.get("reason").asText()) : null,
                convert(message.get("order"), OrderInfo.class));
            case "cancelAll" ->
            {
                final List<Long> orderIds = new ArrayList<>();
                message.get("orderIDList").forEach(orderId -> orderIds.add(orderId.asLong()));
                yield new StreamEvent.OrdersCancelled(sequence, index, timestampMs, publishedAtUs, coinPair,
                    List.copyOf(orderIds));
            }
            case "fill" -> new StreamEvent.Filled(sequence, index, timestampMs, publishedAtUs,
                message.get("maker").asBoolean(), convert(message.get("fill"), AccountTrade.class));
            case "balance" -> new StreamEvent.BalanceChanged(sequence, index, timestampMs, publishedAtUs,
                convert(message.get("balance"), Balance.class));
            case "trade" -> new StreamEvent.Traded(sequence, index, timestampMs, publishedAtUs, coinPair,
                convert(message.get("trade"), MarketTrade.class));
            case "ticker" -> new StreamEvent.TickerChanged(sequence, index, timestampMs, publishedAtUs, coinPair,
                convert(message.get("ticker"), Ticker.class));
            case "tickerSnapshot" -> new StreamEvent.TickerSnapshot(coinPair, convert(message.get("ticker"),
                Ticker.class));
            case "bookSnapshot" -> onBookSnapshot(coinPair, message);
            case "book" -> onBookChange(coinPair, message, sequence, index, timestampMs, publishedAtUs);
            default -> null;
        };
    }

    private StreamEvent onBookSnapshot(final String coinPair, final JsonNode message)
    {
        final LocalBook book = books.get(coinPair);
        final List<BookLevel> bids = levels(message.get("BID"));
        final List<BookLevel> asks = levels(message.get("ASK"));
        book.reset(message.get("seq").asLong(), bids, asks);
        return new StreamEvent.BookSnapshot(coinPair, message.get("seq").asLong(), bids, asks);
    }

    private StreamEvent onBookChange(final String coinPair, final JsonNode message, final long sequence,
        final int index, final long timestampMs, final long publishedAtUs)
    {
        final LocalBook book = books.get(coinPair);
        final long previous = message.get("prevSeq").asLong();
        if (book.awaitingSnapshot())
        {
            return null;
        }
        if (previous != book.sequence())
        {
            book.lost();
            final String channel = StreamChannel.book(coinPair).wireName();
            final ObjectNode unsubscribe = object("unsubscribe");
            unsubscribe.putArray("channels").add(channel);
            request(unsubscribe);
            final ObjectNode subscribe = object("subscribe");
            subscribe.putArray("channels").add(channel);
            request(subscribe);
            return null;
        }
        final List<BookLevel> bids = levels(message.get("BID"));
        final List<BookLevel> asks = levels(message.get("ASK"));
        book.apply(sequence, bids, asks);
        return new StreamEvent.BookChanged(sequence, index, timestampMs, publishedAtUs, coinPair, previous, bids, asks);
    }

    private static List<BookLevel> levels(final JsonNode levels)
    {
        final List<BookLevel> list = new ArrayList<>(levels.size());
        levels.forEach(level -> list.add(new BookLevel(level.get("price").decimalValue(),
            level.get("amount").decimalValue())));
        return List.copyOf(list);
    }

    private static <T> T convert(final JsonNode node, final Class<T> type)
    {
        try
        {
            return JSON.treeToValue(node, type);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void deliver(final StreamEvent event)
    {
        try
        {
            listener.onEvent(event);
        }
        catch (final RuntimeException | Error ex)
        {
            final Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, ex);
        }
    }

    /** The connection is gone: reconnects after a backoff, or fails the opening when it was the first. */
    private void lost(final int code, final String reason, final Throwable cause)
    {
        if (closed)
        {
            return;
        }
        drop();
        if (!opened.isDone())
        {
            opened.completeExceptionally(new BourseTransportException("the stream could not be opened: " + reason,
                "GET", PATH, cause));
            stop(null);
            return;
        }
        deliver(new StreamEvent.Disconnected(code, reason, true));
        final long backoffMs = Math.min(options.maxBackoff().toMillis(),
            options.initialBackoff().toMillis() << Math.min(failures++, 20));
        executor.schedule(this::connect, backoffMs, TimeUnit.MILLISECONDS);
    }

    /** The server refused the login or a subscription: no reconnection can succeed. */
    private void refusedForGood(final BourseException refused)
    {
        if (!opened.completeExceptionally(refused))
        {
            deliver(new StreamEvent.Disconnected(-1, "statusCode " + refused.code() + ": " + refused.statusMessage(),
                false));
        }
        stop(refused);
    }

    private void drop()
    {
        generation++;
        if (watchdog != null)
        {
            watchdog.cancel(false);
            watchdog = null;
        }
        if (socket != null)
        {
            socket.abort();
            socket = null;
        }
        final List<CompletableFuture<JsonNode>> waiting = new ArrayList<>(pending.values());
        pending.clear();
        waiting.forEach(reply -> reply.completeExceptionally(new IllegalStateException("the connection ended")));
    }

    /**
     * Hands what the JDK's WebSocket receives to the stream's thread, in order. It keeps reading ahead while fewer than
     * {@link #READ_AHEAD} messages wait to be handled, and stops beyond (so a slow listener slows the connection and
     * never fills memory). Reading ahead is also what makes the JDK report a dropped connection: it loses an end of
     * input that arrives while nothing was requested.
     */
    private final class Listener implements WebSocket.Listener
    {
        private final int connection;
        private final StringBuilder partial = new StringBuilder();
        private int waiting;
        private boolean paused;

        Listener(final int connection)
        {
            this.connection = connection;
        }

        /** Takes the new WebSocket on the stream's thread before anything it receives. */
        @Override
        public void onOpen(final WebSocket webSocket)
        {
            if (!run(() ->
            {
                if (connection == generation)
                {
                    socket = webSocket;
                    sending = CompletableFuture.completedFuture(webSocket);
                    lastReceivedNs = System.nanoTime();
                }
                else
                {
                    webSocket.abort();
                }
            }))
            {
                webSocket.abort();
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (!last)
            {
                webSocket.request(1);
                return null;
            }
            final String text = partial.toString();
            partial.setLength(0);
            if (!run(() ->
            {
                try
                {
                    if (connection == generation)
                    {
                        onMessage(text);
                    }
                }
                finally
                {
                    handled(webSocket);
                }
            }))
            {
                webSocket.abort();
                return null;
            }
            received(webSocket);
            return null;
        }

        private synchronized void received(final WebSocket webSocket)
        {
            if (++waiting < READ_AHEAD)
            {
                webSocket.request(1);
            }
            else
            {
                paused = true;
            }
        }

        private synchronized void handled(final WebSocket webSocket)
        {
            waiting--;
            if (paused && waiting < READ_AHEAD)
            {
                paused = false;
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onPing(final WebSocket webSocket, final ByteBuffer message)
        {
            run(() ->
            {
                if (connection == generation)
                {
                    lastReceivedNs = System.nanoTime();
                }
            });
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            run(() ->
            {
                if (connection == generation)
                {
                    lost(statusCode, reason, null);
                }
            });
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            run(() ->
            {
                if (connection == generation)
                {
                    lost(-1, error.toString(), error);
                }
            });
        }
    }
}
