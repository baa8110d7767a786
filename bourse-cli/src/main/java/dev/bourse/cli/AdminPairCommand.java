package dev.bourse.cli;

import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.PairPolicyUpdate;
import dev.bourse.client.PairState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;

/** {@code bourse admin pair}: create a pair or change its policy and state. */
@Command(
    name = "pair",
    mixinStandardHelpOptions = true,
    description = "Create a pair, or change its rules, fees and state (see 'market pairs' for the current ones).",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Examples:", "  ./bourse admin pair set BTC.USDT --state CANCEL_ONLY",
        "  ./bourse admin pair set BTC.USDT --maker-fee-rate 0.05 --taker-fee-rate 0.1"})
public final class AdminPairCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: set");
    }

    /** The fields of a pair's policy; each one not given is left as it is. */
    public static final class PolicyOptions
    {
        @Option(names = "--display-name", paramLabel = "NAME", description = "Display name (at most 64 characters).")
        String displayName;

        @Option(names = "--state", paramLabel = "STATE",
            description = "TRADING, or CANCEL_ONLY (only cancels are accepted).")
        PairState state;

        @Option(names = "--min-price", paramLabel = "PRICE", description = "The lowest price.")
        BigDecimal minPrice;

        @Option(names = "--min-price-decimal", paramLabel = "N", description = "Decimals allowed in a price.")
        Integer priceDecimals;

        @Option(names = "--min-amount-decimal", paramLabel = "N", description = "Decimals allowed in a quantity.")
        Integer amountDecimals;

        @Option(names = "--trade-min-amount", paramLabel = "AMOUNT", description = "Smallest quantity of an order.")
        BigDecimal tradeMinAmount;

        @Option(names = "--trade-max-amount", paramLabel = "AMOUNT", description = "Largest quantity of an order.")
        BigDecimal tradeMaxAmount;

        @Option(names = "--trade-min-volume", paramLabel = "VOLUME", description = "Smallest price x quantity.")
        BigDecimal tradeMinVolume;

        @Option(names = "--trade-max-volume", paramLabel = "VOLUME", description = "Largest price x quantity.")
        BigDecimal tradeMaxVolume;

        @Option(names = "--maker-fee-rate", paramLabel = "PERCENT",
            description = "Maker fee in percent (0.1 = 0.1 %%).")
        BigDecimal makerFeeRate;

        @Option(names = "--taker-fee-rate", paramLabel = "PERCENT", description = "Taker fee in percent.")
        BigDecimal takerFeeRate;

        @Option(names = "--currency-scale", paramLabel = "N",
            description = "Decimals of the pair's currency if it is new (0..18; with --market-scale).")
        Integer currencyScale;

        @Option(names = "--market-scale", paramLabel = "N",
            description = "Decimals of the pair's market currency if it is new (0..18; with --currency-scale).")
        Integer marketScale;

        PairPolicyUpdate update(final CommandLine commandLine)
        {
            final PairPolicyUpdate.Builder update = PairPolicyUpdate.builder()
                .displayName(displayName)
                .state(state)
                .minPrice(minPrice)
                .amountLimits(tradeMinAmount, tradeMaxAmount)
                .volumeLimits(tradeMinVolume, tradeMaxVolume)
                .feeRatesPercent(makerFeeRate, takerFeeRate);
            if (priceDecimals != null)
            {
                update.priceDecimals(priceDecimals);
            }
            if (amountDecimals != null)
            {
                update.amountDecimals(amountDecimals);
            }
            if ((currencyScale == null) != (marketScale == null))
            {
                throw new CommandLine.ParameterException(commandLine, "give --currency-scale and --market-scale "
                    + "together");
            }
            if (currencyScale != null)
            {
                update.scales(currencyScale, marketScale);
            }
            return update.build();
        }
    }

    /** @return the exit code. */
    @Command(
        name = "set",
        mixinStandardHelpOptions = true,
        description = {
            "Create a pair or update its rules, fees and state; prints the pair's policy.",
            "A new pair needs every limit and both fee rates (--min-price, --min-price-decimal, --min-amount-decimal, "
            + "--trade-min/max-amount, --trade-min/max-volume, --maker-fee-rate, --taker-fee-rate); an update changes "
            + "only what it names."},
        footer = {
            "",
            "Examples:",
            "  ./bourse admin pair set BTC.USDT --state CANCEL_ONLY",
            "  ./bourse admin pair set BTC.USDT --state TRADING",
            "  ./bourse admin pair set SOL.USDT --min-price 0.01 --min-price-decimal 2 \\",
            "      --min-amount-decimal 4 --trade-min-amount 0.01 --trade-max-amount 1000 \\",
            "      --trade-min-volume 1 --trade-max-volume 1000000 \\",
            "      --maker-fee-rate 0.1 --taker-fee-rate 0.2"})
    int set(
        @Mixin final AdminOptions options,
        @Parameters(paramLabel = "PAIR", description = "CURRENCY.MARKET, e.g. BTC.USDT.") final String pair,
        @Mixin final PolicyOptions policy)
    {
        final PairPolicyUpdate update = policy.update(spec.commandLine().getSubcommands().get("set"));
        try (BourseAdminClient client = Sdk.admin(options))
        {
            return Sdk.print(options, client.putPair(pair, update), Views.PAIRS);
        }
    }
}
