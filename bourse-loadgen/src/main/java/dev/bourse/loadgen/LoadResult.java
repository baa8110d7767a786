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
 */
public record LoadResult(long offeredPerSecond, long measuredNs, long answered, long completed, long failed,
    Map<Integer, Long> statusCounts, Histogram latencyUs)
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
