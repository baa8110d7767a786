package dev.bourse.server.gateway;

import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.TimeInForce;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.DeadMansSwitchSet;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderAlreadyAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderIdList;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TransferCompleted;
import dev.bourse.server.readmodel.AccountFill;
import dev.bourse.server.readmodel.AccountStore;
import dev.bourse.server.readmodel.BookDepthStore;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.readmodel.MarketTrade;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.readmodel.TickerStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The BITFRONT Open API of spec section 4 (sixteen routes answered from the read model, the durable history behind
 * its recent window ({@link HistoryReads}), and the engine) and our extensions of it: cancel-all of every pair, a
 * dead man's switch, order information and cancel by client order ID.
 */
public final class PublicApi
{
    private static final long DAY_MS = 24L * 3600 * 1000;
    private static final long MAX_ACCOUNT_HISTORY_WINDOW_MS = 30 * DAY_MS;
    private static final long MARKET_HISTORY_MS = 92 * DAY_MS;
    private static final Comparator<MarketTrade> OLDEST_FIRST =
        Comparator.comparingLong(MarketTrade::timestampMs).thenComparingLong(MarketTrade::tradeId);

    private final ReadModel readModel;
    private final MarketDirectory markets;
    private final JsonViews views;
    private final EngineGateway engine;
    private final HistoryReads history;

    /**
     * @param readModel what reads show.
     * @param engine    where commands go.
     */
    public PublicApi(final ReadModel readModel, final EngineGateway engine)
    {
        this(readModel, HistoryStore.NONE, engine);
    }

    /**
     * @param readModel what reads show.
     * @param history   the durable history behind the read model's recent window.
     * @param engine    where commands go.
     */
    public PublicApi(final ReadModel readModel, final HistoryStore history, final EngineGateway engine)
    {
        this.readModel = readModel;
        this.history = new HistoryReads(readModel, history);
        this.markets = readModel.markets();
        this.views = new JsonViews(markets);
        this.engine = engine;
    }

    /** @return the routes of the public API. */
    public List<Route> routes()
    {
        return List.of(
            Route.of("GET", "/v1/public/time", Route.Access.PUBLIC, request -> done(ApiResponse.TIME)),
            Route.of("GET", "/v1/market/public/coins/pairPolicy", Route.Access.PUBLIC, this::pairPolicy),
            Route.of("GET", "/v1/market/public/currentTickValue", Route.Access.PUBLIC, this::currentTickValue),
            Route.of("GET", "/v1/market/public/orderBooks", Route.Access.PUBLIC, this::orderBooks),
            Route.of("GET", "/v1/market/public/tradeHistory", Route.Access.PUBLIC, this::marketTradeHistory),
            Route.of("POST", "/v1/trade/limitOrders", Route.Access.SIGNED, this::limitOrder),
            Route.of("POST", "/v1/trade/marketOrders", Route.Access.SIGNED, this::marketOrder),
            Route.of("GET", "/v1/trade/openOrders", Route.Access.SIGNED, this::openOrders),
            Route.of("DELETE", "/v1/trade/orders/{orderID}", Route.Access.SIGNED, this::cancelOrder),
            Route.of("DELETE", "/v1/trade/openOrders/{coinPair}", Route.Access.SIGNED, this::cancelAll),
            Route.of("DELETE", "/v1/trade/openOrders", Route.Access.SIGNED, this::cancelAll),
            Route.of("POST", "/v1/trade/cancelAllAfter", Route.Access.SIGNED, this::cancelAllAfter),
            Route.of("DELETE", "/v1/trade/clientOrders/{clientOrderId}", Route.Access.SIGNED,
                this::cancelByClientOrderId),
            Route.of("GET", "/v2/account/clientOrders/{clientOrderId}", Route.Access.SIGNED,
                this::orderInfoByClientOrderId),
            Route.of("GET", "/v1/account/balances", Route.Access.SIGNED, this::balances),
            Route.of("GET", "/v1/account/balances/{currency}", Route.Access.SIGNED, this::balance),
            Route.of("GET", "/v2/account/orders/{orderID}", Route.Access.SIGNED, this::orderInfo),
            new Route("GET", new PathPattern("/v2/account/tradeHistory"), Route.Access.SIGNED, true,
                this::accountTradeHistory),
            Route.of("GET", "/v1/account/transactionHistory", Route.Access.SIGNED, this::transactionHistory));
    }

