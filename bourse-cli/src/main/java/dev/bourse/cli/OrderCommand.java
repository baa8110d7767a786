package dev.bourse.cli;

import dev.bourse.client.BourseClient;
import dev.bourse.client.LimitOrderRequest;
import dev.bourse.client.MarketOrderRequest;
import dev.bourse.client.OpenOrdersQuery;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderType;
import dev.bourse.client.SelfTradePrevention;
import dev.bourse.client.TimeInForce;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code bourse order}: place, list, show and cancel the caller's orders, and its dead man's switch (signed requests
 * of the trade and account APIs).
 */
@Command(
    name = "order",
    mixinStandardHelpOptions = true,
    description = "Place, list, show and cancel your orders (needs an API key and secret).",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
        "",
        "Examples:",
        "  ./bourse order place --pair BTC.USDT --side BUY --price 100 --quantity 0.5",
        "  ./bourse order list --pair BTC.USDT",
        "  ./bourse order info 10000000000042",
        "  ./bourse order cancel 10000000000042",
        "  ./bourse order cancel-all --pair BTC.USDT --json",
        "  ./bourse order dead-man --after 30s"})
public final class OrderCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: place, list, info, cancel, "
            + "cancel-all, dead-man");
    }

    /**
     * Places a LIMIT, MARKET or STOPLIMIT order.
     *
     * @return the exit code.
     */
    @Command(
        name = "place",
        mixinStandardHelpOptions = true,
        description = {
            "Place a LIMIT, MARKET or STOPLIMIT order; prints its ID.",
            "LIMIT needs --price. MARKET takes no price; what cannot fill at once is cancelled. STOPLIMIT needs "
            + "--price and --stop-price and waits until the last trade price reaches the stop price (at or above "
            + "it for a BUY, at or below it for a SELL)."},
        footer = {
            "",
            "Examples:",
            "  ./bourse order place --pair BTC.USDT --side BUY --type LIMIT \\",
            "      --price 100 --quantity 0.5",
            "  ./bourse order place --pair BTC.USDT --side SELL --type MARKET --quantity 0.1",
            "  ./bourse order place --pair BTC.USDT --side SELL --type STOPLIMIT \\",
            "      --stop-price 95 --price 94 --quantity 0.5",
            "  ./bourse order place --pair BTC.USDT --side BUY --price 100 --quantity 1 \\",
            "      --json | jq .orderID",
            "  ./bourse order place --pair BTC.USDT --side BUY --price 100 --quantity 1 \\",
            "      --tif POST_ONLY --client-id grid-7"})
    int place(
        @Mixin final ApiOptions options,
        @Option(names = "--pair", required = true, paramLabel = "PAIR", description = "CURRENCY.MARKET, e.g. BTC.USDT.")
        final String pair,
        @Option(names = "--side", paramLabel = "SIDE", required = true, description = "BUY or SELL.")
        final OrderSide side,
        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "LIMIT",
            description = "LIMIT (default), MARKET or STOPLIMIT.") final OrderType type,
        @Option(names = "--quantity", required = true, paramLabel = "AMOUNT",
            description = "Quantity in units of the pair's currency (BTC for BTC.USDT).") final BigDecimal quantity,
        @Option(names = "--price", paramLabel = "PRICE", description = "Limit price in the market (USDT for BTC.USDT).")
        final BigDecimal price,
        @Option(names = "--stop-price", paramLabel = "PRICE", description = "Trigger price of a STOPLIMIT order.")
        final BigDecimal stopPrice,
        @Option(names = "--tif", paramLabel = "TIF", description = "Time in force of a LIMIT order: GTC (default), "
            + "IOC, FOK or POST_ONLY (refused with 3231 if it would trade at once).") final TimeInForce timeInForce,
        @Option(names = "--stp", paramLabel = "MODE", description = "Self-trade prevention: EXPIRE_MAKER (the "
            + "exchange's default), EXPIRE_TAKER, EXPIRE_BOTH or NONE.") final SelfTradePrevention prevention,
        @Option(names = "--client-id", paramLabel = "ID", description = "Your ID of the order, 1..36 of "
            + "[A-Za-z0-9_-]: placing it again answers the first order, so the order is retried when no answer came.")
        final String clientOrderId)
    {
        final OrderRequest request = withOptions(orderRequest(pair, side, type, quantity, price, stopPrice),
            timeInForce, prevention, clientOrderId);
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.placeOrder(request), Views.ORDER_ACK);
        }
    }

    private OrderRequest orderRequest(
        final String pair,
        final OrderSide side,
        final OrderType type,
        final BigDecimal quantity,
        final BigDecimal price,
        final BigDecimal stopPrice)
    {
        final CommandLine place = spec.commandLine().getSubcommands().get("place");
        if (type == OrderType.MARKET && (price != null || stopPrice != null))
        {
            throw new CommandLine.ParameterException(place, "a MARKET order takes no --price and no --stop-price");
        }
        if (type != OrderType.MARKET && price == null)
        {
            throw new CommandLine.ParameterException(place, "a " + type + " order needs --price");
        }
        if (type == OrderType.LIMIT && stopPrice != null)
        {
            throw new CommandLine.ParameterException(place, "--stop-price makes a STOPLIMIT order: give --type "
                + "STOPLIMIT");
        }
        if (type == OrderType.STOPLIMIT && stopPrice == null)
        {
            throw new CommandLine.ParameterException(place, "a STOPLIMIT order needs --stop-price");
        }
        return switch (type)
        {
            case MARKET -> OrderRequest.market(pair, side, quantity);
            case LIMIT -> OrderRequest.limit(pair, side, quantity, price);
            case STOPLIMIT -> OrderRequest.stopLimit(pair, side, quantity, price, stopPrice);
        };
    }

    private OrderRequest withOptions(
        final OrderRequest request,
        final TimeInForce timeInForce,
        final SelfTradePrevention prevention,
        final String clientOrderId)
    {
        return switch (request)
        {
            case LimitOrderRequest limit -> limit.withTimeInForce(timeInForce)
                .withSelfTradePrevention(prevention).withClientOrderId(clientOrderId);
            case MarketOrderRequest market ->
            {
                if (timeInForce != null)
                {
                    throw new CommandLine.ParameterException(spec.commandLine().getSubcommands().get("place"),
                        "a MARKET order takes no --tif");
                }
                yield market.withSelfTradePrevention(prevention).withClientOrderId(clientOrderId);
            }
        };
    }

    /**
     * Lists open orders of a pair, a market or a currency.
     *
     * @return the exit code.
     */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List your open orders (newest first) of a pair, or of every pair of a market or a currency.",
        footer = {
            "",
            "Examples:",
            "  ./bourse order list --pair BTC.USDT",
            "  ./bourse order list --market USDT --max 10",
            "  ./bourse order list --currency BTC --json | jq '.[].orderID'"})
    int list(
        @Mixin final ApiOptions options,
        @Option(names = "--pair", paramLabel = "PAIR", description = "CURRENCY.MARKET.") final String pair,
        @Option(names = "--market", paramLabel = "CURRENCY", description = "Every pair priced in this currency.")
        final String market,
        @Option(names = "--currency", paramLabel = "CURRENCY", description = "Every pair trading this currency.")
        final String currency,
        @Option(names = "--max", paramLabel = "N", description = "At most this many orders (1..100, default 100).")
        final Integer max)
    {
        final OpenOrdersQuery query = openOrdersQuery(pair, market, currency);
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.openOrders(max == null ? query : query.withMax(max)), Views.OPEN_ORDERS);
        }
    }

    private OpenOrdersQuery openOrdersQuery(final String pair, final String market, final String currency)
    {
        final CommandLine list = spec.commandLine().getSubcommands().get("list");
        if (pair != null && (market != null || currency != null))
        {
            throw new CommandLine.ParameterException(list, "give --pair, or --market and/or --currency, not both");
        }
        if (pair != null)
        {
            try
            {
                return OpenOrdersQuery.forPair(pair);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(list, ex.getMessage(), ex, null, pair);
            }
        }
        if (market == null && currency == null)
        {
            throw new CommandLine.ParameterException(list, "give --pair, --market or --currency");
        }
        return new OpenOrdersQuery(market, currency, null);
    }

    /**
     * Shows one order, open or completed.
     *
     * @return the exit code.
     */
    @Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show one of your orders, open or completed: status, fills, reserve, fees.",
        footer = {"", "Examples:", "  ./bourse order info 10000000000042",
            "  ./bourse order info 10000000000042 --json | jq -r .status",
            "  ./bourse order info --client-id grid-7"})
    int info(
        @Mixin final ApiOptions options,
        @Parameters(paramLabel = "ORDER_ID", arity = "0..1", description = "The order's ID.") final Long orderId,
        @Option(names = "--client-id", paramLabel = "ID", description = "Instead of ORDER_ID: your ID of the order "
            + "(the newest order placed with it).") final String clientOrderId)
    {
        final boolean byClientId = orderOrClientId("info", orderId, clientOrderId);
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, byClientId ? client.orderInfoByClientOrderId(clientOrderId) :
                client.orderInfo(orderId), Views.ORDER);
        }
    }

    /** @return whether the command names the order by client order ID; exactly one of the two must be given. */
    private boolean orderOrClientId(final String command, final Long orderId, final String clientOrderId)
    {
        if ((orderId == null) == (clientOrderId == null))
        {
            throw new CommandLine.ParameterException(spec.commandLine().getSubcommands().get(command),
                "give ORDER_ID or --client-id");
        }
        return clientOrderId != null;
    }

    /**
     * Cancels one order.
     *
     * @return the exit code.
     */
    @Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel the remainder of one open order (3321 when it is unknown, another's, or completed).",
        footer = {"", "Examples:", "  ./bourse order cancel 10000000000042",
            "  ./bourse order cancel --client-id grid-7"})
    int cancel(
        @Mixin final ApiOptions options,
        @Parameters(paramLabel = "ORDER_ID", arity = "0..1", description = "The order's ID.") final Long orderId,
        @Option(names = "--client-id", paramLabel = "ID", description = "Instead of ORDER_ID: your ID of the order, "
            + "while the exchange remembers it (24 h).") final String clientOrderId)
    {
        final boolean byClientId = orderOrClientId("cancel", orderId, clientOrderId);
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, byClientId ? client.cancelOrderByClientOrderId(clientOrderId) :
                client.cancelOrder(orderId), Views.CANCELLED);
        }
    }

    /**
     * Cancels every open order of the caller on a pair or on every pair, of one side or both.
     *
     * @return the exit code.
     */
    @Command(
        name = "cancel-all",
        mixinStandardHelpOptions = true,
        description = {
            "Cancel every open order of yours on a pair, or on every pair without --pair, as one command.",
            "LIMIT orders and STOPLIMIT orders still pending; with --side only that side's. Every listed order is "
            + "complete when this returns; an empty list when nothing was open."},
        footer = {"", "Examples:", "  ./bourse order cancel-all --pair BTC.USDT",
            "  ./bourse order cancel-all",
            "  ./bourse order cancel-all --pair BTC.USDT --side BUY",
            "  ./bourse order cancel-all --pair BTC.USDT --json | jq '.orderIDList | length'"})
    int cancelAll(
        @Mixin final ApiOptions options,
        @Option(names = "--pair", paramLabel = "PAIR", description = "CURRENCY.MARKET; every pair without it.")
        final String pair,
        @Option(names = "--side", paramLabel = "SIDE", description = "BUY or SELL: only that side's orders.")
        final OrderSide side)
    {
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.cancelAllOrders(pair, side), Views.CANCELLED_ALL);
        }
    }

    /**
     * Arms, renews or disarms the caller's dead man's switch.
     *
     * @return the exit code.
     */
    @Command(
        name = "dead-man",
        mixinStandardHelpOptions = true,
        description = {
            "Arm or renew your dead man's switch: unless you run this again within --after, every open order of "
            + "yours (on --pair, or on every pair) is cancelled as one cancel-all. --off disarms it.",
            "--after is 1s to 24h; each call replaces the previous one, pair included."},
        footer = {"", "Examples:", "  ./bourse order dead-man --after 30s",
            "  ./bourse order dead-man --after 2m --pair BTC.USDT",
            "  ./bourse order dead-man --off"})
    int deadMan(
        @Mixin final ApiOptions options,
        @Option(names = "--after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "500ms, 30s, 5m or 1h: when your orders are cancelled unless you renew.")
        final Duration after,
        @Option(names = "--off", description = "Disarm the switch.") final boolean off,
        @Option(names = "--pair", paramLabel = "PAIR", description = "CURRENCY.MARKET; every pair without it.")
        final String pair)
    {
        if ((after == null) == !off)
        {
            throw new CommandLine.ParameterException(spec.commandLine().getSubcommands().get("dead-man"),
                "give --after DURATION or --off");
        }
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.cancelAllOrdersAfter(pair, off ? Duration.ZERO : after),
                Views.DEAD_MANS_SWITCH);
        }
    }
}
