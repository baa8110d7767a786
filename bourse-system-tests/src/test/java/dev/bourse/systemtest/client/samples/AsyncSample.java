package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BourseClient;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

/** Sample: chain calls without blocking a thread. */
public final class AsyncSample
{
    private AsyncSample()
    {
    }

    /**
     * Places a limit order, then reads it back, without waiting in between.
     *
     * @return completes once the order's status is printed.
     */
    public static CompletableFuture<Void> placeThenRead(
        final BourseClient client, final BigDecimal qty, final BigDecimal price)
    {
        return client.async().placeOrder(OrderRequest.limit("BTC.USDT", OrderSide.BUY, qty, price))
            .thenCompose(ack -> client.async().orderInfo(ack.orderId()))
            .thenAccept(info -> System.out.println(info.status()));
    }
}