    public static CompletableFuture<ApiResponse> done(final ApiResponse response)
    {
        return CompletableFuture.completedFuture(response);
    }

    private CompletableFuture<ApiResponse> pairPolicy(final ApiRequest request)
    {
        final List<MarketDirectory.Pair> pairs = markets.pairs();
        return done(ApiResponse.okArray(pairs, views::pairPolicy));
    }

    private MarketDirectory.Pair pairParam(final ApiRequest request)
    {
        return PairParameter.require(markets, request.params().required("coinPair"));
    }

    private CompletableFuture<ApiResponse> currentTickValue(final ApiRequest request)
    {
        final MarketDirectory.Pair pair = pairParam(request);
        final long bid = readModel.depth().bestPrice(pair.coinPair(), Side.BUY);
        final long ask = readModel.depth().bestPrice(pair.coinPair(), Side.SELL);
        final TickerStore.Ticker ticker = readModel.tickers().ticker(pair.coinPair(), request.nowMs());
        return done(ApiResponse.ok(json -> views.ticker(json, pair, bid, ask, ticker)));
    }

    private CompletableFuture<ApiResponse> orderBooks(final ApiRequest request)
    {
        final MarketDirectory.Pair pair = pairParam(request);
        final int depth = (int)request.params().integer("depth", 100, 1, 1000, Status.INVALID_PARAMETER);
        final List<BookDepthStore.Level> bids = readModel.depth().levels(pair.coinPair(), Side.BUY, depth);
        final List<BookDepthStore.Level> asks = readModel.depth().levels(pair.coinPair(), Side.SELL, depth);
        return done(ApiResponse.ok(json ->
        {
            json.writeStartObject();
            views.bookSides(json, pair, bids, asks);
            json.writeEndObject();
        }));
    }

    /**
     * Trades of the last 92 days only, newest first; without {@code coinPair}, those of every pair merged (spec
     * section 7).
     */
    private CompletableFuture<ApiResponse> marketTradeHistory(final ApiRequest request)
    {
        final String coinPair = request.params().optional("coinPair");
        final List<MarketDirectory.Pair> pairs = coinPair == null ? markets.pairs() :
            List.of(PairParameter.require(markets, coinPair));
        final long oldestMs = request.nowMs() - MARKET_HISTORY_MS;
        final TimeRange range = TimeRange.of(request.params(), oldestMs, request.nowMs(), Long.MAX_VALUE);
        final long fromMs = Math.max(oldestMs, range.fromMs());
        final int max = (int)request.params().integer("max", 100, 1, 100, Status.INVALID_PARAMETER);
        final List<CompletableFuture<List<MarketTrade>>> perPair = new ArrayList<>(pairs.size());
        for (final MarketDirectory.Pair pair : pairs)
        {
            perPair.add(history.trades(pair.coinPair(), fromMs, range.toMs(), max));
        }
        return CompletableFuture.allOf(perPair.toArray(CompletableFuture[]::new))
            .thenApply(all -> ApiResponse.okArray(newest(perPair, max), views::marketTrade));
    }

    /** @return the newest {@code max} trades of every pair's newest-first list, newest first. */
    private static List<MarketTrade> newest(final List<CompletableFuture<List<MarketTrade>>> perPair, final int max)
    {
        final PriorityQueue<MarketTrade> newest = new PriorityQueue<>(max + 1, OLDEST_FIRST);
        for (final CompletableFuture<List<MarketTrade>> pair : perPair)
        {
            for (final MarketTrade trade : pair.join())
            {
                if (newest.size() == max && OLDEST_FIRST.compare(trade, newest.peek()) <= 0)
                {
                    break;
                }
                newest.add(trade);
                if (newest.size() > max)
                {
                    newest.poll();
                }
            }
        }
        final List<MarketTrade> trades = new ArrayList<>(newest);
        trades.sort(OLDEST_FIRST.reversed());
        return trades;
    }

