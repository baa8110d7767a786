package dev.bourse.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.Transfer;
import dev.bourse.server.BourseServer;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.AppliedCommand;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

import static dev.bourse.history.HistoryTestSupport.START_MS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * History older than the caps the in-memory history had (200,000 trades per pair, 20,000 fills per account, 2,000,000
 * completed orders): 200,100 trades on one pair, all of one seller's fills, are loaded by driving the engine directly;
 * the oldest trade, the oldest fill and the first order are then answered from PostgreSQL, and the tables count every
 * one of them.
 */
class HistoryBeyondOldCapsTest
{
    private static final int TRADES = 200_100;
    private static final String PAIR = "BCH.ETH";
    private static final int IN_FLIGHT = 4_096;

    @Test
    void shouldAnswerHistoryOlderThanTheOldCapsFromTheDatabase(
        @TempDir final Path dataDir, @TempDir final Path databaseDir) throws Exception
    {
        final EmbeddedDatabase postgres = EmbeddedDatabase.start(databaseDir);
        final String url = HistoryTestSupport.newDatabase(postgres);
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(START_MS);
        try (postgres; BourseServer server = BourseServer.start(
            HistoryTestSupport.context(dataDir, clock, url, ReadModel.Configuration.DEFAULT)))
        {
            final ArrayDeque<CompletableFuture<AppliedCommand>> inFlight = new ArrayDeque<>();
            submit(server, clock, inFlight, DemoPairs.commands().get(2));
            for (int account = 1; account <= 2; account++)
            {
                submit(server, clock, inFlight, new CreateAccount());
            }
            submit(server, clock, inFlight, new Transfer(1, TransferType.DEPOSIT, "BCH", 1_000_000_000_000_000L, 0,
                TransferDetails.NONE));
            submit(server, clock, inFlight, new Transfer(2, TransferType.DEPOSIT, "ETH", 1_000_000_000_000_000L, 0,
                TransferDetails.NONE));
            server.submitAndWait(PlaceOrder.limit(2, PAIR, Side.BUY, 4_500_000L, 10_000_000L));
            final AppliedCommand first = server.submit(PlaceOrder.limit(1, PAIR, Side.SELL, 4_500_000L, 10_000_000L))
                .join();
            final long firstMs = first.timestampMs();
            clock.advance(10);
            for (int trade = 1; trade < TRADES; trade++)
            {
                final long price = (450 + trade % 100) * 10_000L;
                submit(server, clock, inFlight, PlaceOrder.limit(2, PAIR, Side.BUY, price, 10_000_000L));
                submit(server, clock, inFlight, PlaceOrder.limit(1, PAIR, Side.SELL, price, 10_000_000L));
            }
            while (!inFlight.isEmpty())
            {
                assertThat(inFlight.poll().join().status().isSuccess()).isTrue();
            }
            final HistoryTestSupport.Key seller = HistoryTestSupport.issueKey(server, 1);
            final HistoryTestSupport.Key buyer = HistoryTestSupport.issueKey(server, 2);
            HistoryTestSupport.awaitHistoryCaughtUp(server);

            try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, null))
            {
                assertThat(DatabaseCheck.query(connection, "SELECT count(*) FROM trade WHERE coin_pair = 'BCH.ETH'"))
                    .containsExactly(Integer.toString(TRADES));
                assertThat(DatabaseCheck.query(connection, "SELECT count(*) FROM fill WHERE account_id = 1"))
                    .containsExactly(Integer.toString(TRADES));
                assertThat(DatabaseCheck.query(connection, "SELECT count(DISTINCT order_id) FROM order_state"))
                    .containsExactly(Integer.toString(2 * TRADES));

            }
            final JsonNode oldestTrades = HistoryTestSupport.publicGet(server, "/v1/market/public/tradeHistory?" +
                "coinPair=" + PAIR + "&startTime=" + (firstMs - 5) + "&endTime=" + (firstMs + 5) + "&max=100");
            assertThat(oldestTrades.path("statusCode").asInt()).isEqualTo(1000);
            assertThat(oldestTrades.path("responseData")).hasSize(1);
            final long firstTrade = oldestTrades.path("responseData").get(0).path("transactionID").asLong();
            final JsonNode oldestFills = HistoryTestSupport.signedGet(server, clock, seller, "/v2/account/tradeHistory",
                "coinPair=" + PAIR + "&startTime=" + (firstMs - 5) + "&endTime=" + (firstMs + 5));
            assertThat(oldestFills.path("statusCode").asInt()).isEqualTo(1000);
            assertThat(oldestFills.path("responseData")).hasSize(1);
            assertThat(oldestFills.path("responseData").get(0).path("transactionID").asLong()).isEqualTo(firstTrade);
            assertThat(first.events().toString()).contains("tradeId=" + firstTrade);
            final JsonNode firstOrder = HistoryTestSupport.signedGet(server, clock, buyer,
                "/v2/account/orders/" + (HistoryTestSupport.ORDER_ID_BASE + 1), null);
            assertThat(firstOrder.path("statusCode").asInt()).isEqualTo(1000);
            assertThat(firstOrder.path("responseData").path("status").asText()).isEqualTo("COMPLETE");
            assertThat(server.readModel().orders().order(HistoryTestSupport.ORDER_ID_BASE + 1)).isNull();
        }
    }

    private static void submit(
        final BourseServer server, final CachedEpochClock clock,
        final ArrayDeque<CompletableFuture<AppliedCommand>> inFlight, final Command command)
    {
        clock.advance(1);
        inFlight.add(server.submit(command));
        if (inFlight.size() > IN_FLIGHT)
        {
            assertThat(inFlight.poll().join().status().isSuccess()).isTrue();
        }
    }
}
