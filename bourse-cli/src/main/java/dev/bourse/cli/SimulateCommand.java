package dev.bourse.cli;

import dev.bourse.simulator.SampleTrades;
import dev.bourse.simulator.Simulator;
import dev.bourse.simulator.SimulatorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bourse simulate}: runs the market simulator (docs/SIMULATOR.md) against any Bourse until SIGTERM or Ctrl-C.
 * It needs the admin API as well as the public one: it opens its accounts, funds them and issues their keys there.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Run simulated market makers and takers on pairs of a Bourse until Ctrl-C (docs/SIMULATOR.md).",
        "They trade through the public API as ordinary accounts (labelled 'simulated'); the admin API opens, funds "
            + "and keys them, so the admin token is needed."},
    subcommands = {SimulateCommand.SampleTradesCommand.class},
    footer = {
        "",
        "Settings: --settings FILE (key=value lines), then --seed, --label, --price, --replay, --replay-speed, then "
            + "--set KEY=VALUE; a key is global (spread=0.001) or for one pair (BTC.USDT.spread=0.001).",
        "",
        "Examples:",
        "  ./bourse simulate --pairs BTC.USDT,ETH.BTC --data-dir ./data",
        "  ./bourse simulate --url http://10.0.0.5:8080 --admin-url http://127.0.0.1:18081 --admin-token \"$TOKEN\" \\",
        "      --pairs SOL.USDT --price SOL.USDT=150 --seed 7 --set spread=0.001 --set takerRate=60",
        "  ./bourse simulate sample-trades > trades.csv",
        "  ./bourse simulate --pairs BTC.USDT --replay BTC.USDT=trades.csv --replay-speed 10 --data-dir ./data"})
public final class SimulateCommand implements Callable<Integer>
{
    @Option(names = "--url", paramLabel = "URL", description = "Public API (default: $BOURSE_URL, config url, else "
        + SettingsResolver.DEFAULT_URL + ").")
    private String url;

    @Option(names = "--admin-url", paramLabel = "URL", description = "Admin API (default: $BOURSE_ADMIN_URL, "
        + "config adminUrl, else " + SettingsResolver.DEFAULT_ADMIN_URL + ").")
    private String adminUrl;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
        description = "Admin token (default: --data-dir's admin.token, $BOURSE_ADMIN_TOKEN, config adminToken).")
    private String adminToken;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "The server's data directory: read the token the server generated in DIR/admin.token.")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
        description = "The tool's configuration file (default: $BOURSE_CLI_CONFIG, else ~/.bourse/config.properties).")
    private Path config;

    @Option(names = "--pairs", split = ",", paramLabel = "PAIR", description = "The pairs to trade (required).")
    private List<String> pairs;

    @Option(names = "--settings", paramLabel = "FILE", description = "A properties file of simulator settings.")
    private Path settingsFile;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of every random choice (default 1).")
    private Long seed;

    @Option(names = "--label", paramLabel = "LABEL",
        description = "The label of the simulator's accounts (default " + SimulatorSettings.DEFAULT_LABEL + ").")
    private String label;

    @Option(names = "--price", paramLabel = "PAIR=PRICE",
        description = "Start a pair's reference price here (default: its last trade, else its book, else the demo "
            + "price).")
    private Map<String, String> prices;

    @Option(names = "--replay", paramLabel = "PAIR=FILE",
        description = "Replay a recorded trade file on a pair instead of the random walk.")
    private Map<String, String> replays;

    @Option(names = "--replay-speed", paramLabel = "X", description = "Replay X times as fast (default 1).")
    private String replaySpeed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any simulator setting; wins over the others.")
    private Map<String, String> set;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        if (pairs == null || pairs.isEmpty())
        {
            throw new UsageException("name the pairs to trade: --pairs BTC.USDT,ETH.BTC");
        }
        final ClientSettings settings = SettingsResolver.ofProcess()
            .resolve(new SettingsResolver.Flags(config, url, null, null, adminUrl, adminToken, dataDir));
        final String token = settings.requiredAdminToken();
        final Map<String, String> values = new LinkedHashMap<>(SimulatorSettingsFiles.read(settingsFile));
        if (seed != null)
        {
            values.put("seed", seed.toString());
        }
        if (label != null)
        {
            values.put("label", label);
        }
        if (prices != null)
        {
            prices.forEach((pair, price) -> values.put(pair + ".price", price));
        }
        if (replays != null)
        {
            replays.forEach((pair, file) -> values.put(pair + ".replay", file));
        }
        if (replaySpeed != null)
        {
            values.put("replaySpeed", replaySpeed);
        }
        if (set != null)
        {
            values.putAll(set);
        }
        final Simulator simulator;
        try
        {
            simulator = Simulator.start(SimulatorSettings.parse(settings.publicUrl(), settings.adminUrl(), token,
                pairs, values, SimulatorSettingsFiles.demoPrices()));
        }
        catch (final IllegalArgumentException | UncheckedIOException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.println("Simulating " + String.join(", ", simulator.pairs()) + " on " + settings.publicUrl() +
            " with accounts " + simulator.accountIds() + "; Ctrl-C stops it (and cancels its orders).");
        out.flush();
        return Foreground.runUntilShutdown(List.of(simulator));
    }

    /** {@code bourse simulate sample-trades}: prints a generated trade file. */
    @Command(
        name = "sample-trades",
        mixinStandardHelpOptions = true,
        description = "Print a generated recorded trade file (CSV, docs/SIMULATOR.md); with the default seed and count "
            + "it is the sample shipped with the simulator.",
        footer = {"", "Examples:", "  ./bourse simulate sample-trades > trades.csv",
            "  ./bourse simulate sample-trades --seed 7 --count 2000 > longer.csv"})
    static final class SampleTradesCommand implements Callable<Integer>
    {
        @Option(names = "--seed", paramLabel = "N", description = "The seed (default: the shipped sample's).")
        private long seed = SampleTrades.DEFAULT_SEED;

        @Option(names = "--count", paramLabel = "N", description = "How many trades (default: the shipped sample's).")
        private int count = SampleTrades.DEFAULT_COUNT;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call()
        {
            if (count < 1 || count > 1_000_000)
            {
                throw new UsageException("--count must be 1..1000000: " + count);
            }
            final PrintWriter out = spec.commandLine().getOut();
            out.print(SampleTrades.text(seed, count));
            out.flush();
            return ExitCode.OK;
        }
    }
}
