package dev.bourse.loadgen;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured phase of the generator saw.
 *
 * @param offeredPerSecond requests a second offered (open loop), 0 for a closed loop.
 * @param measuredNs       length of the measured phase.
 * @param answered         requests answered with HTTP 200 and an envelope: for a closed loop those answered within
 *                         the measured time, for an open loop those intended within it.
 * @param completed        requests answered within the measured time, whenever they were sent.
 * @param failed           requests that got no envelope (connection error, timeout, HTTP status other than 200).
 * @param statusCounts     answered requests by envelope statusCode.
 * @param latencyUs        latency of the answered requests in microseconds; for an open loop from the intended send
 *                         time (coordinated-omission corrected).
 * @param orderLatencyUs   the same, of the acknowledged orders only (limit orders answered 1000).
 * @param allAnswered      requests answered with an envelope during the whole phase: warm-up, measured time and the
 *                         drain after it.
 */
public record LoadResult(long offeredPerSecond, long measuredNs, long answered, long completed, long failed,
    Map<Integer, Long> statusCounts, Histogram latencyUs, Histogram orderLatencyUs, long allAnswered)
{
    public LoadResult
    {
        statusCounts = new TreeMap<>(statusCounts);
    }

    /** @return requests answered a second within the measured time (below the offered rate when overloaded). */
    public double throughputPerSecond()
    {
        return completed * 1e9 / measuredNs;
    }

    /** @return the latency at a percentile (0..100) in milliseconds. */
    public double percentileMs(final double percentile)
    {
        return latencyUs.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @return the latency of acknowledged orders at a percentile (0..100) in milliseconds. */
    public double orderPercentileMs(final double percentile)
    {
        return orderLatencyUs.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * @param other what another generator saw in the same phase, at the same time (against another node).
     * @return both together: counts and rates added, latencies merged.
     */
    public LoadResult plus(final LoadResult other)
    {
        final Map<Integer, Long> counts = new TreeMap<>(statusCounts);
        other.statusCounts.forEach((code, count) -> counts.merge(code, count, Long::sum));
        final Histogram latencies = latencyUs.copy();
        latencies.add(other.latencyUs);
        final Histogram orderLatencies = orderLatencyUs.copy();
        orderLatencies.add(other.orderLatencyUs);
        return new LoadResult(offeredPerSecond + other.offeredPerSecond, Math.max(measuredNs, other.measuredNs),
            answered + other.answered, completed + other.completed, failed + other.failed, counts, latencies,
            orderLatencies, allAnswered + other.allAnswered);
    }

    /** @return answered requests whose statusCode is one of the given codes. */
    public long countOf(final int... codes)
    {
        long count = 0;
        for (final int code : codes)
        {
            count += statusCounts.getOrDefault(code, 0L);
        }
        return count;
    }
}
