package dev.bourse.bench;

import dev.bourse.bench.jmh.EngineAllocation;
import dev.bourse.bench.jmh.JmhBenchmarks;
import dev.bourse.bench.workload.SharedWorkloads;
import dev.bourse.bench.workload.W2ShapeGenerator;
import dev.bourse.bench.workload.Workload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Runs every engine benchmark in process (no network) and prints one {@code name value unit} line per figure:
 * workload throughput (W2, W1, generated W2-shaped runs) beside the peer's median,
 * cancel-all of N orders beside N single cancels, cancel-all of every pair of N orders over 100 pairs beside the
 * per-pair one, latency percentiles at fixed rates, memory per resting order, allocation per command and
 * the JMH benchmarks of the hot operations. Quick mode runs all of it with small sizes, as a smoke check.
 * The shared workloads are found as {@link SharedWorkloads} says.
 */
public final class EngineBenchmarkSuite
{
    private static final long GENERATOR_SEED = 20_261_124L;
    private static final int GENERATOR_ACCOUNTS = 1_000;
    private static final int CANCEL_ALL_PAIRS = 100;
    private static final int ALLOCATION_BATCH = 1_000;
    /** The peer's cancel figure is for 100,000 orders; so is ours beside it. */
    private static final int PEER_CANCEL_ORDERS = 100_000;

    private EngineBenchmarkSuite()
    {
    }

    /**
     * @param quick small sizes and few repetitions (a smoke check that everything still runs), else the full sizes.
     * @param out   where the figure lines go.
     */
    public static void run(final boolean quick, final PrintStream out)
    {
        final SuiteSizes sizes = quick ? SuiteSizes.QUICK : SuiteSizes.FULL;
        final Figures figures = new Figures(out);
        runWorkloads(sizes, figures);
        runCancelAll(sizes, figures);
        LatencyBenchmark.measure(read("w2_prefill.txt"), read("w2_main.txt.gz"), sizes.latencyCommands(),
            sizes.latencyRatesPerSecond(), figures);
        MemoryBenchmark.measure(sizes.memoryOrders(), figures);
        EngineAllocation.measure(ALLOCATION_BATCH, sizes.allocationWarmUpRounds(), figures);
        JmhBenchmarks.run(quick, figures);
    }

    /**
     * Measures, exactly as the full run does, the two figures a side-by-side run sets against the peer harness's
     * (exchange-core's W2 throughput and its 100,000 single cancels): W2's median throughput and the median time of one
     * cancel-all of 100,000 orders in the book of {@code engine.cancel_all}. Prints nothing.
     *
     * @param quick fewer repetitions (the sizes stay, as the peer's do).
     */
    public static PeerComparable measurePeerComparable(final boolean quick)
    {
        final SuiteSizes sizes = quick ? SuiteSizes.QUICK : SuiteSizes.FULL;
        final Figures unprinted = new Figures(new PrintStream(OutputStream.nullOutputStream()));
        final double w2 = WorkloadBenchmark.measure("engine.w2", read("w2_prefill.txt"), read("w2_main.txt.gz"),
            sizes.warmUps(), sizes.w2Repetitions(), unprinted);
        final CancelAllBenchmark cancelAll = new CancelAllBenchmark(SuiteSizes.FULL.cancelAllOtherOrders(),
            SuiteSizes.FULL.cancelAllLevels());
        cancelAll.warmUp(1_000, sizes.cancelAllWarmUpRounds(), sizes.cancelAllCompilerRounds());
        final CancelAllBenchmark.Times cancelAllTimes =
            cancelAll.measure(PEER_CANCEL_ORDERS, sizes.cancelAllRepetitions(), unprinted);
        return new PeerComparable(w2, cancelAllTimes.cancelAllMs(), cancelAllTimes.withUnlinkingMs());
    }

