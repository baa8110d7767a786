package dev.bourse.cli;

import dev.bourse.simulator.SampleTrades;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BourseCommandTest
{
    private record Run(int exitCode, String out, String err)
    {
    }

    private static Run execute(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = BourseCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
        final int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static void collect(final CommandLine commandLine, final List<CommandLine> into)
    {
        into.add(commandLine);
        commandLine.getSubcommands().values().forEach(subcommand -> collect(subcommand, into));
    }

    @Test
    void shouldGiveEveryClientCommandHelpWithExamplesAndExitCodes()
    {
        final List<CommandLine> commands = new ArrayList<>();
        collect(BourseCommand.commandLine(), commands);
        final List<String> checked = new ArrayList<>();

        for (final CommandLine command : commands)
        {
            final String name = command.getCommandSpec().qualifiedName();
            if (name.equals("bourse help") || name.equals("bourse serve"))
            {
                continue;
            }
            final String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(usage).as(name).containsPattern("Examples?:\n  \\./bourse ");
            if (!name.equals("bourse"))
            {
                assertThat(usage).as(name).contains("Exit codes:", "  3   Server unreachable");
            }
            checked.add(name.substring("bourse".length()).trim());
        }

        assertThat(checked).contains("order place", "order list", "order info", "order cancel", "order cancel-all",
            "balances", "trades", "transfers", "market pairs", "market ticker", "market book", "market trades",
            "admin account create", "admin account show", "admin key issue", "admin key list", "admin key revoke",
            "admin deposit", "admin withdraw", "admin pair set");
    }

    @Test
    void shouldRefuseContradictoryOrderOptionsAsAUsageError()
    {
        final Run market = execute("order", "place", "--pair", "BTC.USDT", "--side", "BUY", "--type", "MARKET",
            "--price", "1", "--quantity", "1");
        final Run limit = execute("order", "place", "--pair", "BTC.USDT", "--side", "BUY", "--quantity", "1");
        final Run stop = execute("order", "place", "--pair", "BTC.USDT", "--side", "BUY", "--price", "1",
            "--stop-price", "2", "--quantity", "1");

        assertThat(market.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(market.err()).startsWith("bourse: a MARKET order takes no --price");
        assertThat(limit.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(limit.err()).contains("needs --price").contains("Try 'bourse order place --help'");
        assertThat(stop.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(stop.err()).contains("STOPLIMIT");
    }

    @Test
    void shouldRefuseAnUnknownCommandWithASuggestion()
    {
        final Run run = execute("order", "cancelall");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("cancelall").contains("cancel-all");
    }

    @Test
    void shouldAskForACommandWhenAGroupIsGivenAlone()
    {
        final Run run = execute("admin", "key");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("issue, list, revoke");
    }

    @Test
    void shouldRefuseOpenOrdersWithoutAFilterAndABadTime()
    {
        assertThat(execute("order", "list").err()).contains("give --pair, --market or --currency");
        assertThat(execute("order", "list", "--pair", "BTCUSDT").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(execute("trades", "--from", "yesterday").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void shouldReadTimesAsMillisecondsInstantsOrDates()
    {
        final TimeConverter converter = new TimeConverter();

        assertThat(converter.convert("1700000000000")).isEqualTo(1_700_000_000_000L);
        assertThat(converter.convert("2023-11-14T22:13:20Z")).isEqualTo(1_700_000_000_000L);
        assertThat(converter.convert("2023-11-14")).isEqualTo(1_699_920_000_000L);
    }

    @Test
    void shouldMapSdkFailuresToExitCodes()
    {
        assertThat(FailureHandler.exitCode(new dev.bourse.client.BourseException(3301, "Not enough balance", "POST",
            "/v1/trade/limitOrders"))).isEqualTo(ExitCode.REFUSED);
        assertThat(FailureHandler.exitCode(new dev.bourse.client.OutcomeUnknownException("POST",
            "/v1/trade/limitOrders", new java.io.IOException("reset")))).isEqualTo(ExitCode.OUTCOME_UNKNOWN);
        assertThat(FailureHandler.exitCode(new dev.bourse.client.BourseTransportException("refused", "GET", "/x",
            new java.net.ConnectException()))).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(FailureHandler.exitCode(new UsageException("no key"))).isEqualTo(ExitCode.USAGE);
        assertThat(FailureHandler.exitCode(new IllegalStateException("bug"))).isEqualTo(ExitCode.INTERNAL);
        assertThat(FailureHandler.message(new dev.bourse.client.BourseException(3301, "Not enough balance", "POST",
            "/v1/trade/limitOrders"))).isEqualTo("statusCode 3301: Not enough balance");
    }

    @Test
    void shouldRefuseASimulationWithoutPairsOrWithAnUnknownSettingBeforeConnecting()
    {
        final Run noPairs = execute("simulate", "--admin-token", "t", "--url", "http://127.0.0.1:1");
        final Run badSetting = execute("simulate", "--pairs", "BTC.USDT", "--set", "sprad=1", "--admin-token", "t",
            "--url", "http://127.0.0.1:1", "--admin-url", "http://127.0.0.1:1");

        assertThat(noPairs.exitCode()).as(noPairs.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(noPairs.err()).contains("--pairs");
        assertThat(badSetting.exitCode()).as(badSetting.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(badSetting.err()).contains("unknown simulator setting: sprad");
    }

    @Test
    void shouldPrintTheShippedSampleTradeFile()
    {
        final Run sample = execute("simulate", "sample-trades");

        assertThat(sample.exitCode()).isZero();
        assertThat(sample.out()).isEqualTo(SampleTrades.shipped());
        assertThat(execute("simulate", "sample-trades", "--count", "0").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
