package dev.bourse.loadgen;

import dev.bourse.bench.Figure;
import dev.bourse.bench.Figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole benchmark suite, {@code ./bourse bench [--quick]}: with {@code --peer}, first Bourse's engine beside the
 * peer harness ({@link SideBySide}); then the engine figures, then the whole-server figures (Bourse and the ceiling in
 * their own JVMs), then the streams figures (Bourse and the WebSocket baseline in their own JVMs), then the cluster
 * figures (three nodes and one, and a failover), then the journal and start-up figures, then the history figures
 * ({@link HistoryBenchmark}); one {@code name value unit} line per figure on standard output, everything else on
 * standard error. The full run also writes the plots. Exits 1 when a benchmark fails to run or an outcome check
 * fails, 2 on a usage error; there is no timing assertion.
 * <pre>
 * BenchmarkSuiteMain [--quick] [--parts engine,server,streams,cluster,journal,history] [--cli-jar FILE]
 *     [--plots-dir DIR] [--peer DIR [--peer-java FILE] [--rounds N]]
 * BenchmarkSuiteMain --soak [--soak-minutes N] [--cli-jar FILE]
 * </pre>
 */
public final class BenchmarkSuiteMain
{
    private static final long QUICK_JOURNAL_COMMANDS = 200_000;
    private static final long FULL_JOURNAL_COMMANDS = 10_000_000;
    private static final int QUICK_STARTUP_OPEN_ORDERS = 8_000;
    private static final int FULL_STARTUP_OPEN_ORDERS = 1_000_000;
    private static final long QUICK_HISTORY_COMMANDS = 20_000;
    private static final long FULL_HISTORY_COMMANDS = 1_000_000;
    private static final long QUICK_HISTORY_ROWS = 20_000;
    private static final long FULL_HISTORY_ROWS = 10_000_000;
    private static final Set<String> PARTS = Set.of("engine", "server", "streams", "cluster", "journal",
        "history");

    private BenchmarkSuiteMain()
    {
    }