    /**
     * The engine figures a side-by-side run compares with the peer's.
     *
     * @param w2MillionsPerSecond W2's median throughput, M commands/s.
     * @param cancelAll100kMs     the median time of one cancel-all of 100,000 orders (another account's 100,000 on
     *                            the same levels), ms.
     * @param cancelAll100kWithUnlinkingMs the same with the time its orders' levels spend unlinking them (see
     *                            {@code engine.cancel_all}), ms.
     */
    public record PeerComparable(
        double w2MillionsPerSecond, double cancelAll100kMs, double cancelAll100kWithUnlinkingMs)
    {
    }

    private static void runWorkloads(final SuiteSizes sizes, final Figures figures)
    {
        final Workload w2Prefill = read("w2_prefill.txt");
        final Workload w2Main = read("w2_main.txt.gz");
        final double w2 = WorkloadBenchmark.measure("engine.w2", w2Prefill, w2Main, sizes.warmUps(),
            sizes.w2Repetitions(), figures);
        figures.add("engine.w2.peer_readme_median", WorkloadBenchmark.PEER_W2_MEDIAN_MCMD_PER_S, "Mcmd/s");
        figures.add("engine.w2.vs_peer_median", w2 / WorkloadBenchmark.PEER_W2_MEDIAN_MCMD_PER_S, "x");

        final Workload w1 = read("w1_n1000.txt");
        final Workload noPrefill = new Workload(List.of(), w1.initialBalance(), 0, 0, 0);
        final Workload w1Expected = new Workload(w1.commands(), w1.initialBalance(), 0, 0, 0);
        WorkloadBenchmark.measure("engine.w1", noPrefill, w1Expected, sizes.warmUps(), sizes.w1Repetitions(),
            figures);
        WorkloadBenchmark.measureW1CancelPhase(w1, sizes.w1Repetitions(), figures);

        final W2ShapeGenerator.Generated generated = new W2ShapeGenerator(GENERATOR_SEED, GENERATOR_ACCOUNTS)
            .generate(sizes.generatedResting(), sizes.generatedCommands());
        WorkloadBenchmark.measure("engine.generated", generated.prefill(), generated.main(), 1,
            sizes.generatedRepetitions(), figures);
    }

    private static void runCancelAll(final SuiteSizes sizes, final Figures figures)
    {
        final CancelAllBenchmark cancelAll = new CancelAllBenchmark(sizes.cancelAllOtherOrders(),
            sizes.cancelAllLevels());
        cancelAll.warmUp(1_000, sizes.cancelAllWarmUpRounds(), sizes.cancelAllCompilerRounds());
        for (final int orders : sizes.cancelAllSizes())
        {
            cancelAll.measure(orders, orders >= 1_000_000 ? sizes.cancelAllLargeRepetitions() :
                sizes.cancelAllRepetitions(), figures);
        }
        figures.add("engine.cancel_all.other_orders", sizes.cancelAllOtherOrders(), "orders");
        figures.add("engine.cancel_all.levels", sizes.cancelAllLevels(), "levels");
        cancelAll.warmUpEveryPair(1_000, CANCEL_ALL_PAIRS, sizes.cancelAllWarmUpRounds(),
            sizes.cancelAllCompilerRounds());
        for (final int orders : sizes.cancelAllPairsSizes())
        {
            cancelAll.measureEveryPair(orders, CANCEL_ALL_PAIRS, sizes.cancelAllRepetitions(), figures);
        }
    }

    private static Workload read(final String name)
    {
        try
        {
            return Workload.read(SharedWorkloads.file(name));
        }
        catch (final IOException failure)
        {
            throw new UncheckedIOException("cannot read workload " + name, failure);
        }
    }

    public static void main(final String[] args)
    {
        if (args.length > 1 || args.length == 1 && !args[0].equals("--quick"))
        {
            System.err.println("usage: EngineBenchmarkSuite [--quick]");
            System.exit(2);
        }
        run(args.length == 1, System.out);
    }
}
