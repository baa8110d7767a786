package dev.bourse.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RandomWalkTest
{
    private static final RandomWalk.Settings QUIET = new RandomWalk.Settings(0, 0, 0, 1_000, 0, 1, 0);

    private static List<Double> path(final RandomWalk walk, final int steps, final long stepMs)
    {
        final List<Double> prices = new ArrayList<>();
        for (int i = 0; i <= steps; i++)
        {
            prices.add(walk.priceAt(i * stepMs));
        }
        return prices;
    }

    @Test
    void shouldGiveTheSamePathForTheSameSeedHoweverItIsSampled()
    {
        final RandomWalk.Settings settings = RandomWalk.Settings.DEFAULT;
        final List<Double> everyStep = path(new RandomWalk(settings, 7, 65_000, 65_000), 3_000, 1_000);
        final RandomWalk sparse = new RandomWalk(settings, 7, 65_000, 65_000);

        assertThat(sparse.priceAt(3_000_999)).isEqualTo(everyStep.get(3_000));
        assertThat(sparse.priceAt(1_500)).as("an earlier time gives the current step's price")
            .isEqualTo(everyStep.get(3_000));
        assertThat(path(new RandomWalk(settings, 7, 65_000, 65_000), 3_000, 1_000)).isEqualTo(everyStep);
        assertThat(path(new RandomWalk(settings, 8, 65_000, 65_000), 3_000, 1_000)).isNotEqualTo(everyStep);
        assertThat(everyStep.getFirst()).isEqualTo(65_000, within(1e-9));
        assertThat(everyStep).allMatch(price -> price > 0 && Double.isFinite(price));
    }

    @Test
    void shouldStayPutWithoutVolatilityDriftOrReversion()
    {
        final RandomWalk walk = new RandomWalk(QUIET, 1, 0.05, 0.07);

        assertThat(walk.priceAt(3_600_000)).isEqualTo(0.05, within(1e-15));
    }

    @Test
    void shouldFollowTheDriftAndRevertTowardsTheAnchor()
    {
        final RandomWalk drifting = new RandomWalk(new RandomWalk.Settings(0, 0.1, 0, 1_000, 0, 1, 0), 1, 100, 100);
        assertThat(drifting.priceAt(3_600_000)).isEqualTo(100 * Math.exp(0.1), within(1e-6));

        final RandomWalk reverting = new RandomWalk(new RandomWalk.Settings(0, 0, 1, 1_000, 0, 1, 0), 1, 200, 100);
        assertThat(reverting.priceAt(3_600_000)).isBetween(100.0, 200.0);
        assertThat(reverting.priceAt(36_000_000)).isEqualTo(100, within(0.01));
    }

    @Test
    void shouldHaveTheConfiguredVolatilityAndRegimesWithinTheirBounds()
    {
        final long stepMs = 60_000;
        final double hourly = 0.02;
        final double calm = sampleVolatility(new RandomWalk.Settings(hourly, 0, 0, stepMs, 0, 1, 0), stepMs);
        final double regimes = sampleVolatility(new RandomWalk.Settings(hourly, 0, 0, stepMs, 30, 3, 0), stepMs);

        assertThat(calm).isEqualTo(hourly, within(hourly * 0.05));
        assertThat(regimes).isBetween(hourly / 3, hourly * 3).isNotEqualTo(calm);
    }

    /** @return the standard deviation of the log returns over 20,000 steps, scaled to an hour. */
    private static double sampleVolatility(final RandomWalk.Settings settings, final long stepMs)
    {
        final List<Double> prices = path(new RandomWalk(settings, 42, 100, 100), 20_000, stepMs);
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 1; i < prices.size(); i++)
        {
            final double r = Math.log(prices.get(i) / prices.get(i - 1));
            sum += r;
            sumOfSquares += r * r;
        }
        final int n = prices.size() - 1;
        final double variance = (sumOfSquares - sum * sum / n) / (n - 1);
        return Math.sqrt(variance * 3_600_000.0 / stepMs);
    }

    @Test
    void shouldSkipAheadRatherThanComputeAnyNumberOfSteps()
    {
        final RandomWalk walk = new RandomWalk(RandomWalk.Settings.DEFAULT, 3, 100, 100);

        final double later = walk.priceAt(Long.MAX_VALUE / 2);

        assertThat(later).isPositive().isFinite();
        assertThat(walk.priceAt(Long.MAX_VALUE / 2)).isEqualTo(later);
    }

    @Test
    void shouldRefuseSettingsOutOfRange()
    {
        assertThatThrownBy(() -> new RandomWalk.Settings(-0.1, 0, 0, 1_000, 0, 1, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomWalk.Settings(0.1, 0, 0, 0, 0, 1, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomWalk.Settings(0.1, 0, 0, 1_000, 0, 0.5, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomWalk.Settings(0.1, Double.NaN, 0, 1_000, 0, 1, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomWalk(RandomWalk.Settings.DEFAULT, 1, 0, 100))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
