package dev.bourse.loadgen;

/**
 * One open-loop point of latency against offered load.
 *
 * @param target          {@code bourse} or {@code ceiling}.
 * @param offeredPerSecond requests offered a second.
 * @param achievedPerSecond requests answered a second.
 * @param p50Ms           median latency from the intended send time.
 * @param p99Ms           99th percentile.
 * @param p999Ms          99.9th percentile.
 */
public record SweepPoint(String target, long offeredPerSecond, double achievedPerSecond, double p50Ms, double p99Ms,
    double p999Ms)
{
    /** @return the point of a result. */
    public static SweepPoint of(final String target, final LoadResult result)
    {
        return new SweepPoint(target, result.offeredPerSecond(), result.throughputPerSecond(),
            result.percentileMs(50), result.percentileMs(99), result.percentileMs(99.9));
    }
}
