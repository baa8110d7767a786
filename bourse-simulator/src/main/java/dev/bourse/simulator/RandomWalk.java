package dev.bourse.simulator;

import java.util.Random;

/**
 * A seeded random walk of the log price in fixed steps: geometric Brownian motion with a drift, a pull back towards
 * an anchor price (mean reversion, so that a walk left running for days stays plausible), and regimes. At random
 * times (on average every {@code regimeMinutes}) a new regime starts with its own volatility multiplier (between
 * {@code 1/regimeVolatility} and {@code regimeVolatility}, log-uniform) and its own trend (normal, standard
 * deviation {@code regimeTrend} per hour).
 *
 * <p>Reproducible: step {@code k}'s price depends only on the settings, the seed and the start and anchor prices, on
 * any JVM ({@link Random} is specified and the arithmetic is {@link StrictMath}). {@link #priceAt} returns the price
 * of the last step begun at that time, computing the steps in between; a gap of more than {@link #MAX_CATCH_UP_STEPS}
 * steps (a suspended host) is skipped, not computed.
 */
public final class RandomWalk implements ReferencePrice
{
    /** The most steps one call computes; beyond it the walk jumps ahead (and stays reproducible from there). */
    static final long MAX_CATCH_UP_STEPS = 100_000;
    private static final double MS_PER_HOUR = 3_600_000.0;

    /**
     * The settings of a walk; rates are per hour, as fractions (0.01 = 1 %).
     *
     * @param volatility       standard deviation of the log price over an hour, at least 0.
     * @param drift            expected log return per hour.
     * @param reversion        pull towards the anchor per hour, at least 0 (0.02: 2 % of the gap per hour).
     * @param stepMs           milliseconds between steps, positive.
     * @param regimeMinutes    mean regime length in minutes; 0 for a single regime.
     * @param regimeVolatility the largest volatility multiplier of a regime, at least 1.
     * @param regimeTrend      standard deviation of a regime's trend per hour, at least 0.
     */
    public record Settings(
        double volatility,
        double drift,
        double reversion,
        long stepMs,
        double regimeMinutes,
        double regimeVolatility,
        double regimeTrend)
    {
        /** Lively but plausible: 1 % an hour, a regime every 10 minutes. */
        public static final Settings DEFAULT = new Settings(0.01, 0, 0.02, 1_000, 10, 3, 0.01);

        /** Checks the ranges. */
        public Settings
        {
            if (!(volatility >= 0) || !(reversion >= 0) || stepMs <= 0 || !(regimeMinutes >= 0) ||
                !(regimeVolatility >= 1) || !(regimeTrend >= 0) || !Double.isFinite(drift))
            {
                throw new IllegalArgumentException("invalid random walk settings: " + this);
            }
        }
    }

    private final Settings settings;
    private final Random random;
    private final double anchorLog;
    private final double dt;
    private final double regimeSwitchProbability;
    private double logPrice;
    private long step;
    private double volatilityMultiplier = 1;
    private double trend;

    /**
     * @param settings    the walk's settings.
     * @param seed        the seed of its random numbers.
     * @param startPrice  the price at step 0, positive.
     * @param anchorPrice the price it reverts towards, positive.
     */
    public RandomWalk(final Settings settings, final long seed, final double startPrice, final double anchorPrice)
    {
        if (!(startPrice > 0) || !(anchorPrice > 0) || Double.isInfinite(startPrice) || Double.isInfinite(anchorPrice))
        {
            throw new IllegalArgumentException("prices must be positive: " + startPrice + ", " + anchorPrice);
        }
        this.settings = settings;
        this.random = new Random(seed);
        this.logPrice = StrictMath.log(startPrice);
        this.anchorLog = StrictMath.log(anchorPrice);
        this.dt = settings.stepMs() / MS_PER_HOUR;
        this.regimeSwitchProbability = settings.regimeMinutes() == 0 ? 0 :
            Math.min(1, settings.stepMs() / (settings.regimeMinutes() * 60_000.0));
    }

    @Override
    public synchronized double priceAt(final long elapsedMs)
    {
        final long target = Math.max(0, elapsedMs) / settings.stepMs();
        if (target - step > MAX_CATCH_UP_STEPS)
        {
            step = target - MAX_CATCH_UP_STEPS;
        }
        while (step < target)
        {
            advance();
            step++;
        }
        return StrictMath.exp(logPrice);
    }

    private void advance()
    {
        if (regimeSwitchProbability > 0 && random.nextDouble() < regimeSwitchProbability)
        {
            volatilityMultiplier = StrictMath.pow(settings.regimeVolatility(), 2 * random.nextDouble() - 1);
            trend = settings.regimeTrend() * random.nextGaussian();
        }
        final double sigma = settings.volatility() * volatilityMultiplier;
        final double mu = settings.drift() + trend - settings.reversion() * (logPrice - anchorLog);
        logPrice += (mu - sigma * sigma / 2) * dt + sigma * StrictMath.sqrt(dt) * random.nextGaussian();
    }
}
