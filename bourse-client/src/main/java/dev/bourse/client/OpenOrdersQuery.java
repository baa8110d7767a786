package dev.bourse.client;

/**
 * The filter of openOrders: at least one of market and currency.
 *
 * @param market   the Market currency, or null.
 * @param currency the Currency, or null.
 * @param max      at most this many orders (1..100), or null for the server's default of 100.
 */
public record OpenOrdersQuery(String market, String currency, Integer max)
{
    /** Checks that at least one filter is present. */
    public OpenOrdersQuery
    {
        if (market == null && currency == null)
        {
            throw new IllegalArgumentException("openOrders needs a market, a currency or both");
        }
    }

    /**
     * @param coinPair {@code CURRENCY.MARKET}.
     * @return the open orders of that pair.
     */
    public static OpenOrdersQuery forPair(final String coinPair)
    {
        final int dot = coinPair.indexOf('.');
        if (dot <= 0 || dot == coinPair.length() - 1)
        {
            throw new IllegalArgumentException("a coin pair is CURRENCY.MARKET: " + coinPair);
        }
        return new OpenOrdersQuery(coinPair.substring(dot + 1), coinPair.substring(0, dot), null);
    }

    /** @return the open orders of every pair priced in this market. */
    public static OpenOrdersQuery forMarket(final String market)
    {
        return new OpenOrdersQuery(market, null, null);
    }

    /** @return the open orders of every pair trading this currency. */
    public static OpenOrdersQuery forCurrency(final String currency)
    {
        return new OpenOrdersQuery(null, currency, null);
    }

    /** @return this query limited to {@code max} orders. */
    public OpenOrdersQuery withMax(final int max)
    {
        return new OpenOrdersQuery(market, currency, max);
    }

    Form form()
    {
        return new Form().put("market", market).put("currency", currency).put("max", max);
    }
}
