package dev.bourse.cli;

import dev.bourse.client.BourseClient;
import dev.bourse.client.OpenOrdersQuery;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;

/**
 * {@code bourse order}: place, list, show and cancel the caller's orders (signed requests of the trade and account
 * APIs).
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
        "  ./bourse order cancel-all --pair BTC.USDT --json"})
public final class OrderCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: place, list, info, cancel, "
            + "cancel-all");
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
            "      --json | jq .orderID"})
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
        final BigDecimal stopPrice)
    {
        final OrderRequest request = orderRequest(pair, side, type, quantity, price, stopPrice);
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
            "  ./bourse order info 10000000000042 --json | jq -r .status"})
    int info(
        @Mixin final ApiOptions options,
        @Parameters(paramLabel = "ORDER_ID", description = "The order's ID.") final long orderId)
    {
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.orderInfo(orderId), Views.ORDER);
        }
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
        footer = {"", "Example:", "  ./bourse order cancel 10000000000042"})
    int cancel(
        @Mixin final ApiOptions options,
        @Parameters(paramLabel = "ORDER_ID", description = "The order's ID.") final long orderId)
    {
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.cancelOrder(orderId), Views.CANCELLED);
        }
    }

    /**
     * Cancels every open order of the caller on a pair.
     *
     * @return the exit code.
     */
    @Command(
        name = "cancel-all",
        mixinStandardHelpOptions = true,
        description = {
            "Cancel every open order of yours on a pair, as one command.",
            "LIMIT orders and STOPLIMIT orders still pending. Every listed order is complete when this returns; an "
            + "empty list when nothing was open."},
        footer = {"", "Examples:", "  ./bourse order cancel-all --pair BTC.USDT",
            "  ./bourse order cancel-all --pair BTC.USDT --json | jq '.orderIDList | length'"})
    int cancelAll(
        @Mixin final ApiOptions options,
        @Option(names = "--pair", required = true, paramLabel = "PAIR", description = "CURRENCY.MARKET.")
        final String pair)
    {
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.cancelAllOrders(pair), Views.CANCELLED_ALL);
        }
    }
}
