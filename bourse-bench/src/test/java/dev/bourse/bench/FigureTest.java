package dev.bourse.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureTest
{
    @Test
    void shouldPrintWholeNumbersExactlyAndOthersToThreeSignificantDigits()
    {
        assertThat(new Figure("engine.w2.trades", 35_421, "trades").line()).isEqualTo("engine.w2.trades 35421 trades");
        assertThat(new Figure("engine.cancel_all.n100000", 3.14159, "ms").line())
            .isEqualTo("engine.cancel_all.n100000 3.14 ms");
        assertThat(new Figure("engine.jmh.cancel", 452.38, "ns").line()).isEqualTo("engine.jmh.cancel 452 ns");
        assertThat(new Figure("engine.w2.throughput", 0.0123456, "Mcmd/s").line())
            .isEqualTo("engine.w2.throughput 0.0123 Mcmd/s");
        assertThat(new Figure("engine.w2.throughput", 0.0123456, "Mcmd/s").line()).matches(Figure.LINE);
    }

    @Test
    void shouldRefuseNamesUnitsAndValuesThatWouldBreakTheLineFormat()
    {
        assertThatThrownBy(() -> new Figure("Engine.W2", 1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Figure("engine", 1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Figure("engine.w2", 1, "M cmd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Figure("engine.w2", Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
