package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BourseClient;
import dev.bourse.client.CancelAllResult;

/** Sample: cancel every open order on a pair. */
public final class CancelAllSample
{
    private CancelAllSample()
    {
    }

    /**
     * Cancels all of the caller's open orders on a pair. Bourse applies the cancel-all as one command: when it
     * returns, every listed order is COMPLETE and its reserved funds are available again.
     *
     * @return the IDs of the cancelled orders.
     */
    public static CancelAllResult cancelAll(final BourseClient client, final String coinPair)
    {
        final CancelAllResult result = client.cancelAllOrders(coinPair);
        System.out.println("cancelled " + result.orderIds().size() + " orders on " + coinPair);
        return result;
    }
}
