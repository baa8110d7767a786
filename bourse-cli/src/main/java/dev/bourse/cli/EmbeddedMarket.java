package dev.bourse.cli;

import dev.bourse.client.BourseAdminClient;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.simulator.Simulator;
import dev.bourse.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The simulated market {@code serve} runs in-process (docs/SIMULATOR.md). It starts on a new data directory, and on
 * one where the simulator's accounts exist (a restart); elsewhere only when pairs are named. By default it trades the
 * demo pairs that exist, never a pair the operator created unless named. It talks HTTP to the server's own ports
 * with the server's admin token, like any client.
 *
 * @param enabled      whether to run it at all.
 * @param pairs        the pairs to trade, or null for the demo pairs.
 * @param settingsFile a file of simulator settings, or null.
 */
record EmbeddedMarket(boolean enabled, List<String> pairs, Path settingsFile)
{
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMarket.class);

    /**
     * @param context the server's configuration.
     * @return whether its data directory holds no state yet (no journal segment and no snapshot): the next start is
     * the first.
     */
    static boolean isNewDataDirectory(final ServerContext context)
    {
        final var journal = context.journalConfiguration();
        return !holdsFile(journal.journalDirectory(), "journal-") && !holdsFile(journal.snapshotDirectory(), "");
    }

    private static boolean holdsFile(final Path directory, final String prefix)
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(prefix));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Starts the simulated market when it should run.
     *
     * @param server           the running server.
     * @param context          its configuration.
     * @param newDataDirectory whether the server started on a new data directory.
     * @param out              where to tell the operator.
     * @return the running simulator, or null when it does not run.
     * @throws IllegalArgumentException when its settings are wrong or a named pair does not exist.
     */
    Simulator start(
        final BourseServer server, final ServerContext context, final boolean newDataDirectory, final PrintStream out)
    {
        if (!enabled)
        {
            return null;
        }
        final Map<String, String> values = SimulatorSettingsFiles.read(settingsFile);
        final MarketDirectory markets = server.readModel().markets();
        final List<String> coinPairs = pairs != null ? pairs : DemoPairs.commands().stream()
            .map(pair -> pair.coinPair()).filter(pair -> markets.pair(pair) != null).toList();
        final URI publicUri = uri(context.publicHost(), server.publicPort());
        final URI adminUri = uri(context.adminHost(), server.adminPort());
        if (coinPairs.isEmpty())
        {
            LOG.info("No simulated market: there are no demo pairs (name pairs with --simulated-pairs)");
            return null;
        }
        final String label = values.getOrDefault("label", SimulatorSettings.DEFAULT_LABEL).trim();
        if (!newDataDirectory && pairs == null && !hasAccounts(adminUri, server.adminToken(), label))
        {
            LOG.info("No simulated market: this data directory ran without one (--simulated-pairs starts it)");
            return null;
        }
        final Simulator simulator = Simulator.start(SimulatorSettings.parse(publicUri, adminUri, server.adminToken(),
            coinPairs, values, SimulatorSettingsFiles.demoPrices()));
        out.println("A simulated market trades on " + String.join(", ", coinPairs) + " (accounts " +
            simulator.accountIds() + ", labelled '" + label + "'; --no-simulated-market turns it off). Watch it:");
        out.println("  ./bourse market book --pair " + coinPairs.getFirst() + " --url " + publicUri);
        out.flush();
        return simulator;
    }

    private static boolean hasAccounts(final URI adminUri, final String token, final String label)
    {
        try (BourseAdminClient admin = BourseAdminClient.builder(adminUri, token).build())
        {
            return !admin.accountIds(label).isEmpty();
        }
    }

    /** @return the URI of a port the server listens on, through 127.0.0.1 when it listens on every interface. */
    static URI uri(final String host, final int port)
    {
        final String reachable = host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host) ||
            "0:0:0:0:0:0:0:0".equals(host) ? "127.0.0.1" : host;
        return URI.create("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port);
    }
}
