package dev.bourse.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.engine.command.Command;
import dev.bourse.server.BourseServer;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.bourse.history.HistoryTestSupport.START_MS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection against a real PostgreSQL: after a seeded run, the tables hold exactly what an in-memory read model
 * that keeps everything shows (every order's last view, every fill, trade and transfer, in the API's order), and one
 * row per order per command that changed it; the history endpoints, answered from the database behind a window of a
 * few records, give the same answers as a server that keeps everything in memory, before and after a restart.
 */
class HistoryProjectionTest
{
    private static EmbeddedDatabase postgres;

    @TempDir
    static Path directory;

    @BeforeAll
    static void startPostgres() throws Exception
    {
        postgres = EmbeddedDatabase.start(directory.resolve("postgres"));
    }

    @AfterAll
    static void stopPostgres()
    {
        postgres.close();
    }

    @Test
    void shouldHoldWhatAnInMemoryReadModelOfEverythingShows(@TempDir final Path dataDir) throws Exception
    {
        final String url = HistoryTestSupport.newDatabase(postgres);
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(START_MS);
        final List<Command> commands = HistoryTestSupport.seededRun(42, 4, 1_500);
        try (BourseServer server = BourseServer.start(
            HistoryTestSupport.context(dataDir, clock, url, HistoryTestSupport.TINY_WINDOW)))
        {
            HistoryTestSupport.apply(server, clock, commands);
            HistoryTestSupport.awaitHistoryCaughtUp(server);
            final JsonNode health = HistoryTestSupport.health(server).path("history");
            assertThat(health.path("status").asText()).isEqualTo("CURRENT");
            assertThat(health.path("lag").asLong()).isZero();
        }

        DatabaseCheck.assertDatabaseHoldsTheJournal(url, dataDir, 4);
    }

    @Test
    void shouldAnswerTheHistoryEndpointsAsAServerThatKeepsEverythingInMemoryBeforeAndAfterARestart(
        @TempDir final Path memoryDir, @TempDir final Path historyDir) throws Exception
    {
        final String url = HistoryTestSupport.newDatabase(postgres);
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(START_MS);
        final List<Command> commands = HistoryTestSupport.seededRun(7, 3, 600);
        final Map<String, String> fromMemory;
        try (BourseServer memory = BourseServer.start(
            HistoryTestSupport.context(memoryDir, clock, null, HistoryTestSupport.WHOLE)))
        {
            HistoryTestSupport.apply(memory, clock, commands);
            fromMemory = historyAnswers(memory, clock, keys(memory));
        }
        assertThat(fromMemory.entrySet()).filteredOn(answer -> answer.getKey().contains(" order ") &&
            answer.getValue().contains("\"statusCode\":1000")).hasSizeGreaterThan(150);
        assertThat(fromMemory.entrySet()).filteredOn(answer -> answer.getKey().contains(" fills") &&
            answer.getValue().contains("\"transactionID\"")).hasSizeGreaterThan(3);
        assertThat(fromMemory.entrySet()).filteredOn(answer -> answer.getKey().contains(" transfers ") &&
            answer.getValue().contains("\"transferType\"")).hasSizeGreaterThan(6);
        clock.update(START_MS);
        Map<String, String> fromDatabase;
        BourseServer history = BourseServer.start(
            HistoryTestSupport.context(historyDir, clock, url, HistoryTestSupport.TINY_WINDOW));
        try
        {
            HistoryTestSupport.apply(history, clock, commands);
            final List<HistoryTestSupport.Key> keys = keys(history);
            HistoryTestSupport.awaitHistoryCaughtUp(history);
            assertThat(history.readModel().window().evictedThroughSequence()).isPositive();
            fromDatabase = historyAnswers(history, clock, keys);
            assertThat(fromDatabase).isEqualTo(fromMemory);

            history.close();
            history = BourseServer.start(
                HistoryTestSupport.context(historyDir, clock, url, HistoryTestSupport.TINY_WINDOW));
            clock.advance(2_000);
            HistoryTestSupport.awaitHistoryCaughtUp(history);
            assertThat(historyAnswers(history, clock, keys)).isEqualTo(fromMemory);
        }
        finally
        {
            history.close();
        }
    }

    private static List<HistoryTestSupport.Key> keys(final BourseServer server)
    {
        final List<HistoryTestSupport.Key> keys = new ArrayList<>();
        for (long account = 1; account <= 3; account++)
        {
            keys.add(HistoryTestSupport.issueKey(server, account));
        }
        return keys;
    }

    /**
     * @return every history answer, by request: order information of every order (by its owner and by another
     * account), account tradeHistory with and without coinPair, transactionHistory pages and filters, and market
     * tradeHistory of each pair, of both, and of a range. The clock moves past the rate limits of tradeHistory.
     */
    private static Map<String, String> historyAnswers(
        final BourseServer server, final CachedEpochClock clock, final List<HistoryTestSupport.Key> keys)
    {
        final Map<String, String> answers = new TreeMap<>();
        final long fromMs = START_MS;
        final long toMs = START_MS + 29L * 24 * 3600 * 1000;
        for (final String query : List.of("coinPair=BCH.ETH", "coinPair=ETH.BTC", "max=100",
            "coinPair=BCH.ETH&startTime=" + (START_MS + 200) + "&endTime=" + (START_MS + 400) + "&max=7"))
        {
            answers.put("market " + query, HistoryTestSupport.publicGet(server,
                "/v1/market/public/tradeHistory?" + query).toString());
        }
        final long orders = HistoryTestSupport.ORDER_ID_BASE + 620;
        for (final HistoryTestSupport.Key key : keys)
        {
            for (final String query : List.of("", "&coinPair=BCH.ETH", "&coinPair=ETH.BTC&max=5"))
            {
                clock.advance(2_100);
                answers.put(key.accountId() + " fills" + query, HistoryTestSupport.signedGet(server, clock, key,
                    "/v2/account/tradeHistory", "startTime=" + fromMs + "&endTime=" + toMs + query).toString());
            }
            for (final String query : List.of("pageSize=2", "pageSize=2&page=1", "pageSize=3&page=2",
                "currency=ETH&pageSize=1&page=1", "transferType=WITHDRAW", "startTime=" + (START_MS + 300)))
            {
                answers.put(key.accountId() + " transfers " + query, HistoryTestSupport.signedGet(server, clock, key,
                    "/v1/account/transactionHistory", query).toString());
            }
            for (long orderId = HistoryTestSupport.ORDER_ID_BASE; orderId <= orders; orderId++)
            {
                answers.put(key.accountId() + " order " + orderId, HistoryTestSupport.signedGet(server, clock, key,
                    "/v2/account/orders/" + orderId, null).toString());
            }
        }
        return answers;
    }

}