    /** @param args see the class comment. */
    public static void main(final String[] args)
    {
        final SuiteOptions options;
        try
        {
            options = SuiteOptions.parse(args, PARTS);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("bench: " + ex.getMessage());
            System.err.println("usage: bench [--quick] [--parts engine,server,streams,cluster,journal,history] " +
                "[--cli-jar FILE] [--plots-dir DIR] [--peer DIR [--peer-java FILE] [--rounds N]] | " +
                "bench --soak [--soak-minutes N] [--cli-jar FILE]");
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    /** @return the exit code: 0 when every part ran and every check held. */
    static int run(final SuiteOptions options)
    {
        final long startNs = System.nanoTime();
        final Figures report = new Figures(System.out);
        final OutcomeChecks checks = new OutcomeChecks();
        Path workDir = null;
        MachineLoad.report(report, "start");
        try
        {
            workDir = Files.createTempDirectory("bourse-bench");
            if (options.soakMinutes() > 0)
            {
                final Path soakDir = Files.createDirectories(workDir.resolve("soak"));
                step("soak", checks, () ->
                {
                    new SoakRun(options.cliJar(), soakDir).run(options.soakMinutes(), report, checks);
                    return null;
                });
            }
            else
            {
                runParts(options, report, checks, workDir);
            }
        }
        catch (final IOException ex)
        {
            checks.check(false, "the suite could not set up: " + ex);
        }
        finally
        {
            deleteQuietly(workDir);
        }
        MachineLoad.report(report, "end");
        report.add("suite.duration", (System.nanoTime() - startNs) / 1e9, "s");
        for (final String failure : checks.failures())
        {
            System.err.println("bench: FAILED: " + failure);
        }
        return checks.failures().isEmpty() ? 0 : 1;
    }

    private static void runParts(final SuiteOptions options, final Figures report, final OutcomeChecks checks,
        final Path workDir) throws IOException
    {
        final List<Figure> engineFigures = new ArrayList<>();
        List<SweepPoint> sweep = List.of();
        if (options.peer() != null)
        {
            step("side-by-side", checks, () ->
            {
                new SideBySide(PeerHarness.prepare(options.peer(), options.peerJava(), workDir), options.rounds(),
                    options.quick()).run(report);
                return null;
            });
        }
        if (options.parts().contains("engine"))
        {
            step("engine", checks, () ->
            {
                EngineSuiteStep.run(options.quick(), engineFigures);
                return null;
            });
        }
        if (options.parts().contains("server"))
        {
            final Path serverDir = Files.createDirectories(workDir.resolve("server"));
            final List<SweepPoint> points = step("server", checks, () -> new ServerRun(options.cliJar(), serverDir)
                .run(options.quick() ? ServerBenchmarkConfiguration.quick() : ServerBenchmarkConfiguration.full(),
                    report, checks));
            sweep = points == null ? List.of() : points;
        }
        if (options.parts().contains("streams"))
        {
            final Path streamsDir = Files.createDirectories(workDir.resolve("streams"));
            step("streams", checks, () ->
            {
                new StreamRun(options.cliJar(), streamsDir).run(options.quick() ?
                    StreamBenchmarkConfiguration.quick() : StreamBenchmarkConfiguration.full(), report, checks);
                return null;
            });
        }
        if (options.parts().contains("cluster"))
        {
            final Path clusterDir = Files.createDirectories(workDir.resolve("cluster"));
            step("cluster", checks, () ->
            {
                new ClusterRun(options.cliJar(), clusterDir).run(options.quick() ?
                    ServerBenchmarkConfiguration.quick() : ServerBenchmarkConfiguration.full(), report, checks);
                return null;
            });
        }
        if (options.parts().contains("journal"))
        {
            final Path journalDir = Files.createDirectories(workDir.resolve("journal"));
            final Path startupDir = Files.createDirectories(workDir.resolve("startup"));
            step("journal", checks, () ->
            {
                new JournalBenchmark(options.quick() ? QUICK_JOURNAL_COMMANDS : FULL_JOURNAL_COMMANDS,
                    options.quick() ? 1 : 3, options.quick() ? 100 : 1_000, report, checks).run(journalDir);
                new StartupBenchmark(options.quick() ? QUICK_JOURNAL_COMMANDS : FULL_JOURNAL_COMMANDS,
                    options.quick() ? QUICK_STARTUP_OPEN_ORDERS : FULL_STARTUP_OPEN_ORDERS, options.cliJar(),
                    report, checks).run(startupDir);
                return null;
            });
        }
        if (options.parts().contains("history"))
        {
            final Path historyDir = Files.createDirectories(workDir.resolve("history"));
            step("history", checks, () ->
            {
                new HistoryBenchmark(options.quick() ? QUICK_HISTORY_COMMANDS : FULL_HISTORY_COMMANDS,
                    options.quick() ? QUICK_HISTORY_ROWS : FULL_HISTORY_ROWS, options.quick() ? 2_000 : 15_000,
                    options.cliJar(), report, checks).run(historyDir);
                return null;
            });
        }
        if (!options.quick())
        {
            writePlots(options.plotsDir(), sweep, engineFigures, checks);
        }
    }

    private static void writePlots(final Path directory, final List<SweepPoint> sweep, final List<Figure> engine,
        final OutcomeChecks checks) throws IOException
    {
        if (!sweep.isEmpty())
        {
            System.err.println("bench: wrote " + BenchmarkPlots.writeLatency(sweep, directory));
        }
        final Path cancelAll = BenchmarkPlots.writeCancelAll(engine, directory);
        System.err.println(cancelAll == null ? "bench: no engine.cancel_all figures, no cancel-all plot" :
            "bench: wrote " + cancelAll);
    }

    private static <T> T step(final String name, final OutcomeChecks checks, final Step<T> step)
    {
        System.err.println("bench: running the " + name + " benchmarks");
        try
        {
            return step.run();
        }
        catch (final Exception | AssertionError ex)
        {
            ex.printStackTrace(System.err);
            checks.check(false, "the " + name + " benchmarks failed to run: " + ex);
            return null;
        }
    }

    private static void deleteQuietly(final Path directory)
    {
        if (directory == null)
        {
            return;
        }
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            System.err.println("bench: could not delete " + directory + ": " + ex);
        }
    }

    /** One part of the suite. */
    @FunctionalInterface
    private interface Step<T>
    {
        T run() throws Exception;
    }
}
