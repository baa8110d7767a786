package dev.bourse.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static dev.bourse.client.HttpTransport.await;

/**
 * The client of Bourse's public, trade and account API (the BITFRONT Open API). Calls block until the answer and
 * return typed results; any statusCode other than 1000 raises {@link BourseException}. Every call also exists in
 * asynchronous form on {@link #async()}; both share one implementation, one HTTP client (connections reused), one
 * rate limiter and one clock offset. Thread-safe; close it when done.
 *
 * <p>Signed calls carry unique nonces and a timestamp corrected by the server's clock offset, measured before the
 * first signed call and again once after a 6005 answer. Reads, cancels, cancel-alls, the dead man's switch and orders
 * with a client order ID are retried on transport failures and 5001 answers; an order without a client order ID is
 * never re-sent blindly (see {@link OutcomeUnknownException}). The client
 * keeps to the key's rate limits so the server does not answer 6004: a call waits for a permit up to
 * {@link Builder#rateLimitWait(Duration)} and then fails with {@link RateLimitTimeoutException} without sending.
 */
public final class BourseClient implements AutoCloseable
{
    private final HttpTransport transport;
    private final BourseAsyncClient async;

    private BourseClient(final TransportConfiguration configuration)
    {
        this.transport = new HttpTransport(configuration);
        this.async = new BourseAsyncClient(transport);
    }

    /**
     * @param baseUri the public API, e.g. {@code http://127.0.0.1:8080}.
     * @return a builder.
     */
    public static Builder builder(final URI baseUri)
    {
        return new Builder(baseUri);
    }

    /** @return the asynchronous form of this client, sharing its connections, limits and clock offset. */
    public BourseAsyncClient async()
    {
        return async;
    }

    /** @return the server's time in ms. */
    public long serverTimeMs()
    {
        return await(async.serverTimeMs());
    }

    /** @return the newly measured offset of the server's clock from the local clock, in ms. */
    public long synchronizeClock()
    {
        return await(async.synchronizeClock());
    }

    /** @return the offset in use (server minus local, ms); 0 before the first measurement. */
    public long clockOffsetMs()
    {
        return transport.clockOffsetMs();
    }

    /** @return the policies of every pair. */
    public List<PairPolicy> pairPolicies()
    {
        return await(async.pairPolicies());
    }

    /** @return the ticker of a pair. */
    public Ticker ticker(final String coinPair)
    {
        return await(async.ticker(coinPair));
    }

    /** @return the order book of a pair, 100 levels per side. */
    public OrderBook orderBook(final String coinPair)
    {
        return await(async.orderBook(coinPair));
    }

    /** @return the order book of a pair with {@code depth} (1..1000) levels per side. */
    public OrderBook orderBook(final String coinPair, final int depth)
    {
        return await(async.orderBook(coinPair, depth));
    }

    /** @return the trades of a pair or of every pair, newest first. */
    public List<MarketTrade> marketTrades(final MarketTradesQuery query)
    {
        return await(async.marketTrades(query));
    }

    /**
     * Places an order. With a client order ID it is retried when no answer came, and placed once (a repeat answers
     * the first order). Without one, if it may have reached the server but no answer came, this throws
     * {@link OutcomeUnknownException} and does not re-send it: list open orders before placing it again.
     *
     * @return the order's ID.
     */
    public OrderAck placeOrder(final OrderRequest order)
    {
        return await(async.placeOrder(order));
    }

    /** @return the caller's open orders, newest first. */
    public List<OpenOrder> openOrders(final OpenOrdersQuery query)
    {
        return await(async.openOrders(query));
    }

    /** Cancels one order; 3321 when it is unknown, another account's, or already complete. */
    public OrderAck cancelOrder(final long orderId)
    {
        return await(async.cancelOrder(orderId));
    }

    /** Cancels the order placed with a client order ID the exchange still remembers (Bourse's extension). */
    public OrderAck cancelOrderByClientOrderId(final String clientOrderId)
    {
        return await(async.cancelOrderByClientOrderId(clientOrderId));
    }

    /** Cancels every open order of the caller on a pair; the listed orders are COMPLETE on return. */
    public CancelAllResult cancelAllOrders(final String coinPair)
    {
        return await(async.cancelAllOrders(coinPair));
    }

    /** Cancels every open order of the caller on every pair, as one command (Bourse's extension). */
    public CancelAllResult cancelAllOrders()
    {
        return await(async.cancelAllOrders());
    }

    /**
     * Cancels every open order of the caller on a pair (null: every pair) of a side (null: both), as one command
     * (the side and every pair are Bourse's extensions).
     */
    public CancelAllResult cancelAllOrders(final String coinPair, final OrderSide side)
    {
        return await(async.cancelAllOrders(coinPair, side));
    }

    /**
     * Arms or renews the dead man's switch (Bourse's extension): unless called again within {@code timeout}, every
     * open order of the caller on the pair (null: every pair) is cancelled; {@link Duration#ZERO} disarms it.
     *
     * @return when it fires unless called again.
     */
    public DeadMansSwitch cancelAllOrdersAfter(final String coinPair, final Duration timeout)
    {
        return await(async.cancelAllOrdersAfter(coinPair, timeout));
    }

    /** @return the caller's balance of every currency. */
    public List<Balance> balances()
    {
        return await(async.balances());
    }

