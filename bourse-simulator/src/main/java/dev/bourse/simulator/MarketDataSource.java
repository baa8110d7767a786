package dev.bourse.simulator;

import dev.bourse.client.BourseClient;
import dev.bourse.client.OrderBook;

/**
 * The public market data the simulated traders look at. Polled through the SDK today ({@link #polling}); a
 * stream-fed implementation can replace it without touching the traders.
 */
@FunctionalInterface
public interface MarketDataSource
{
    /**
     * @param coinPair the pair.
     * @return its order book, best price first on both sides, at least the top few levels.
     */
    OrderBook book(String coinPair);

    /**
     * @param client a client of the public API.
     * @param depth  the levels of each side to ask for (1..1000).
     * @return a source that asks the server each time.
     */
    static MarketDataSource polling(final BourseClient client, final int depth)
    {
        return coinPair -> client.orderBook(coinPair, depth);
    }
}
