package dev.bourse.loadgen;

import dev.bourse.bench.Figure;
import dev.bourse.bench.Figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class JournalBenchmarkTest
{
    @TempDir
    Path directory;

    @Test
    void shouldRecoverTheStateItJournaledAndReportItsFigures() throws Exception
    {
        final Figures report = new Figures(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8));
        final OutcomeChecks checks = new OutcomeChecks();

        new JournalBenchmark(30_000, 2, 10, report, checks).run(directory);

        assertThat(checks.failures()).isEmpty();
        final Map<String, Double> figures = report.all().stream()
            .collect(Collectors.toMap(Figure::name, Figure::value));
        assertThat(figures.get("journal.commands")).isEqualTo(30_000);
        assertThat(figures.get("journal.workload.trades")).isPositive();
        assertThat(figures.get("journal.workload.resting")).isPositive();
        assertThat(figures.get("journal.size")).isPositive();
        assertThat(figures).containsKeys("journal.write.rate", "journal.recovery.time", "journal.replay.rate",
            "journal.read_only.rate", "disk.fsync_4k.p50", "disk.fsync_4k.p99");
        try (var left = Files.list(directory))
        {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldGenerateTheSameStreamFromTheSameSeed()
    {
        final JournalWorkload first = new JournalWorkload(3);
        final JournalWorkload second = new JournalWorkload(3);
        for (int i = 0; i < 20_000; i++)
        {
            final long timestampMs = first.nextTimestampMs();
            final var command = first.next();
            assertThat(second.next()).isEqualTo(command);
            first.apply(timestampMs, command);
            second.apply(timestampMs, command);
        }
        assertThat(first.engine().stateHash()).isEqualTo(second.engine().stateHash());
    }
}
