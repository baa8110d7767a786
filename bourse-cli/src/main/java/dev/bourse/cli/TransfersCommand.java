package dev.bourse.cli;

import dev.bourse.client.BourseClient;
import dev.bourse.client.TransactionHistoryQuery;
import dev.bourse.client.TransferType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bourse transfers}: the caller's deposits and withdrawals, one page. */
@Command(
    name = "transfers",
    mixinStandardHelpOptions = true,
    description = {
        "Show your deposits and withdrawals, newest first, one page at a time.",
        "Times are ms since the epoch, an ISO-8601 instant or a date (midnight UTC)."},
    footer = {"", "Examples:", "  ./bourse transfers", "  ./bourse transfers --currency USDT --type DEPOSIT",
        "  ./bourse transfers --page 1 --page-size 100 --json | jq '.content[].amount'"})
public final class TransfersCommand implements Callable<Integer>
{
    @Mixin
    private ApiOptions options;

    @Option(names = "--currency", paramLabel = "CURRENCY", description = "Only this currency.")
    private String currency;

    @Option(names = "--type", paramLabel = "TYPE", description = "DEPOSIT or WITHDRAW (default both).")
    private TransferType type;

    @Mixin
    private TimeRangeOptions range;

    @Option(names = "--page", paramLabel = "N", description = "The page, from 0 (default 0).")
    private Integer page;

    @Option(names = "--page-size", paramLabel = "N", description = "Transfers per page (1..1000, default 20).")
    private Integer pageSize;

    @Override
    public Integer call()
    {
        final TransactionHistoryQuery query =
            new TransactionHistoryQuery(currency, range.fromMs, range.toMs, type, page, pageSize);
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, client.transactionHistory(query), Views.TRANSFER_PAGE);
        }
    }
}
