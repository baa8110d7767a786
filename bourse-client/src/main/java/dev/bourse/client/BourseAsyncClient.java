package dev.bourse.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous form of {@link BourseClient}: the same calls, each returning a {@link CompletableFuture} that
 * completes with the typed result or exceptionally with a {@link BourseClientException}: {@link BourseException}
 * for a non-1000 status, {@link OutcomeUnknownException} when an order may or may not have been placed,
 * {@link BourseTransportException} when no answer came, {@link RateLimitTimeoutException} when no rate-limit permit
 * came in time (the request was not sent). Requests waiting for a rate-limit permit are scheduled, not blocked on.
 * Obtain one with {@link BourseClient#async()}; it shares the client's connections, limits and clock offset.
 */
public final class BourseAsyncClient
{
    private static final String TIME = HttpTransport.TIME_PATH;
    private static final String PAIR_POLICY = "/v1/market/public/coins/pairPolicy";
    private static final String TICKER = "/v1/market/public/currentTickValue";
    private static final String ORDER_BOOKS = "/v1/market/public/orderBooks";
    private static final String MARKET_TRADES = "/v1/market/public/tradeHistory";
    private static final String LIMIT_ORDERS = "/v1/trade/limitOrders";
    private static final String MARKET_ORDERS = "/v1/trade/marketOrders";
    private static final String OPEN_ORDERS = "/v1/trade/openOrders";
    private static final String ORDERS = "/v1/trade/orders/";
    private static final String CLIENT_ORDERS = "/v1/trade/clientOrders/";
    private static final String CANCEL_ALL_AFTER = "/v1/trade/cancelAllAfter";
    private static final String BALANCES = "/v1/account/balances";
    private static final String ORDER_INFO = "/v2/account/orders/";
    private static final String CLIENT_ORDER_INFO = "/v2/account/clientOrders/";
    private static final String TRADE_HISTORY = "/v2/account/tradeHistory";
    private static final String TRANSACTION_HISTORY = "/v1/account/transactionHistory";

    private final HttpTransport transport;

    BourseAsyncClient(final HttpTransport transport)
    {
        this.transport = transport;
    }

    /** @return the server's time in ms ({@code GET /v1/public/time}). */
    public CompletableFuture<Long> serverTimeMs()
    {
        return transport.envelope(ApiCall.read(TIME, new Form(), ApiCall.Access.TIME))
            .thenApply(Envelope::responseTimeMs);
    }

    /**
     * Measures the offset of the server's clock from this client's again (round-trip midpoint); signed requests
     * carry local time + offset.
     *
     * @return the offset in ms (server minus local).
     */
    public CompletableFuture<Long> synchronizeClock()
    {
        return transport.synchronizeClock();
    }

    /** @return the policies of every pair ({@code GET /v1/market/public/coins/pairPolicy}). */
    public CompletableFuture<List<PairPolicy>> pairPolicies()
    {
        return transport.callForList(ApiCall.read(PAIR_POLICY, new Form(), ApiCall.Access.PUBLIC), PairPolicy.class);
    }

    /** @return the ticker of a pair ({@code GET /v1/market/public/currentTickValue}). */
    public CompletableFuture<Ticker> ticker(final String coinPair)
    {
        return transport.call(
            ApiCall.read(TICKER, new Form().put("coinPair", coinPair), ApiCall.Access.PUBLIC), Ticker.class);
    }

    /** @return the order book of a pair at the server's default depth of 100 levels. */
    public CompletableFuture<OrderBook> orderBook(final String coinPair)
    {
        return orderBook(coinPair, null);
    }

    /**
     * @param coinPair the pair.
     * @param depth    levels per side, 1..1000, or null for 100.
     * @return the order book ({@code GET /v1/market/public/orderBooks}).
     */
    public CompletableFuture<OrderBook> orderBook(final String coinPair, final Integer depth)
    {
        return transport.call(ApiCall.read(ORDER_BOOKS, new Form().put("coinPair", coinPair).put("depth", depth),
            ApiCall.Access.PUBLIC), OrderBook.class);
    }

    /** @return the trades of a pair or of every pair, newest first ({@code GET /v1/market/public/tradeHistory}). */
    public CompletableFuture<List<MarketTrade>> marketTrades(final MarketTradesQuery query)
    {
        return transport.callForList(ApiCall.read(MARKET_TRADES, query.form(), ApiCall.Access.PUBLIC),
            MarketTrade.class);
    }

    /**
     * Places an order ({@code POST /v1/trade/limitOrders} or {@code /v1/trade/marketOrders}). An order with a client
     * order ID is retried like a read when no answer came (and on 5001): the exchange answers a repeat with the order
     * first placed with that ID, so it is placed once. An order without one is never re-sent once it may have
     * reached the server: if no answer comes, the future fails with {@link OutcomeUnknownException}, and the caller
     * should list open orders to learn whether it was placed.
     *
     * @return the order's ID and request time (of the first placement, for a repeated client order ID).
     */
    public CompletableFuture<OrderAck> placeOrder(final OrderRequest order)
    {
        final boolean retrySafe = order.clientOrderId() != null;
        final ApiCall call = switch (order)
        {
            case LimitOrderRequest limit -> write("POST", LIMIT_ORDERS, limit.form(), retrySafe);
            case MarketOrderRequest market -> write("POST", MARKET_ORDERS, market.form(), retrySafe);
        };
        return transport.call(call, OrderAck.class);
    }

    /** @return the caller's open orders, newest first ({@code GET /v1/trade/openOrders}). */
    public CompletableFuture<List<OpenOrder>> openOrders(final OpenOrdersQuery query)
    {
        return transport.callForList(ApiCall.read(OPEN_ORDERS, query.form(), ApiCall.Access.SIGNED),
            OpenOrder.class);
    }

    /**
     * Cancels one order ({@code DELETE /v1/trade/orders/{orderID}}); retried when no answer came, since a repeat
     * changes nothing more (a repeat after success answers 3321).
     *
     * @return the order's ID and request time.
     */
    public CompletableFuture<OrderAck> cancelOrder(final long orderId)
    {
        return transport.call(write("DELETE", ORDERS + orderId, new Form(), true), OrderAck.class);
    }

    /**
     * Cancels the remainder of the order placed with a client order ID the exchange still remembers
     * ({@code DELETE /v1/trade/clientOrders/{clientOrderId}}, Bourse's extension); retried when no answer came.
     *
     * @return the order's ID and request time.
     */
    public CompletableFuture<OrderAck> cancelOrderByClientOrderId(final String clientOrderId)
    {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        return transport.call(write("DELETE", CLIENT_ORDERS + Form.segment(clientOrderId), new Form(), true),
            OrderAck.class);
    }

    /**
     * Cancels every open order of the caller on a pair ({@code DELETE /v1/trade/openOrders/{coinPair}}); retried
     * when no answer came. Every listed order is COMPLETE when the answer arrives.
     *
     * @return the cancelled orders' IDs.
     */
    public CompletableFuture<CancelAllResult> cancelAllOrders(final String coinPair)
    {
        return cancelAllOrders(Objects.requireNonNull(coinPair, "coinPair"), null);
    }

    /**
     * Cancels every open order of the caller on every pair at once ({@code DELETE /v1/trade/openOrders}, Bourse's
     * extension), as one command; retried when no answer came.
     *
     * @return the cancelled orders' IDs, ascending.
     */
    public CompletableFuture<CancelAllResult> cancelAllOrders()
    {
        return cancelAllOrders(null, null);
    }

    /**
     * Cancels every open order of the caller on a pair, or on every pair, of one side or both (the side filter is
     * Bourse's extension), as one command; retried when no answer came.
     *
     * @param coinPair the pair, or null for every pair.
     * @param side     BUY or SELL, or null for both.
     * @return the cancelled orders' IDs, ascending.
     */
    public CompletableFuture<CancelAllResult> cancelAllOrders(final String coinPair, final OrderSide side)
    {
        final String path = coinPair == null ? OPEN_ORDERS : OPEN_ORDERS + "/" + Form.segment(coinPair);
        return transport.call(write("DELETE", path, new Form().put("orderSide", side), true), CancelAllResult.class);
    }

    /**
     * Arms or renews the dead man's switch ({@code POST /v1/trade/cancelAllAfter}, Bourse's extension): unless it is
     * called again within {@code timeout}, every open order of the caller, on the pair or on every pair, is
     * cancelled as one cancel-all. {@link Duration#ZERO} disarms it; otherwise 1 s to 24 h, whole
     * milliseconds. Retried when no answer came (a repeat only renews it).
     *
     * @param coinPair the pair it covers, or null for every pair.
     * @param timeout  the time it gives you to call again.
     * @return when it fires unless called again.
     */
    public CompletableFuture<DeadMansSwitch> cancelAllOrdersAfter(final String coinPair, final Duration timeout)
    {
        final Form params = new Form().put("timeout", timeout.toMillis()).put("coinPair", coinPair);
        return transport.call(write("POST", CANCEL_ALL_AFTER, params, true), DeadMansSwitch.class);
    }

    /** @return the caller's balance of every currency ({@code GET /v1/account/balances}). */
    public CompletableFuture<List<Balance>> balances()
    {
        return transport.callForList(ApiCall.read(BALANCES, new Form(), ApiCall.Access.SIGNED), Balance.class);
    }

    /** @return the caller's balance of one currency ({@code GET /v1/account/balances/{currency}}). */
    public CompletableFuture<Balance> balance(final String currency)
    {
        return transport.callForList(
                ApiCall.read(BALANCES + "/" + Form.segment(currency), new Form(), ApiCall.Access.SIGNED),
                Balance.class)
            .thenApply(balances -> balances.getFirst());
    }

    /** @return one of the caller's orders, open or completed ({@code GET /v2/account/orders/{orderID}}). */
    public CompletableFuture<OrderInfo> orderInfo(final long orderId)
    {
        return transport.call(ApiCall.read(ORDER_INFO + orderId, new Form(), ApiCall.Access.SIGNED),
            OrderInfo.class);
    }

    /**
     * @return the newest of the caller's orders placed with the client order ID, open or completed
     * ({@code GET /v2/account/clientOrders/{clientOrderId}}, Bourse's extension).
     */
    public CompletableFuture<OrderInfo> orderInfoByClientOrderId(final String clientOrderId)
    {
        return transport.call(ApiCall.read(CLIENT_ORDER_INFO + Form.segment(clientOrderId), new Form(),
            ApiCall.Access.SIGNED), OrderInfo.class);
    }

    /**
     * The caller's fills, newest first ({@code GET /v2/account/tradeHistory}); this endpoint has its own rate limit
     * (1 a second, 30 a minute by default), which the client also keeps.
     *
     * @return the fills.
     */
    public CompletableFuture<List<AccountTrade>> tradeHistory(final TradeHistoryQuery query)
    {
        return transport.callForList(
            new ApiCall("GET", TRADE_HISTORY, query.form(), ApiCall.Access.SIGNED, true, true), AccountTrade.class);
    }

    /** @return a page of the caller's deposits and withdrawals ({@code GET /v1/account/transactionHistory}). */
    public CompletableFuture<TransferPage> transactionHistory(final TransactionHistoryQuery query)
    {
        return transport.call(ApiCall.read(TRANSACTION_HISTORY, query.form(), ApiCall.Access.SIGNED),
            TransferPage.class);
    }

    /**
     * Opens a stream of real-time events ({@code /v1/ws}, see {@link BourseStream}): logs in with this client's key
     * when a private channel or cancel-on-disconnect needs it, and subscribes.
     *
     * @param options  the channels and the stream's behaviour.
     * @param listener receives the events, in order, on the stream's thread.
     * @return the stream once subscribed; fails with {@link BourseException} when the server refused the login or a
     * channel, with {@link BourseTransportException} when it could not be reached.
     */
    public CompletableFuture<BourseStream> stream(final StreamOptions options, final StreamListener listener)
    {
        return BourseStream.open(transport, this, Objects.requireNonNull(options, "options"),
            Objects.requireNonNull(listener, "listener"));
    }

    private static ApiCall write(final String method, final String path, final Form params, final boolean retrySafe)
    {
        return new ApiCall(method, path, params, ApiCall.Access.SIGNED, retrySafe, false);
    }
}
