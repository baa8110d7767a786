package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BourseClient;
import dev.bourse.client.OrderInfo;
import dev.bourse.client.OrderStatus;

/** Sample: watch one order until it is complete (filled or cancelled). */
public final class WatchFillSample
{
    private WatchFillSample()
    {
    }

    /**
     * Polls order information until the order is COMPLETE, at most {@code maxPolls} times. No sleep is needed: the
     * client's rate limiter paces the polls to the key's limit.
     *
     * @return the last order information read.
     */
    public static OrderInfo awaitComplete(final BourseClient client, final long orderId, final int maxPolls)
    {
        OrderInfo order = client.orderInfo(orderId);
        for (int poll = 1; poll < maxPolls && order.status() != OrderStatus.COMPLETE; poll++)
        {
            order = client.orderInfo(orderId);
        }
        return order;
    }
}
