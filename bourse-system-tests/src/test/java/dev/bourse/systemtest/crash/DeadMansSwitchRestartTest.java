package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bourse serve} as a process: a dead man's switch whose deadline passed while the server was down (killed
 * with SIGKILL, so recovery replays the journal) fires right after the restart, before any new command.
 */
class DeadMansSwitchRestartTest
{
    private static final String PAIR = "BCH.ETH";

    @TempDir
    Path dir;

    @Test
    void shouldFireADeadlineThatPassedWhileTheServerWasDownBeforeAnyNewCommand() throws Exception
    {
        final Path dataDir = dir.resolve("data");
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "demo=false\nfsync=per-batch\n");
        ServerProcess server = ServerProcess.start(dataDir, config);
        final long orderId;
        final long triggerAtMs;
        ExchangeConnection connection = ExchangeConnection.of(server, dataDir);
        connection.adminOk("PUT", "/admin/v1/pairs/" + PAIR, "minPrice=0.0001&minPriceDecimal=4" +
            "&minAmountDecimal=3&tradeMinAmount=0.001&tradeMaxAmount=100000&tradeMinVolume=0.0001" +
            "&tradeMaxVolume=10000000&makerFeeRate=0.1&takerFeeRate=0.2");
        final ExchangeConnection.Trader trader = connection.newTrader();
        connection.adminOk("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits", "currency=BCH&amount=10");
        try
        {
            orderId = placeSell(connection, trader, "0.05");
            triggerAtMs = connection.signedOk(trader, "POST", "/v1/trade/cancelAllAfter", null, "timeout=1000")
                .get("triggerAt").asLong();
        }
        finally
        {
            server.kill();
        }
        awaitWallClockPast(triggerAtMs);

        server = ServerProcess.start(dataDir, config);
        try
        {
            connection = ExchangeConnection.of(server, dataDir);
            final long placedAfterRestart = placeSell(connection, trader, "0.06");

            final JsonNode order = orderInfo(connection, trader, orderId);
            assertThat(order.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(order.get("completedAt").asLong()).isGreaterThan(triggerAtMs);
            assertThat(orderInfo(connection, trader, placedAfterRestart).get("status").asText())
                .as("the switch fired before this order").isEqualTo("REQUEST");
        }
        finally
        {
            assertThat(server.stop()).isEqualTo(143);
        }
    }

    private static long placeSell(final ExchangeConnection connection, final ExchangeConnection.Trader trader,
        final String price) throws IOException, InterruptedException
    {
        return connection.signedOk(trader, "POST", "/v1/trade/limitOrders", null,
            "coinPair=" + PAIR + "&orderSide=SELL&price=" + price + "&quantity=1").get("orderID").asLong();
    }

    private static JsonNode orderInfo(final ExchangeConnection connection, final ExchangeConnection.Trader trader,
        final long orderId) throws IOException, InterruptedException
    {
        return connection.signedOk(trader, "GET", "/v2/account/orders/" + orderId, null, null);
    }

    /** Waits (a condition on the wall clock, checked every 10 ms) until the deadline has passed. */
    private static void awaitWallClockPast(final long deadlineMs)
    {
        while (System.currentTimeMillis() <= deadlineMs)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
