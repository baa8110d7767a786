package dev.bourse.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineBenchmarkSuiteTest
{
    @Test
    void shouldPrintOneWellFormedLineForEveryFigureInQuickMode()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EngineBenchmarkSuite.run(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        final List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(Figure.LINE));
        final List<String> names = lines.stream().map(line -> line.substring(0, line.indexOf(' '))).toList();
        assertThat(names).doesNotHaveDuplicates().contains(
            "engine.w2.throughput", "engine.w2.vs_peer_median",
            "engine.w1.throughput", "engine.w1.cancel_phase.singles", "engine.w1.cancel_phase.cancel_all",
            "engine.generated.throughput",
            "engine.cancel_all.n10", "engine.cancel_singles.n10", "engine.cancel_all.n1000",
            "engine.cancel_all.n1000.with_unlinking", "engine.cancel_all.n1000.with_unlinking.speedup_vs_singles",
            "engine.cancel_singles.n1000", "engine.cancel_all_pairs.n1000",
            "engine.cancel_all_pairs.n1000.vs_one_pair", "engine.cancel_all_pairs.n1000.per_pair_commands",
            "engine.cancel_all_pairs.n1000.speedup_vs_per_pair_commands",
            "engine.latency.rate50000.p50", "engine.latency.rate50000.p99", "engine.latency.rate50000.p99_9",
            "engine.latency.harness.p99",
            "engine.memory.per_resting_order",
            "engine.alloc.place", "engine.alloc.cancel", "engine.alloc.match", "engine.alloc.cancel_all_1000",
            "engine.alloc.cancel_all_1000.per_order",
            "engine.jmh.place_non_crossing", "engine.jmh.cancel", "engine.jmh.match", "engine.jmh.cancel_all_1000");
        assertThat(lines).contains("engine.w2.trades 35421 trades", "engine.w2.volume 84781 lots",
            "engine.w2.resting 10000 orders", "engine.w2.peer_readme_median 0.9 Mcmd/s");
        assertThat(lines.stream().filter(line -> line.matches("engine\\.cancel_all\\.n[0-9]+ .* ms"))).hasSize(2);
        assertThat(lines.stream().filter(line -> line.matches("engine\\.cancel_singles\\.n[0-9]+ .* ms"))).hasSize(2);
    }
}
