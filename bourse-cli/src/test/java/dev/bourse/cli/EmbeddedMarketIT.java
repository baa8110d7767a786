package dev.bourse.cli;

import dev.bourse.client.BourseAdminClient;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import dev.bourse.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When {@code serve} runs the simulated market: on a new data directory (the demo pairs), again after a restart
 * where its accounts exist, not where it never ran unless pairs are named, never when turned off.
 */
class EmbeddedMarketIT
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private ServerContext context(final Path dataDir, final boolean demo)
    {
        return new ServerContext().publicPort(0).adminPort(0).dataDir(dataDir).demoPairs(demo);
    }

    /** Starts the server as {@code serve} does and returns what the simulated market did; closes both. */
    private List<Long> serve(final ServerContext context, final EmbeddedMarket market) throws Exception
    {
        final boolean newDataDirectory = EmbeddedMarket.isNewDataDirectory(context);
        try (BourseServer server = BourseServer.start(context);
             Simulator simulator = market.start(server, context, newDataDirectory,
                 new PrintStream(printed, true, StandardCharsets.UTF_8)))
        {
            return simulator == null ? null : simulator.accountIds();
        }
    }

    @Test
    void shouldRunOnANewDataDirectoryAndAgainWhereItsAccountsExist() throws Exception
    {
        final ServerContext context = context(dir.resolve("data"), true);
        final EmbeddedMarket defaults = new EmbeddedMarket(true, null, null);

        final List<Long> first = serve(context, defaults);
        assertThat(first).hasSize(6);
        assertThat(printed.toString(StandardCharsets.UTF_8))
            .contains("A simulated market trades on BTC.USDT, ETH.BTC, BCH.ETH")
            .contains("./bourse market book --pair BTC.USDT");

        assertThat(serve(context, defaults)).as("after a restart, with the same accounts").isEqualTo(first);
        assertThat(serve(context, new EmbeddedMarket(false, null, null))).as("turned off").isNull();
    }

    @Test
    void shouldNotStartWhereItNeverRanUnlessPairsAreNamed() throws Exception
    {
        final ServerContext context = context(dir.resolve("data"), true);
        assertThat(serve(context, new EmbeddedMarket(false, null, null))).isNull();

        assertThat(serve(context, new EmbeddedMarket(true, null, null))).as("not a new data directory").isNull();
        assertThat(serve(context, new EmbeddedMarket(true, List.of("ETH.BTC"), null))).hasSize(2);
    }

    @Test
    void shouldNeedPairsWithoutTheDemoOnesAndRefuseAPairThatDoesNotExist() throws Exception
    {
        final ServerContext context = context(dir.resolve("data"), false);

        assertThat(serve(context, new EmbeddedMarket(true, null, null))).isNull();
        assertThatThrownBy(() -> serve(context, new EmbeddedMarket(true, List.of("SOL.USDT"), null)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOL.USDT does not exist");
        try (BourseServer server = BourseServer.start(context);
             BourseAdminClient admin = BourseAdminClient.builder(
                 URI.create("http://127.0.0.1:" + server.adminPort()), server.adminToken()).build())
        {
            assertThat(admin.accountIds("simulated")).isEmpty();
        }
    }
}
