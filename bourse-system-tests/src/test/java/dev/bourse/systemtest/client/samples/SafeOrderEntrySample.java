package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BourseClient;
import dev.bourse.client.CancelAllResult;
import dev.bourse.client.DeadMansSwitch;
import dev.bourse.client.OrderAck;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.SelfTradePrevention;
import dev.bourse.client.TimeInForce;

import java.math.BigDecimal;
import java.time.Duration;

/** Sample: Bourse's safe order entry - client order IDs, post-only, the dead man's switch, cancel-all everywhere. */
public final class SafeOrderEntrySample
{
    private SafeOrderEntrySample()
    {
    }

    /**
     * Places a post-only bid with a client order ID: if the answer is lost the SDK sends it again, and the exchange
     * answers the repeat with the first order, so it is placed once.
     *
     * @return the order's ID.
     */
    public static OrderAck placeOnce(final BourseClient client, final BigDecimal price, final String clientOrderId)
    {
        return client.placeOrder(OrderRequest.limit("BTC.USDT", OrderSide.BUY, new BigDecimal("0.01"), price)
            .withTimeInForce(TimeInForce.POST_ONLY)
            .withSelfTradePrevention(SelfTradePrevention.EXPIRE_TAKER)
            .withClientOrderId(clientOrderId));
    }

    /**
     * Arms or renews the dead man's switch: call it again within 30 s, or every open order of yours is cancelled.
     *
     * @return when it fires unless renewed.
     */
    public static DeadMansSwitch keepAlive(final BourseClient client)
    {
        final DeadMansSwitch deadMansSwitch = client.cancelAllOrdersAfter(null, Duration.ofSeconds(30));
        System.out.println("orders cancelled at " + deadMansSwitch.triggerAtMs() + " unless renewed");
        return deadMansSwitch;
    }

    /**
     * Gets out of the market: disarms the switch and cancels every open order on every pair, as one command.
     *
     * @return the IDs of the cancelled orders.
     */
    public static CancelAllResult cancelEverything(final BourseClient client)
    {
        client.cancelAllOrdersAfter(null, Duration.ZERO);
        return client.cancelAllOrders();
    }
}