    private CompletableFuture<ApiResponse> limitOrder(final ApiRequest request)
    {
        final RequestParameters params = request.params();
        final String quantityText = params.required("quantity");
        final String priceText = params.required("price");
        final MarketDirectory.Pair pair = orderPair(params);
        final Side side = side(params);
        final long quantity = DecimalUnits.parse(quantityText, markets.scale(pair.currency()), DecimalUnits.QUANTITY);
        final int marketScale = markets.scale(pair.market());
        final long price = DecimalUnits.parse(priceText, marketScale, DecimalUnits.PRICE);
        final String stopText = params.optional("stopPrice");
        final PlaceOrder order = stopText == null ?
            PlaceOrder.limit(request.accountId(), pair.coinPair(), side, price, quantity) :
            PlaceOrder.stopLimit(request.accountId(), pair.coinPair(), side, price,
                DecimalUnits.parse(stopText, marketScale, DecimalUnits.PRICE), quantity);
        return placeOrder(withEntryOptions(order, params));
    }

    private CompletableFuture<ApiResponse> marketOrder(final ApiRequest request)
    {
        final RequestParameters params = request.params();
        final String quantityText = params.required("quantity");
        final MarketDirectory.Pair pair = orderPair(params);
        final Side side = side(params);
        final long quantity = DecimalUnits.parse(quantityText, markets.scale(pair.currency()), DecimalUnits.QUANTITY);
        return placeOrder(withEntryOptions(PlaceOrder.market(request.accountId(), pair.coinPair(), side, quantity),
            params));
    }

    /**
     * Our extension: the optional {@code timeInForce}, {@code selfTradePrevention} and {@code clientOrderId} of an
     * order (4002 for a value outside their lists and charset); the engine decides which orders take which.
     */
    private static PlaceOrder withEntryOptions(final PlaceOrder order, final RequestParameters params)
    {
        final String timeInForce = params.optional("timeInForce");
        final String prevention = params.optional("selfTradePrevention");
        final String clientOrderId = params.optional("clientOrderId");
        if (clientOrderId != null && !PlaceOrder.isValidClientOrderId(clientOrderId))
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return order.withTimeInForce(timeInForce == null ? null : constant(TimeInForce.class, timeInForce))
            .withSelfTradePrevention(prevention == null ? null : constant(SelfTradePrevention.class, prevention))
            .withClientOrderId(clientOrderId);
    }

    /** @return the constant of exactly that name (4002 otherwise). */
    private static <E extends Enum<E>> E constant(final Class<E> type, final String name)
    {
        for (final E constant : type.getEnumConstants())
        {
            if (constant.name().equals(name))
            {
                return constant;
            }
        }
        throw new ApiException(Status.INVALID_PARAMETER);
    }

    private MarketDirectory.Pair orderPair(final RequestParameters params)
    {
        final String coinPair = params.required("coinPair");
        params.required("orderSide");
        return PairParameter.require(markets, coinPair);
    }

    private static Side side(final RequestParameters params)
    {
        return side(params.required("orderSide"));
    }

    private static Side side(final String orderSide)
    {
        return switch (orderSide)
        {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new ApiException(Status.INVALID_ORDER_SIDE);
        };
    }

    /** Places an order; one whose client order ID the account remembers answers the order first placed with it. */
    private CompletableFuture<ApiResponse> placeOrder(final PlaceOrder order)
    {
        return engine.send(order, reply ->
        {
            final OrderAlreadyAccepted placedBefore = reply.first(OrderAlreadyAccepted.class);
            return placedBefore != null ?
                orderAnswer(placedBefore.orderId(), placedBefore.acceptedAtMs()) :
                orderAnswer(reply.first(OrderAccepted.class).order().orderId(), reply.timestampMs());
        });
    }

    private static ApiResponse orderAnswer(final long orderId, final long requestAtMs)
    {
        return ApiResponse.ok(json ->
        {
            json.writeStartObject();
            json.writeNumberField("orderID", orderId);
            json.writeNumberField("requestAt", requestAtMs);
            json.writeEndObject();
        });
    }

    private CompletableFuture<ApiResponse> openOrders(final ApiRequest request)
    {
        final String market = request.params().optional("market");
        final String currency = request.params().optional("currency");
        if (market == null && currency == null)
        {
            throw new ApiException(Status.MANDATORY_PARAMETER_MISSING);
        }
        if (market != null && !markets.isMarket(market))
        {
            throw new ApiException(Status.INVALID_MARKET);
        }
        if (currency != null && !markets.isTradedCurrency(currency))
        {
            throw new ApiException(Status.INVALID_CURRENCY);
        }
        final int max = (int)request.params().integer("max", 100, 1, 100, Status.INVALID_PARAMETER);
        final Predicate<OrderView> filter = order ->
        {
            final MarketDirectory.Pair pair = markets.pair(order.coinPair());
            return pair != null && (market == null || market.equals(pair.market())) &&
                (currency == null || currency.equals(pair.currency()));
        };
        final List<OrderView> orders = readModel.orders().openOrders(request.accountId(), filter, max);
        return done(ApiResponse.okArray(orders, views::openOrder));
    }

