package dev.bourse.loadgen;

import java.util.List;

/**
 * How long and how hard the whole-server benchmark runs.
 *
 * @param traders         accounts, each with one API key and one {@link TradingSession}.
 * @param connections     HTTP connections the generator may open to a server.
 * @param closedInFlight  requests in flight in the closed loop.
 * @param rounds          closed-loop rounds (ceiling and Bourse, each round) and open-loop repetitions at half
 *                        the maximum; medians are reported.
 * @param warmUpMs        warm-up of each closed-loop and open-loop phase.
 * @param measureMs       measured time of each closed-loop and open-loop phase.
 * @param sweepFractions  offered rates of the sweep, as fractions of Bourse's measured maximum.
 * @param sweepMeasureMs  measured time of each sweep point (after a 1 s warm-up).
 */
public record ServerBenchmarkConfiguration(int traders, int connections, int closedInFlight, int rounds,
    long warmUpMs, long measureMs, List<Double> sweepFractions, long sweepMeasureMs)
{
    /** Warm-up of each sweep point. */
    public static final long SWEEP_WARM_UP_MS = 1_000;

    public ServerBenchmarkConfiguration
    {
        sweepFractions = List.copyOf(sweepFractions);
        if (traders <= 0 || connections <= 0 || closedInFlight <= 0 || rounds <= 0 || warmUpMs < 0 ||
            measureMs <= 0 || sweepMeasureMs <= 0 || sweepFractions.stream().anyMatch(fraction -> fraction <= 0))
        {
            throw new IllegalArgumentException("not a valid configuration: " + this);
        }
    }

    /** @return the CI smoke run: one round, short phases, three sweep points. */
    public static ServerBenchmarkConfiguration quick()
    {
        return new ServerBenchmarkConfiguration(16, 32, 32, 1, 1_000, 2_000, List.of(0.25, 0.5, 1.0), 1_500);
    }

    /** @return the full run: three rounds of 10 s, eight sweep points of 6 s (10 % to 200 % of the maximum). */
    public static ServerBenchmarkConfiguration full()
    {
        return new ServerBenchmarkConfiguration(64, 64, 64, 3, 3_000, 10_000,
            List.of(0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0), 6_000);
    }
}
