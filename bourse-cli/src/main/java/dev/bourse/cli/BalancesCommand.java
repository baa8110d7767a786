package dev.bourse.cli;

import dev.bourse.client.BourseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bourse balances}: the caller's balances, in every currency or one. */
@Command(
    name = "balances",
    mixinStandardHelpOptions = true,
    description = "Show your balances: total and available (not reserved by open orders), in every currency.",
    footer = {"", "Examples:", "  ./bourse balances", "  ./bourse balances --currency BTC --json"})
public final class BalancesCommand implements Callable<Integer>
{
    @Mixin
    private ApiOptions options;

    @Option(names = "--currency", paramLabel = "CURRENCY", description = "Only this currency.")
    private String currency;

    @Override
    public Integer call()
    {
        try (BourseClient client = Sdk.trading(options))
        {
            return Sdk.print(options, currency == null ? client.balances() : client.balance(currency),
                Views.BALANCES);
        }
    }
}