    private static long orderIdParam(final ApiRequest request)
    {
        return RequestParameters.parseLong(request.pathParam("orderID"), Status.INVALID_PARAMETER);
    }

    private CompletableFuture<ApiResponse> cancelOrder(final ApiRequest request)
    {
        final long orderId = orderIdParam(request);
        return engine.send(new CancelOrder(request.accountId(), orderId),
            reply -> orderAnswer(orderId, reply.timestampMs()));
    }

    private static String clientOrderIdParam(final ApiRequest request)
    {
        final String clientOrderId = request.pathParam("clientOrderId");
        if (!PlaceOrder.isValidClientOrderId(clientOrderId))
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return clientOrderId;
    }

    /** Our extension: cancels the order the caller placed with a client order ID it still remembers. */
    private CompletableFuture<ApiResponse> cancelByClientOrderId(final ApiRequest request)
    {
        final String clientOrderId = clientOrderIdParam(request);
        return engine.send(CancelOrder.byClientOrderId(request.accountId(), clientOrderId),
            reply -> orderAnswer(reply.first(OrderCancelled.class).order().orderId(), reply.timestampMs()));
    }

    /**
     * Cancels every open order of the caller on the pair of the path or, without one (our extension), on every
     * pair; an optional {@code orderSide} (our extension) limits it to BUY or SELL orders (4006 otherwise).
     */
    private CompletableFuture<ApiResponse> cancelAll(final ApiRequest request)
    {
        final String coinPair = request.pathParams().containsKey("coinPair") ?
            PairParameter.require(markets, request.pathParam("coinPair")).coinPair() : null;
        final String sideText = request.params().optional("orderSide");
        final Side side = sideText == null ? null : side(sideText);
        return engine.send(new CancelAllOrders(request.accountId(), coinPair, side), reply ->
        {
            final OrderIdList orderIds = reply.first(AllOrdersCancelled.class).orderIds();
            return ApiResponse.ok(json ->
            {
                json.writeStartObject();
                json.writeArrayFieldStart("orderIDList");
                for (int i = 0; i < orderIds.size(); i++)
                {
                    json.writeNumber(orderIds.get(i));
                }
                json.writeEndArray();
                json.writeNumberField("requestAt", reply.timestampMs());
                json.writeEndObject();
            });
        });
    }

    /**
     * Our extension, the dead man's switch: unless called again within {@code timeout} ms, every open order of the
     * caller (on {@code coinPair}, or on every pair) is cancelled as one cancel-all; a timeout of 0 disarms it.
     * Answers {@code requestAt} and {@code triggerAt} (0 when disarmed).
     */
    private CompletableFuture<ApiResponse> cancelAllAfter(final ApiRequest request)
    {
        final long timeoutMs = RequestParameters.parseLong(request.params().required("timeout"),
            Status.INVALID_PARAMETER);
        final String coinPairText = request.params().optional("coinPair");
        final String coinPair = coinPairText == null ? null : PairParameter.require(markets, coinPairText).coinPair();
        return engine.send(new SetDeadMansSwitch(request.accountId(), coinPair, timeoutMs), reply ->
        {
            final long triggerAtMs = reply.first(DeadMansSwitchSet.class).deadlineMs();
            return ApiResponse.ok(json ->
            {
                json.writeStartObject();
                json.writeNumberField("requestAt", reply.timestampMs());
                json.writeNumberField("triggerAt", triggerAtMs);
                json.writeEndObject();
            });
        });
    }

    private CompletableFuture<ApiResponse> balances(final ApiRequest request)
    {
        return balancesOf(request.accountId(), markets.currencies());
    }

    private CompletableFuture<ApiResponse> balance(final ApiRequest request)
    {
        final String currency = request.pathParam("currency");
        if (!markets.hasCurrency(currency))
        {
            throw new ApiException(Status.INVALID_CURRENCY);
        }
        return balancesOf(request.accountId(), List.of(currency));
    }

