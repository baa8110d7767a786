package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /v1/trade/cancelAllAfter (our extension) on a real server with a hand-driven clock: the engine thread fires a
 * switch whose owner stopped renewing it, as a journaled command; a renewal or a disarm in time prevents it; a
 * deadline that passed while the server was down fires first thing after the restart.
 */
class DeadMansSwitchHttpTest
{
    private static final String SWITCH = "/v1/trade/cancelAllAfter";

    private TestExchange exchange;
    private TestExchange.Trader owner;
    private TestExchange.Trader other;

    @BeforeEach
    void setUp() throws IOException
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        exchange.createPair("ETH.BTC");
        owner = exchange.fundedTrader("1000", "BCH", "ETH", "BTC");
        other = exchange.fundedTrader("1000", "BCH", "ETH", "BTC");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        exchange.close();
    }

    private JsonNode arm(final String params)
    {
        return exchange.signedOk(owner, "POST", SWITCH, null, params);
    }

    private String status(final long orderId)
    {
        return exchange.order(owner, orderId).get("status").asText();
    }

    /** Goes through the engine thread: every pass after the clock moved has run once this returns. */
    private void passOfTheEngine()
    {
        exchange.limitOrder(other, "BCH.ETH", "BUY", "0.01", "1");
    }

    private void advanceClock(final long ms)
    {
        exchange.clock.update(exchange.clock.time() + ms);
    }

    @Test
    void shouldCancelEveryOpenOrderOfTheOwnerWhenItStopsRenewing()
    {
        final long bch = exchange.limitOrder(owner, "BCH.ETH", "SELL", "0.05", "2");
        final long eth = exchange.limitOrder(owner, "ETH.BTC", "BUY", "0.03", "1");
        final long start = exchange.clock.time();

        final JsonNode armed = arm("timeout=5000");
        assertThat(armed.fieldNames()).toIterable().containsExactly("requestAt", "triggerAt");
        assertThat(armed.get("requestAt").asLong()).isEqualTo(start);
        assertThat(armed.get("triggerAt").asLong()).isEqualTo(start + 5_000);
        advanceClock(4_000);
        assertThat(arm("timeout=5000").get("triggerAt").asLong()).as("renewed").isEqualTo(start + 9_000);
        advanceClock(2_000);
        passOfTheEngine();
        assertThat(status(bch)).as("renewed before its first deadline").isEqualTo("REQUEST");

        advanceClock(3_000);

        TestExchange.awaitCondition("the switch to fire", () -> "COMPLETE".equals(status(eth)));
        assertThat(status(bch)).isEqualTo("COMPLETE");
        assertThat(exchange.order(owner, bch).get("completedAt").asLong()).isGreaterThanOrEqualTo(start + 9_000);
        assertThat(exchange.available(owner, "BCH")).isEqualByComparingTo("1000");
        assertThat(exchange.available(owner, "BTC")).isEqualByComparingTo("1000");
        assertThat(exchange.signedOk(other, "GET", "/v1/trade/openOrders", "currency=BCH", null)).hasSize(1);
        final long after = exchange.limitOrder(owner, "BCH.ETH", "SELL", "0.05", "1");
        advanceClock(60_000);
        passOfTheEngine();
        assertThat(status(after)).as("a fired switch is disarmed").isEqualTo("REQUEST");
    }

    @Test
    void shouldCancelOnlyThePairItCovers()
    {
        final long bch = exchange.limitOrder(owner, "BCH.ETH", "SELL", "0.05", "2");
        final long eth = exchange.limitOrder(owner, "ETH.BTC", "BUY", "0.03", "1");
        arm("timeout=1000&coinPair=BCH.ETH");

        advanceClock(1_000);

        TestExchange.awaitCondition("the switch to fire", () -> "COMPLETE".equals(status(bch)));
        assertThat(status(eth)).isEqualTo("REQUEST");
    }

    @Test
    void shouldNotFireOnceDisarmed()
    {
        final long bch = exchange.limitOrder(owner, "BCH.ETH", "SELL", "0.05", "2");
        arm("timeout=1000");
        final JsonNode disarmed = arm("timeout=0");
        assertThat(disarmed.get("triggerAt").asLong()).isZero();

        advanceClock(10_000);
        passOfTheEngine();

        assertThat(status(bch)).isEqualTo("REQUEST");
    }

    @Test
    void shouldRefuseATimeoutOutOfRangeOrAnUnknownPair()
    {
        for (final String timeout : new String[] {"999", "86400001", "-1", "1.5", "abc", "1e4"})
        {
            assertThat(exchange.signed(owner, "POST", SWITCH, null, "timeout=" + timeout).statusCode())
                .as("timeout %s", timeout).isEqualTo(4002);
        }
        assertThat(exchange.signed(owner, "POST", SWITCH, null, null).statusCode()).isEqualTo(4012);
        assertThat(exchange.signed(owner, "POST", SWITCH, null, "timeout=5000&coinPair=XYZ.ETH").statusCode())
            .isEqualTo(4009);
        assertThat(arm("timeout=86400000").get("triggerAt").asLong())
            .isEqualTo(exchange.clock.time() + 86_400_000L);
    }

    @Test
    void shouldFireADeadlineThatPassedWhileTheServerWasDownBeforeAnyNewCommand() throws IOException
    {
        restartPastTheDeadline(() ->
        {
        });
    }

    @Test
    void shouldFireADeadlineThatPassedWhileTheServerWasDownWhenRecoveringFromTheJournalAlone() throws IOException
    {
        restartPastTheDeadline(() -> deleteSnapshots(exchange.dataDir.resolve("snapshots")));
    }

    private void restartPastTheDeadline(final Runnable whileStopped) throws IOException
    {
        final long bch = exchange.limitOrder(owner, "BCH.ETH", "SELL", "0.05", "2");
        final long triggerAt = arm("timeout=10000").get("triggerAt").asLong();

        exchange.restart(() ->
        {
            whileStopped.run();
            advanceClock(60_000);
        });
        final long placedAfterRestart = exchange.limitOrder(owner, "BCH.ETH", "SELL", "0.06", "1");

        assertThat(status(bch)).isEqualTo("COMPLETE");
        assertThat(exchange.order(owner, bch).get("completedAt").asLong()).isGreaterThan(triggerAt);
        assertThat(status(placedAfterRestart)).as("the switch fired before it was placed").isEqualTo("REQUEST");
    }

    private static void deleteSnapshots(final Path directory)
    {
        try (Stream<Path> files = Files.list(directory))
        {
            for (final Path file : files.toList())
            {
                Files.delete(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
