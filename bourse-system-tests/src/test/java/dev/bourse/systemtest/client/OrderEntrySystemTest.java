package dev.bourse.systemtest.client;

import dev.bourse.client.BourseClient;
import dev.bourse.client.CancelAllResult;
import dev.bourse.client.DeadMansSwitch;
import dev.bourse.client.OpenOrder;
import dev.bourse.client.OpenOrdersQuery;
import dev.bourse.client.OrderAck;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderStatus;
import dev.bourse.client.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cancel family and safe order entry with the SDK against a real server and its real clock: the dead man's
 * switch fires when its owner stops renewing; an order with a client order ID whose answer was lost on a dropped
 * connection is retried by the SDK and placed once; cancel-all of every pair.
 */
class OrderEntrySystemTest extends WithExchange
{
    private static final String PAIR = ClientExchange.PAIR;
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(60);

    /** Waits until the condition holds, checking every 10 ms, for at most a minute. */
    private static void awaitCondition(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + WAIT_NS;
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waited a minute for %s", what).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @Test
    void shouldCancelEveryOpenOrderOfAnOwnerThatStopsRenewingItsDeadMansSwitch()
    {
        final ClientExchange.Trader owner = exchange.fundedTrader(50, 1000, "USDT", "10000");
        final ClientExchange.Trader other = exchange.fundedTrader(50, 1000, "USDT", "10000");
        final BourseClient client = owner.client();
        final long first = client.placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"),
            new BigDecimal("30000"))).orderId();
        final long second = client.placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"),
            new BigDecimal("29000"))).orderId();
        final long othersOrder = other.client().placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY,
            new BigDecimal("0.01"), new BigDecimal("28000"))).orderId();

        final DeadMansSwitch armed = client.cancelAllOrdersAfter(null, Duration.ofSeconds(1));

        assertThat(armed.triggerAtMs() - armed.requestAtMs()).isEqualTo(1_000);
        awaitCondition("the switch to fire", () -> client.orderInfo(second).status() == OrderStatus.COMPLETE);
        assertThat(client.orderInfo(first).status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(client.orderInfo(first).completedAtMs()).isGreaterThanOrEqualTo(armed.triggerAtMs());
        assertThat(client.openOrders(OpenOrdersQuery.forPair(PAIR))).isEmpty();
        assertThat(client.balance("USDT").availableBalance()).isEqualByComparingTo("10000");
        assertThat(other.client().orderInfo(othersOrder).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(client.cancelAllOrdersAfter(null, Duration.ZERO).armed()).isFalse();
    }

    @Test
    void shouldPlaceAnOrderOnceWhenTheSdkRetriesItWithItsClientOrderIdAfterTheConnectionDropped() throws Exception
    {
        final ClientExchange.Trader trader = exchange.fundedTrader(50, 1000, "USDT", "10000");
        try (DroppingProxy proxy = new DroppingProxy(exchange.server.publicPort(), "POST /v1/trade/limitOrders");
            BourseClient throughProxy = BourseClient.builder(proxy.uri())
                .credentials(trader.key().apiKey(), trader.key().apiSecret())
                .rateLimit(50, 1000)
                .build())
        {
            final OrderAck ack = throughProxy.placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY,
                new BigDecimal("0.01"), new BigDecimal("30000")).withClientOrderId("retry-1"));

            assertThat(proxy.dropped()).as("the first answer was lost").isTrue();
            assertThat(proxy.matchingRequests()).as("sent twice").isEqualTo(2);
            final List<OpenOrder> open = trader.client().openOrders(OpenOrdersQuery.forPair(PAIR));
            assertThat(open).as("placed once").singleElement().satisfies(order ->
            {
                assertThat(order.orderId()).isEqualTo(ack.orderId());
                assertThat(order.clientOrderId()).isEqualTo("retry-1");
            });
            assertThat(trader.client().orderInfoByClientOrderId("retry-1").orderId()).isEqualTo(ack.orderId());
        }
    }

    @Test
    void shouldCancelEveryOpenOrderOnEveryPairOrOneSideAndHonourTimeInForce()
    {
        final ClientExchange.Trader trader = exchange.fundedTrader(50, 1000, "USDT", "10000");
        exchange.deposit(trader.accountId(), "BTC", "1");
        final BourseClient client = trader.client();
        final long buy = client.placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"),
            new BigDecimal("30000")).withTimeInForce(TimeInForce.POST_ONLY)).orderId();
        final long sell = client.placeOrder(OrderRequest.limit(PAIR, OrderSide.SELL, new BigDecimal("0.01"),
            new BigDecimal("40000"))).orderId();
        final long ethBuy = client.placeOrder(OrderRequest.limit("ETH.BTC", OrderSide.BUY, new BigDecimal("1"),
            new BigDecimal("0.05"))).orderId();
        final long ioc = client.placeOrder(OrderRequest.limit(PAIR, OrderSide.BUY, new BigDecimal("0.01"),
            new BigDecimal("29000")).withTimeInForce(TimeInForce.IOC)).orderId();
        assertThat(client.orderInfo(ioc).status()).isEqualTo(OrderStatus.COMPLETE);

        final CancelAllResult sells = client.cancelAllOrders(null, OrderSide.SELL);
        assertThat(sells.orderIds()).containsExactly(sell);
        final CancelAllResult rest = client.cancelAllOrders();
        assertThat(rest.orderIds()).containsExactly(buy, ethBuy);
        assertThat(client.balance("USDT").availableBalance()).isEqualByComparingTo("10000");
        assertThat(client.balance("BTC").availableBalance()).isEqualByComparingTo("1");
    }
}
