package dev.bourse.loadgen;

import dev.bourse.bench.EngineBenchmarkSuite;
import dev.bourse.bench.Figures;

import java.util.Arrays;
import java.util.Map;

/**
 * Bourse's engine beside exchange-core in one run, {@code ./bourse bench --peer DIR [--rounds N]}: N rounds, each
 * running the peer harness ({@link PeerHarness}) and Bourse's two compared figures
 * ({@link EngineBenchmarkSuite#measurePeerComparable}), alternating which goes first; then both sides' medians and
 * ranges over the rounds and their ratios:
 * <ul>
 *     <li>{@code sidebyside.w2.*}: W2's throughput (the shared 200,000 commands), each side's median of its own
 *     repetitions; the ratio is Bourse's median over the peer's.</li>
 *     <li>{@code sidebyside.cancel_all_100k.*}: the peer's time to cancel 100,000 orders one by one (it has no mass
 *     cancel) and Bourse's one cancel-all of 100,000 orders with another account's 100,000 on the same levels; the
 *     ratio is the peer's median over Bourse's. {@code sidebyside.cancel_all_100k_with_unlinking.*} adds to
 *     Bourse's side the time the cancelled orders' levels spend unlinking them when they next meet them.</li>
 * </ul>
 * Only the ratios carry meaning on a shared machine: both sides are measured minutes apart under the same load.
 */
final class SideBySide
{
    private final PeerHarness peer;
    private final int rounds;
    private final boolean quick;

    /**
     * @param peer   the peer harness, prepared.
     * @param rounds rounds to run (each side once per round).
     * @param quick  fewer repetitions on Bourse's side (the peer's are its own).
     */
    SideBySide(final PeerHarness peer, final int rounds, final boolean quick)
    {
        this.peer = peer;
        this.rounds = rounds;
        this.quick = quick;
    }

    /** Runs the rounds and prints every round's figures, then the medians, ranges and ratios. */
    void run(final Figures report) throws Exception
    {
        final double[] peerW2 = new double[rounds];
        final double[] peerCancel = new double[rounds];
        final double[] bourseW2 = new double[rounds];
        final double[] bourseCancel = new double[rounds];
        final double[] bourseCancelUnlinked = new double[rounds];
        for (int round = 0; round < rounds; round++)
        {
            final String prefix = "sidebyside.round" + (round + 1);
            for (int turn = 0; turn < 2; turn++)
            {
                if ((turn == 0) == (round % 2 == 0))
                {
                    System.err.println("bench: side by side, round " + (round + 1) + ": the peer harness in " +
                        peer.directory());
                    final Map<String, Double> figures = peer.run();
                    peerW2[round] = figures.get(PeerHarness.W2_THROUGHPUT) / 1e6;
                    peerCancel[round] = figures.get(PeerHarness.CANCEL_100K);
                    report.add(prefix + ".peer.w2", peerW2[round], "Mcmd/s");
                    report.add(prefix + ".peer.cancel_100k_singles", peerCancel[round], "ms");
                }
                else
                {
                    System.err.println("bench: side by side, round " + (round + 1) + ": Bourse's engine");
                    final EngineBenchmarkSuite.PeerComparable bourse = EngineBenchmarkSuite.measurePeerComparable(quick);
                    bourseW2[round] = bourse.w2MillionsPerSecond();
                    bourseCancel[round] = bourse.cancelAll100kMs();
                    bourseCancelUnlinked[round] = bourse.cancelAll100kWithUnlinkingMs();
                    report.add(prefix + ".bourse.w2", bourseW2[round], "Mcmd/s");
                    report.add(prefix + ".bourse.cancel_all_100k", bourseCancel[round], "ms");
                    report.add(prefix + ".bourse.cancel_all_100k_with_unlinking", bourseCancelUnlinked[round], "ms");
                }
            }
        }
        report.add("sidebyside.rounds", rounds, "rounds");
        spread(report, "sidebyside.w2.peer", peerW2, "Mcmd/s");
        spread(report, "sidebyside.w2.bourse", bourseW2, "Mcmd/s");
        report.add("sidebyside.w2.ratio", ServerBenchmark.median(bourseW2) / ServerBenchmark.median(peerW2), "x");
        spread(report, "sidebyside.cancel_all_100k.peer", peerCancel, "ms");
        spread(report, "sidebyside.cancel_all_100k.bourse", bourseCancel, "ms");
        report.add("sidebyside.cancel_all_100k.ratio", ServerBenchmark.median(peerCancel) / ServerBenchmark.median(bourseCancel), "x");
        spread(report, "sidebyside.cancel_all_100k_with_unlinking.bourse", bourseCancelUnlinked, "ms");
        report.add("sidebyside.cancel_all_100k_with_unlinking.ratio",
            ServerBenchmark.median(peerCancel) / ServerBenchmark.median(bourseCancelUnlinked), "x");
    }

    private static void spread(final Figures report, final String name, final double[] values, final String unit)
    {
        report.add(name + ".median", ServerBenchmark.median(values), unit);
        report.add(name + ".min", Arrays.stream(values).min().orElseThrow(), unit);
        report.add(name + ".max", Arrays.stream(values).max().orElseThrow(), unit);
    }
}
