package dev.bourse.loadgen;

import dev.bourse.bench.Figure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineSuiteStepTest
{
    @Test
    void shouldKeepTheFigureLinesOfTheEngineSuiteAndSkipEverythingElse()
    {
        final String printed = String.join("\n",
            "engine.cancel_all.n1000 0.105 ms",
            "# Run progress: 50.00% complete",
            "engine.w2.throughput 1.67 Mcmd/s",
            "Benchmark Mode Cnt Score",
            "engine.jmh.match 719 ns",
            "");

        final List<Figure> figures = EngineSuiteStep.parse(printed);

        assertThat(figures).containsExactly(
            new Figure("engine.cancel_all.n1000", 0.105, "ms"),
            new Figure("engine.w2.throughput", 1.67, "Mcmd/s"),
            new Figure("engine.jmh.match", 719, "ns"));
    }
}
