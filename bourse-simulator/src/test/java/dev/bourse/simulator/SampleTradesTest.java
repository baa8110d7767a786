package dev.bourse.simulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleTradesTest
{
    @Test
    void shouldShipTheSampleTheGeneratorMakes() throws IOException
    {
        final String shipped = SampleTrades.shipped();

        assertThat(shipped).as("regenerate with: java -cp ... dev.bourse.simulator.SampleTrades FILE")
            .isEqualTo(SampleTrades.text(SampleTrades.DEFAULT_SEED, SampleTrades.DEFAULT_COUNT));
        final List<RecordedTrade> trades = TradeFile.read(new StringReader(shipped), "sample");
        assertThat(trades).hasSize(SampleTrades.DEFAULT_COUNT);
        assertThat(trades).allSatisfy(trade -> assertThat(trade.price().doubleValue()).isBetween(60_000.0, 70_000.0));
        assertThat(trades.getLast().timeMs() - trades.getFirst().timeMs()).isBetween(300_000L, 1_200_000L);
    }

    @Test
    void shouldGenerateTheSameTradesForTheSameSeed()
    {
        assertThat(SampleTrades.generate(5, 50)).isEqualTo(SampleTrades.generate(5, 50))
            .isNotEqualTo(SampleTrades.generate(6, 50));
    }
}
