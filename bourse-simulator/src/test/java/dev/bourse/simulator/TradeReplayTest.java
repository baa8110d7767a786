package dev.bourse.simulator;

import dev.bourse.client.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TradeReplayTest
{
    /** Trades at 0, 1 s, 1 s and 4 s (recorded time) at 100, 110, 111 and 90. */
    private static final List<RecordedTrade> TRADES = List.of(
        trade(10_000, "100"), trade(11_000, "110"), trade(11_000, "111"), trade(14_000, "90"));

    private static RecordedTrade trade(final long timeMs, final String price)
    {
        return new RecordedTrade(timeMs, new BigDecimal(price), BigDecimal.ONE, OrderSide.BUY);
    }

    @Test
    void shouldMoveAlongTheFilesPricesAtItsSpeed()
    {
        final TradeReplay doubleSpeed = new TradeReplay(TRADES, 2, false);

        assertThat(doubleSpeed.priceAt(0)).isEqualTo(100);
        assertThat(doubleSpeed.priceAt(499)).isEqualTo(100);
        assertThat(doubleSpeed.priceAt(500)).as("the last trade of a time").isEqualTo(111);
        assertThat(doubleSpeed.priceAt(1_999)).isEqualTo(111);
        assertThat(doubleSpeed.priceAt(2_000)).isEqualTo(90);
        assertThat(doubleSpeed.priceAt(1_000_000)).as("held after the end without a loop").isEqualTo(90);
        assertThat(new TradeReplay(TRADES, 0.5, false).priceAt(1_999)).isEqualTo(100);
        assertThat(new TradeReplay(TRADES, 0.5, false).priceAt(2_000)).isEqualTo(111);
    }

    @Test
    void shouldScheduleItsTradesAndStartOverOneAverageGapAfterTheLastWhenLooping()
    {
        final TradeReplay once = new TradeReplay(TRADES, 1, false);
        final TradeReplay looping = new TradeReplay(TRADES, 1, true);

        assertThat(once.hasTrade(3)).isTrue();
        assertThat(once.hasTrade(4)).isFalse();
        assertThat(List.of(once.dueAtMs(0), once.dueAtMs(1), once.dueAtMs(2), once.dueAtMs(3)))
            .containsExactly(0L, 1_000L, 1_000L, 4_000L);
        // the file spans 4 s over 3 gaps: it starts over 1.333 s after its last trade, every 5.333 s
        assertThat(looping.hasTrade(1_000_000)).isTrue();
        assertThat(looping.dueAtMs(4)).isEqualTo(5_333);
        assertThat(looping.tradeAt(5).price()).isEqualByComparingTo("110");
        assertThat(looping.priceAt(5_332)).isEqualTo(90);
        assertThat(looping.priceAt(5_333)).isEqualTo(100);
        assertThat(looping.priceAt(5_333 * 2 + 1_000)).isEqualTo(111);
    }
}
