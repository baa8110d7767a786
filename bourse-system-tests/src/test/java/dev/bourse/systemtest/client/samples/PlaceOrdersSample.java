package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BourseClient;
import dev.bourse.client.OrderAck;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Sample: place a ladder of limit buy orders. */
public final class PlaceOrdersSample
{
    private PlaceOrdersSample()
    {
    }

    /**
     * Places {@code count} BUY orders of 0.01 BTC on BTC.USDT, 10 USDT apart, from {@code top} down.
     *
     * @return the IDs of the placed orders.
     * @throws dev.bourse.client.OutcomeUnknownException when an order was sent but no answer came: it may exist,
     *                                                   so list the open orders before placing it again.
     */
    public static List<Long> placeLadder(final BourseClient client, final BigDecimal top, final int count)
    {
        final List<Long> orderIds = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final BigDecimal price = top.subtract(BigDecimal.TEN.multiply(BigDecimal.valueOf(i)));
            final OrderAck ack = client.placeOrder(
                OrderRequest.limit("BTC.USDT", OrderSide.BUY, new BigDecimal("0.01"), price));
            orderIds.add(ack.orderId());
        }
        return orderIds;
    }
}
