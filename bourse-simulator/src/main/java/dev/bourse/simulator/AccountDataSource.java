package dev.bourse.simulator;

import dev.bourse.client.Balance;
import dev.bourse.client.BourseClient;
import dev.bourse.client.OpenOrder;
import dev.bourse.client.OpenOrdersQuery;

import java.util.List;

/**
 * What a simulated trader knows about its own account: its open orders and balances. Polled through the SDK today
 * ({@link #polling}); a private-stream implementation can replace it without touching the traders.
 */
public interface AccountDataSource
{
    /** The most open orders one call returns (the API's limit). */
    int MAX_OPEN_ORDERS = 100;

    /** @return the account's open orders on the pair, at most {@link #MAX_OPEN_ORDERS}. */
    List<OpenOrder> openOrders(String coinPair);

    /** @return the account's balances, one per currency of the exchange. */
    List<Balance> balances();

    /**
     * @param client the account's signing client.
     * @return a source that asks the server each time (each call counts against the key's rate limits).
     */
    static AccountDataSource polling(final BourseClient client)
    {
        return new AccountDataSource()
        {
            @Override
            public List<OpenOrder> openOrders(final String coinPair)
            {
                return client.openOrders(OpenOrdersQuery.forPair(coinPair).withMax(MAX_OPEN_ORDERS));
            }

            @Override
            public List<Balance> balances()
            {
                return client.balances();
            }
        };
    }
}
