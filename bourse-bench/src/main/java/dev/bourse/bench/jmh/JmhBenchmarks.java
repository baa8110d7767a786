package dev.bourse.bench.jmh;

import dev.bourse.bench.Figures;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Runs {@link EngineOperationsBenchmark} through JMH's Runner API in a forked JVM (JMH's own report goes to a
 * temporary file, not to the figures) and prints one figure per benchmark. The fork gets its JVM flags here and
 * its class path from this JVM's, so it works from a plain class path and from a shaded jar alike.
 */
public final class JmhBenchmarks
{
    private static final Map<String, String> FIGURE_NAMES = Map.of(
        "placeNonCrossing", "engine.jmh.place_non_crossing",
        "cancel", "engine.jmh.cancel",
        "match", "engine.jmh.match",
        "cancelAll1000", "engine.jmh.cancel_all_1000");

    private JmhBenchmarks()
    {
    }

    /** Runs every benchmark: briefly in quick mode (1 short warm-up and measurement), else 5 + 5 of 1 s. */
    public static void run(final boolean quick, final Figures figures)
    {
        final Path report = temporaryReport();
        final Options options = new OptionsBuilder()
            .include(EngineOperationsBenchmark.class.getName() + "\\.")
            .forks(1)
            .warmupIterations(quick ? 1 : 5)
            .warmupTime(TimeValue.milliseconds(quick ? 200 : 1_000))
            .measurementIterations(quick ? 1 : 5)
            .measurementTime(TimeValue.milliseconds(quick ? 200 : 1_000))
            .jvmArgs("-Xms1g", "-Xmx1g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED")
            .shouldFailOnError(true)
            .verbosity(VerboseMode.NORMAL)
            .output(report.toString())
            .build();
        final Collection<RunResult> results;
        try
        {
            results = new Runner(options).run();
        }
        catch (final RunnerException failure)
        {
            throw new IllegalStateException("JMH failed; its report is in " + report, failure);
        }
        for (final RunResult result : results)
        {
            final String method = result.getParams().getBenchmark()
                .substring(EngineOperationsBenchmark.class.getName().length() + 1);
            final String unit = result.getPrimaryResult().getScoreUnit().replace("ns/op", "ns");
            figures.add(FIGURE_NAMES.get(method), result.getPrimaryResult().getScore(), unit);
        }
        if (results.size() != FIGURE_NAMES.size())
        {
            throw new IllegalStateException("JMH ran " + results.size() + " of " + FIGURE_NAMES.size() +
                " benchmarks; its report is in " + report);
        }
    }

    private static Path temporaryReport()
    {
        try
        {
            return Files.createTempFile("bourse-jmh-", ".txt");
        }
        catch (final IOException failure)
        {
            throw new IllegalStateException("cannot create the JMH report file", failure);
        }
    }
}
