package dev.bourse.cli;

import dev.bourse.client.BourseClient;
import dev.bourse.client.MarketTradesQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bourse market}: public market data, no credentials needed. */
@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    description = "Public market data: pairs and their rules, ticker, order book, recent trades (no key needed).",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
        "",
        "Examples:",
        "  ./bourse market pairs",
        "  ./bourse market ticker --pair BTC.USDT",
        "  ./bourse market book --pair BTC.USDT --depth 10",
        "  ./bourse market trades --pair BTC.USDT --max 20 --json"})
public final class MarketCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: pairs, ticker, book, trades");
    }

    /** @return the exit code. */
    @Command(
        name = "pairs",
        mixinStandardHelpOptions = true,
        description = "List every pair with its state, price and amount rules and fee rates (percent).",
        footer = {"", "Examples:", "  ./bourse market pairs", "  ./bourse market pairs --json | jq '.[].coinType'"})
    int pairs(@Mixin final PublicOptions options)
    {
        try (BourseClient client = Sdk.anonymous(options))
        {
            return Sdk.print(options, client.pairPolicies(), Views.PAIRS);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "ticker",
        mixinStandardHelpOptions = true,
        description = "Best bid and ask, last price, and the last 24 hours' open, high, low, close and volume.",
        footer = {"", "Example:", "  ./bourse market ticker --pair BTC.USDT"})
    int ticker(
        @Mixin final PublicOptions options,
        @Option(names = "--pair", required = true, paramLabel = "PAIR", description = "CURRENCY.MARKET.")
        final String pair)
    {
        try (BourseClient client = Sdk.anonymous(options))
        {
            return Sdk.print(options, client.ticker(pair), Views.TICKER);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "book",
        mixinStandardHelpOptions = true,
        description = "The order book aggregated per price, best price first on both sides.",
        footer = {"", "Examples:", "  ./bourse market book --pair BTC.USDT",
            "  ./bourse market book --pair BTC.USDT --depth 1 --json | jq '.ASK[0].price'"})
    int book(
        @Mixin final PublicOptions options,
        @Option(names = "--pair", required = true, paramLabel = "PAIR", description = "CURRENCY.MARKET.")
        final String pair,
        @Option(names = "--depth", paramLabel = "N", description = "Price levels per side (1..1000, default 100).")
        final Integer depth)
    {
        try (BourseClient client = Sdk.anonymous(options))
        {
            return Sdk.print(options, depth == null ? client.orderBook(pair) : client.orderBook(pair, depth),
                Views.BOOK);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "trades",
        mixinStandardHelpOptions = true,
        description = {
            "Recent trades of a pair, or of every pair without --pair, newest first (the side is the taker's); only",
            "those of the last 92 days.",
            "Times are ms since the epoch, an ISO-8601 instant or a date (midnight UTC)."},
        footer = {"", "Examples:", "  ./bourse market trades --pair BTC.USDT", "  ./bourse market trades --max 20",
            "  ./bourse market trades --pair BTC.USDT --from 2026-11-01 --max 100 --json"})
    int trades(
        @Mixin final PublicOptions options,
        @Option(names = "--pair", paramLabel = "PAIR", description = "CURRENCY.MARKET; every pair without it.")
        final String pair,
        @Mixin final TimeRangeOptions range,
        @Option(names = "--max", paramLabel = "N", description = "At most this many trades (1..100, default 100).")
        final Integer max)
    {
        try (BourseClient client = Sdk.anonymous(options))
        {
            return Sdk.print(options, client.marketTrades(new MarketTradesQuery(pair, range.fromMs, range.toMs, max)),
                Views.MARKET_TRADES);
        }
    }
}
