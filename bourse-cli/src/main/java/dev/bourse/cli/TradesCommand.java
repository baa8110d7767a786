package dev.bourse.cli;

import dev.bourse.client.BourseClient;
import dev.bourse.client.TradeHistoryQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bourse trades}: the caller's fills. */
@Command(
    name = "trades",
    mixinStandardHelpOptions = true,
    description = {
        "Show your trades (fills), newest first.",
        "Without --from and --to: the last 24 hours; a window may not exceed 30 days. Times are ms since the "
        + "epoch, an ISO-8601 instant or a date (midnight UTC)."},
    footer = {
        "",
        "Examples:",
        "  ./bourse trades",
        "  ./bourse trades --pair BTC.USDT --from 2026-11-20 --to 2026-11-24",
        "  ./bourse trades --max 10 --json"})
public final class TradesCommand implements Callable<Integer>
{
    @Mixin
    private ApiOptions options;

    @Option(names = "--pair", paramLabel = "PAIR", description = "Only this pair (CURRENCY.MARKET).")
    private String pair;

    @Mixin
    private TimeRangeOptions range;

    @Option(names = "--max", paramLabel = "N", description = "At most this many fills (1..100).")
    private Integer max;

    @Override
    public Integer call()
    {
        final TradeHistoryQuery query = new TradeHistoryQuery(pair, range.fromMs, range.toMs, max);
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.tradeHistory(query), Views.MY_TRADES);
        }
    }
}
