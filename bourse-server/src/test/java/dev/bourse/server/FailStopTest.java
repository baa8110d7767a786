package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import dev.bourse.server.simulation.SimulatedDisk;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk, injected under a real server: the write that finds the disk full is answered 5000 and the server
 * stops by itself (exit code 70), without a snapshot of its live state; restarted on a disk with room again, it holds
 * exactly what was durable: every acknowledged order, the same state as a recovery from the journal alone, and the
 * next order gets a new ID. (The same path on a real small filesystem is {@code DiskFullTest} in the system tests.)
 */
class FailStopTest
{
    private static final String BTC_USDT = "BTC.USDT";

    @Test
    void shouldStopAtTheFirstWriteTheDiskRefusesAndRecoverExactlyWhatWasDurable() throws Exception
    {
        final SimulatedDisk disk = new SimulatedDisk(new Random(1));
        try (TestExchange exchange = new TestExchange(context -> context.segmentChannels(disk)))
        {
            exchange.createPair(BTC_USDT);
            final TestExchange.Trader trader = exchange.fundedTrader("1000000", "USDT");
            disk.capacity(disk.bytesWritten() + 2_000);
            exchange.expectInternalErrors();

            final List<Long> acknowledged = new ArrayList<>();
            TestExchange.Answer answer;
            for (int price = 100; ; price++)
            {
                answer = exchange.signed(trader, "POST", "/v1/trade/limitOrders", null,
                    "coinPair=" + BTC_USDT + "&orderSide=BUY&price=" + price + "&quantity=1");
                if (answer.statusCode() != 1000)
                {
                    break;
                }
                acknowledged.add(answer.data().get("orderID").asLong());
                assertThat(acknowledged).as("the disk fills up").hasSizeLessThan(100);
            }

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(5000);
            assertThat(exchange.server.awaitTermination()).isEqualTo(BourseServer.EXIT_FAIL_STOP);
            assertThat(exchange.server.health().acceptingWrites()).isFalse();
            assertThat(exchange.server.health().stopCause()).startsWith("the journal failed to");
            assertThat(acknowledged).isNotEmpty();
            try (Stream<Path> snapshots = Files.list(exchange.dataDir.resolve("snapshots")))
            {
                assertThat(snapshots).as("no snapshot of the live state after the failure").isEmpty();
            }

            disk.capacity(Long.MAX_VALUE);
            exchange.restart();
            for (final long orderId : acknowledged)
            {
                assertThat(exchange.order(trader, orderId).get("status").asText()).isEqualTo("REQUEST");
            }
            final JsonNode open = exchange.signedOk(trader, "GET", "/v1/trade/openOrders", "market=USDT", null);
            assertThat(open.size()).as("acknowledged orders, and the one answered 5000 only if it was durable")
                .isBetween(acknowledged.size(), acknowledged.size() + 1);
            final long next = exchange.limitOrder(trader, BTC_USDT, "BUY", "1", "1");
            assertThat(next).isGreaterThan(acknowledged.getLast());
            for (final JsonNode order : open)
            {
                assertThat(order.get("orderID").asLong()).isNotEqualTo(next);
            }
            assertThat(journalOnlyOpenOrders(exchange, trader)).as("recovery from the journal alone agrees")
                .isEqualTo(open.size() + 1);
        }
    }

    /** Recovers a copy of the data directory without its snapshots and counts the trader's open orders. */
    private static int journalOnlyOpenOrders(final TestExchange exchange, final TestExchange.Trader trader)
        throws Exception
    {
        final Path copy = Files.createTempDirectory("bourse-journal-only");
        Files.createDirectories(copy.resolve("journal"));
        try (Stream<Path> segments = Files.list(exchange.dataDir.resolve("journal")))
        {
            for (final Path segment : segments.filter(path -> path.toString().endsWith(".log")).toList())
            {
                Files.copy(segment, copy.resolve("journal").resolve(segment.getFileName()));
            }
        }
        final byte[] key = Base64.getDecoder().decode(Files.readString(exchange.dataDir.resolve("secret.key")).trim());
        final ExchangeRecovery.Recovered recovered = ExchangeRecovery.recover(JournalConfiguration.defaults(copy),
            EngineConfiguration.DEFAULT, ReadModel.Configuration.DEFAULT, new SecretCipher(key));
        recovered.journal().writer().close();
        return recovered.readModel().orders().openOrders(trader.accountId(), order -> true, 1_000).size();
    }
}
