package dev.bourse.client;

import java.util.Objects;

/**
 * The filter of market tradeHistory.
 *
 * @param coinPair    {@code CURRENCY.MARKET}, or null for the trades of every pair.
 * @param startTimeMs from this time (ms since the epoch), or null for the server's default (92 days ago).
 * @param endTimeMs   to this time, or null for now.
 * @param max         at most this many trades (1..100), or null for 100.
 */
public record MarketTradesQuery(String coinPair, Long startTimeMs, Long endTimeMs, Integer max)
{
    /** @return the newest trades of a pair. */
    public static MarketTradesQuery of(final String coinPair)
    {
        return new MarketTradesQuery(Objects.requireNonNull(coinPair, "coinPair"), null, null, null);
    }

    /** @return the newest trades of every pair, merged newest first. */
    public static MarketTradesQuery allPairs()
    {
        return new MarketTradesQuery(null, null, null, null);
    }

    /** @return this query over [startTimeMs, endTimeMs]. */
    public MarketTradesQuery withTimeRange(final long startTimeMs, final long endTimeMs)
    {
        return new MarketTradesQuery(coinPair, startTimeMs, endTimeMs, max);
    }

    /** @return this query limited to {@code max} trades. */
    public MarketTradesQuery withMax(final int max)
    {
        return new MarketTradesQuery(coinPair, startTimeMs, endTimeMs, max);
    }

    Form form()
    {
        return new Form().put("coinPair", coinPair).put("startTime", startTimeMs).put("endTime", endTimeMs)
            .put("max", max);
    }
}
