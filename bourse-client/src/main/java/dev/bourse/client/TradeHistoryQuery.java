package dev.bourse.client;

/**
 * The filter of the caller's fills (account tradeHistory). With no time given the server shows the last 24 h; a
 * window may not exceed 30 days.
 *
 * @param coinPair    {@code CURRENCY.MARKET}, or null for every pair.
 * @param startTimeMs from this time (ms since the epoch), or null.
 * @param endTimeMs   to this time, or null.
 * @param max         at most this many fills, or null for the server's default.
 */
public record TradeHistoryQuery(String coinPair, Long startTimeMs, Long endTimeMs, Integer max)
{
    /** @return the caller's fills on every pair in the last 24 h. */
    public static TradeHistoryQuery all()
    {
        return new TradeHistoryQuery(null, null, null, null);
    }

    /** @return the caller's fills on one pair in the last 24 h. */
    public static TradeHistoryQuery forPair(final String coinPair)
    {
        return new TradeHistoryQuery(coinPair, null, null, null);
    }

    /** @return this query over [startTimeMs, endTimeMs]. */
    public TradeHistoryQuery withTimeRange(final long startTimeMs, final long endTimeMs)
    {
        return new TradeHistoryQuery(coinPair, startTimeMs, endTimeMs, max);
    }

    /** @return this query limited to {@code max} fills. */
    public TradeHistoryQuery withMax(final int max)
    {
        return new TradeHistoryQuery(coinPair, startTimeMs, endTimeMs, max);
    }

    Form form()
    {
        return new Form().put("coinPair", coinPair).put("startTime", startTimeMs).put("endTime", endTimeMs)
            .put("max", max);
    }
}