    /** @return the caller's balance of one currency. */
    public Balance balance(final String currency)
    {
        return await(async.balance(currency));
    }

    /** @return one of the caller's orders, open or completed. */
    public OrderInfo orderInfo(final long orderId)
    {
        return await(async.orderInfo(orderId));
    }

    /** @return the newest of the caller's orders placed with the client order ID (Bourse's extension). */
    public OrderInfo orderInfoByClientOrderId(final String clientOrderId)
    {
        return await(async.orderInfoByClientOrderId(clientOrderId));
    }

    /** @return the caller's fills, newest first. */
    public List<AccountTrade> tradeHistory(final TradeHistoryQuery query)
    {
        return await(async.tradeHistory(query));
    }

    /** @return a page of the caller's deposits and withdrawals. */
    public TransferPage transactionHistory(final TransactionHistoryQuery query)
    {
        return await(async.transactionHistory(query));
    }

    /**
     * Opens a stream of real-time events ({@code /v1/ws}): the account's order changes, fills and balances, and pairs'
     * trades, books and tickers, resumed by itself across reconnections (see {@link BourseStream}). Blocks until it
     * is subscribed.
     *
     * @param options  the channels, cancel-on-disconnect, reconnection backoff.
     * @param listener receives the events, in order, on the stream's thread.
     * @return the stream; close it when done.
     */
    public BourseStream stream(final StreamOptions options, final StreamListener listener)
    {
        return await(async.stream(options, listener));
    }

    /** Closes the connections and the scheduler; calls in flight fail. */
    @Override
    public void close()
    {
        transport.close();
    }

    /** The settings of a {@link BourseClient}. */
    public static final class Builder extends ClientBuilder<Builder>
    {
        private String apiKey;
        private byte[] apiSecret;
        private boolean rateLimiting = true;
        private int requestsPerSecond = 3;
        private int requestsPerMinute = 60;
        private int tradeHistoryPerSecond = 1;
        private int tradeHistoryPerMinute = 30;
        private Duration rateLimitWait = Duration.ofSeconds(10);
        private Duration rateLimitMargin = Duration.ofMillis(10);
        private int maxQueuedRequests = 10_000;
        private boolean syncClockOnFirstRequest = true;

        private Builder(final URI baseUri)
        {
            super(baseUri);
        }

        /** @return this builder with the key and secret for signed calls (without them only public calls work). */
        public Builder credentials(final String apiKey, final String apiSecret)
        {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Sets the key's limits, as the admin issued them (server default 3 a second, 60 a minute).
         *
         * @return this builder.
         */
        public Builder rateLimit(final int requestsPerSecond, final int requestsPerMinute)
        {
            this.requestsPerSecond = requestsPerSecond;
            this.requestsPerMinute = requestsPerMinute;
            return this;
        }

        /** @return this builder with the limits of account tradeHistory (server default 1 a second, 30 a minute). */
        public Builder tradeHistoryRateLimit(final int requestsPerSecond, final int requestsPerMinute)
        {
            this.tradeHistoryPerSecond = requestsPerSecond;
            this.tradeHistoryPerMinute = requestsPerMinute;
            return this;
        }

        /** @return this builder with client-side rate limiting on (default) or off. */
        public Builder rateLimiting(final boolean rateLimiting)
        {
            this.rateLimiting = rateLimiting;
            return this;
        }

        /** @return this builder with how long a call may wait for a rate-limit permit (default 10 s). */
        public Builder rateLimitWait(final Duration rateLimitWait)
        {
            this.rateLimitWait = positive(rateLimitWait, "rateLimitWait");
            return this;
        }

        /** @return this builder with the time added to each window against clock granularity (default 10 ms). */
        public Builder rateLimitMargin(final Duration rateLimitMargin)
        {
            if (rateLimitMargin.isNegative())
            {
                throw new IllegalArgumentException("rateLimitMargin must not be negative: " + rateLimitMargin);
            }
            this.rateLimitMargin = rateLimitMargin;
            return this;
        }

        /** @return this builder with how many calls may wait for a permit at once (default 10,000). */
        public Builder maxQueuedRequests(final int maxQueuedRequests)
        {
            if (maxQueuedRequests < 1)
            {
                throw new IllegalArgumentException("maxQueuedRequests must be positive: " + maxQueuedRequests);
            }
            this.maxQueuedRequests = maxQueuedRequests;
            return this;
        }

        /**
         * @param syncClockOnFirstRequest whether the first signed call measures the clock offset first (default
         *                                true); when false the offset is measured only after a 6005 answer or by
         *                                {@link BourseClient#synchronizeClock()}.
         * @return this builder.
         */
        public Builder syncClockOnFirstRequest(final boolean syncClockOnFirstRequest)
        {
            this.syncClockOnFirstRequest = syncClockOnFirstRequest;
            return this;
        }

        /** @return the client. */
        public BourseClient build()
        {
            final long marginMs = rateLimitMargin.toMillis();
            final RateLimits limits = rateLimiting ? new RateLimits(
                new RateWindow(requestsPerSecond, requestsPerMinute, marginMs),
                new RateWindow(tradeHistoryPerSecond, tradeHistoryPerMinute, marginMs)) : null;
            return new BourseClient(TransportConfiguration.of(this, apiKey, apiSecret, null, limits,
                rateLimitWait.toMillis(), maxQueuedRequests, syncClockOnFirstRequest));
        }
    }
}