    private CompletableFuture<ApiResponse> balancesOf(final long accountId, final List<String> currencies)
    {
        final List<AccountStore.Balance> balances =
            currencies.stream().map(currency -> readModel.accounts().balance(accountId, currency)).toList();
        return done(ApiResponse.ok(json ->
        {
            json.writeStartArray();
            for (int i = 0; i < currencies.size(); i++)
            {
                views.balance(json, currencies.get(i), balances.get(i));
            }
            json.writeEndArray();
        }));
    }

    private CompletableFuture<ApiResponse> orderInfo(final ApiRequest request)
    {
        return history.order(orderIdParam(request)).thenApply(order ->
        {
            if (order == null || order.accountId() != request.accountId())
            {
                throw new ApiException(Status.ORIGINAL_REQUEST_NOT_FOUND);
            }
            return ApiResponse.ok(json -> views.orderInfo(json, order));
        });
    }

    /** Our extension: order information of the newest order the caller placed with a client order ID. */
    private CompletableFuture<ApiResponse> orderInfoByClientOrderId(final ApiRequest request)
    {
        final OrderView order = readModel.orders().orderByClientOrderId(request.accountId(),
            clientOrderIdParam(request));
        if (order == null)
        {
            throw new ApiException(Status.ORIGINAL_REQUEST_NOT_FOUND);
        }
        return done(ApiResponse.ok(json -> views.orderInfo(json, order)));
    }

    private CompletableFuture<ApiResponse> accountTradeHistory(final ApiRequest request)
    {
        final String coinPairText = request.params().optional("coinPair");
        final String coinPair = coinPairText == null ? null : PairParameter.require(markets, coinPairText).coinPair();
        final TimeRange range = TimeRange.ofDay(request.params(), request.nowMs(), MAX_ACCOUNT_HISTORY_WINDOW_MS);
        final int max = (int)request.params().integer("max", 100, 1, 100, Status.INVALID_PARAMETER);
        return history.fills(request.accountId(), coinPair, range.fromMs(), range.toMs(), max)
            .thenApply(fills -> ApiResponse.okArray(fills, views::accountFill));
    }

    private CompletableFuture<ApiResponse> transactionHistory(final ApiRequest request)
    {
        final RequestParameters params = request.params();
        final String currency = params.optional("currency");
        if (currency != null && !markets.hasCurrency(currency))
        {
            throw new ApiException(Status.INVALID_CURRENCY);
        }
        final TimeRange range = TimeRange.of(params, 0, request.nowMs(), Long.MAX_VALUE);
        final TransferType type = transferType(params.optional("transferType"));
        final int page = (int)params.integer("page", 0, 0, Integer.MAX_VALUE, Status.INVALID_PAGE_NUMBER);
        final int pageSize = (int)params.integer("pageSize", 20, 1, 1000, Status.INVALID_PAGE_SIZE);
        return history.transfers(request.accountId(), currency, type, range.fromMs(), range.toMs(),
            (long)page * pageSize, pageSize).thenApply(found -> transferPage(page, pageSize, found));
    }

    private ApiResponse transferPage(final int page, final int pageSize, final HistoryStore.TransferPage found)
    {
        final long total = found.total();
        final long totalPages = (total + pageSize - 1) / pageSize;
        final List<TransferCompleted> content = found.transfers();
        return ApiResponse.ok(json ->
        {
            json.writeStartObject();
            json.writeNumberField("number", page);
            json.writeNumberField("size", pageSize);
            json.writeNumberField("totalPages", totalPages);
            json.writeNumberField("numberOfElements", content.size());
            json.writeNumberField("totalElements", total);
            json.writeBooleanField("previousPage", page > 0);
            json.writeBooleanField("first", page == 0);
            json.writeBooleanField("nextPage", (long)page + 1 < totalPages);
            json.writeBooleanField("last", (long)page + 1 >= totalPages);
            json.writeArrayFieldStart("content");
            for (final TransferCompleted transfer : content)
            {
                views.transfer(json, transfer);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** @return the type, in any letter case (spec section 7); ASCII only, so that no other script folds into it. */
    private static TransferType transferType(final String text)
    {
        if (text == null)
        {
            return null;
        }
        final boolean ascii = text.chars().allMatch(c -> c < 0x80);
        return switch (ascii ? text.toUpperCase(Locale.ROOT) : text)
        {
            case "DEPOSIT" -> TransferType.DEPOSIT;
            case "WITHDRAW" -> TransferType.WITHDRAW;
            default -> throw new ApiException(Status.INVALID_TRANSFER_TYPE);
        };
    }
}
