package dev.bourse.loadgen;

import java.util.List;

/**
 * How long and how hard the streams benchmark runs.
 *
 * @param traders          accounts placing orders through the API.
 * @param httpConnections  HTTP connections of the order flow.
 * @param orderRate        requests a second of the order flow (open loop).
 * @param connectionCounts the numbers of subscribed WebSocket connections measured, one phase each.
 * @param warmUpMs         warm-up of each phase.
 * @param measureMs        measured time of each phase.
 */
public record StreamBenchmarkConfiguration(int traders, int httpConnections, long orderRate,
    List<Integer> connectionCounts, long warmUpMs, long measureMs)
{
    public StreamBenchmarkConfiguration
    {
        connectionCounts = List.copyOf(connectionCounts);
        if (traders <= 0 || httpConnections <= 0 || orderRate <= 0 || connectionCounts.isEmpty() ||
            connectionCounts.stream().anyMatch(count -> count <= 0) || warmUpMs < 0 || measureMs <= 0)
        {
            throw new IllegalArgumentException("not a valid configuration: " + this);
        }
    }

    /** @return the CI smoke run: 1, 100 and 1,000 connections, 0.3 s warm-up and 1 s measured each. */
    public static StreamBenchmarkConfiguration quick()
    {
        return new StreamBenchmarkConfiguration(16, 32, 250, List.of(1, 100, 1_000), 300, 1_000);
    }

    /** @return the full run: 1, 100 and 1,000 connections, 2 s warm-up and 8 s measured each. */
    public static StreamBenchmarkConfiguration full()
    {
        return new StreamBenchmarkConfiguration(64, 64, 250, List.of(1, 100, 1_000), 2_000, 8_000);
    }
}
