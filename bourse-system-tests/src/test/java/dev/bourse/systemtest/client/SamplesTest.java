package dev.bourse.systemtest.client;

import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseStream;
import dev.bourse.client.CancelAllResult;
import dev.bourse.client.OpenOrdersQuery;
import dev.bourse.client.OrderInfo;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.OrderStatus;
import dev.bourse.client.StreamEvent;
import dev.bourse.systemtest.client.samples.AsyncSample;
import dev.bourse.systemtest.client.samples.CancelAllSample;
import dev.bourse.systemtest.client.samples.ConnectSample;
import dev.bourse.systemtest.client.samples.FailoverSample;
import dev.bourse.systemtest.client.samples.PlaceOrdersSample;
import dev.bourse.systemtest.client.samples.SafeOrderEntrySample;
import dev.bourse.systemtest.client.samples.StreamSample;
import dev.bourse.systemtest.client.samples.WatchFillSample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples quoted in docs/CLIENT.md, run against a real server. */
class SamplesTest extends WithExchange
{
    private ClientExchange.Trader maker;
    private ClientExchange.Trader taker;

    @BeforeEach
    void setUp() throws Exception
    {
        maker = exchange.fundedTrader(20, 600, "USDT", "10000");
        taker = exchange.fundedTrader(20, 600, "BTC", "1");
    }

    @Test
    void shouldConnectWithTheKeysLimits()
    {
        try (BourseClient client = ConnectSample.connect(exchange.publicUri(), maker.key().apiKey(),
            maker.key().apiSecret(), maker.key().rps(), maker.key().rpm()))
        {
            assertThat(client.balance("USDT").balance()).isEqualByComparingTo("10000");
        }
    }

    @Test
    void shouldGoOnThroughTheNextNodeWhenTheFirstIsDown() throws IOException
    {
        final URI down;
        try (ServerSocket socket = new ServerSocket(0))
        {
            down = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (BourseClient client = FailoverSample.connect(down, exchange.publicUri(), down, maker.key().apiKey(),
            maker.key().apiSecret()))
        {
            assertThat(client.balance("USDT").balance()).isEqualByComparingTo("10000");
            assertThat(PlaceOrdersSample.placeLadder(client, new BigDecimal("30000"), 1)).hasSize(1);
        }
    }

    @Test
    void shouldPlaceALadderOfOrders()
    {
        final List<Long> orderIds = PlaceOrdersSample.placeLadder(maker.client(), new BigDecimal("30000"), 3);

        assertThat(orderIds).hasSize(3).doesNotHaveDuplicates();
        assertThat(maker.client().openOrders(OpenOrdersQuery.forPair(ClientExchange.PAIR)))
            .extracting(order -> order.orderId())
            .containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(maker.client().orderInfo(orderIds.get(2)).price()).isEqualByComparingTo("29980");
    }

    @Test
    void shouldWatchAnOrderUntilItFills() throws Exception
    {
        final long orderId = PlaceOrdersSample.placeLadder(maker.client(), new BigDecimal("30000"), 1).getFirst();
        final CompletableFuture<OrderInfo> watched =
            CompletableFuture.supplyAsync(() -> WatchFillSample.awaitComplete(maker.client(), orderId, 200));

        taker.client().placeOrder(OrderRequest.market(ClientExchange.PAIR, OrderSide.SELL, new BigDecimal("0.01")));

        final OrderInfo filled = watched.get();
        assertThat(filled.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(filled.filledAmount()).isEqualByComparingTo("0.01");
        assertThat(filled.averageFillPrice()).isEqualByComparingTo("30000");
    }

    @Test
    void shouldPlaceThenReadWithoutBlocking()
    {
        AsyncSample.placeThenRead(maker.client(), new BigDecimal("0.01"), new BigDecimal("30000")).join();

        assertThat(maker.client().openOrders(OpenOrdersQuery.forPair(ClientExchange.PAIR))).hasSize(1);
        assertThat(maker.client().balance("USDT").availableBalance()).isLessThan(new BigDecimal("10000"));
    }

    @Test
    void shouldPlaceOnceKeepTheSwitchAliveAndCancelEverything()
    {
        final long orderId = SafeOrderEntrySample.placeOnce(maker.client(), new BigDecimal("30000"), "bid-1").orderId();
        assertThat(SafeOrderEntrySample.placeOnce(maker.client(), new BigDecimal("30000"), "bid-1").orderId())
            .isEqualTo(orderId);
        assertThat(SafeOrderEntrySample.keepAlive(maker.client()).armed()).isTrue();

        final CancelAllResult result = SafeOrderEntrySample.cancelEverything(maker.client());

        assertThat(result.orderIds()).containsExactly(orderId);
        assertThat(maker.client().orderInfoByClientOrderId("bid-1").status()).isEqualTo(OrderStatus.COMPLETE);
    }

    @Test
    void shouldFollowOrdersAndTheBookInRealTimeAndCancelOnDisconnect()
    {
        final List<StreamEvent> seen = new CopyOnWriteArrayList<>();
        final long orderId;
        try (BourseStream stream = StreamSample.follow(maker.client(), ClientExchange.PAIR, seen))
        {
            orderId = PlaceOrdersSample.placeLadder(maker.client(), new BigDecimal("30000"), 1).getFirst();
            taker.client().placeOrder(
                OrderRequest.market(ClientExchange.PAIR, OrderSide.SELL, new BigDecimal("0.004")));
            awaitUntil(() -> seen.stream().anyMatch(event -> event instanceof StreamEvent.BookChanged book &&
                book.asks().isEmpty() && book.bids().getFirst().amount().compareTo(new BigDecimal("0.006")) == 0));

            assertThat(seen).anyMatch(event -> event instanceof StreamEvent.Filled);
            assertThat(StreamSample.bestBid(stream, ClientExchange.PAIR)).isEqualByComparingTo("30000");
            assertThat(StreamSample.levels(stream, ClientExchange.PAIR)).isEqualTo(1);
        }
        awaitUntil(() -> maker.client().orderInfo(orderId).status() == OrderStatus.COMPLETE);
        assertThat(maker.client().orderInfo(orderId).filledAmount()).as("cancelled on disconnect after its fill")
            .isEqualByComparingTo("0.004");
    }

    private static void awaitUntil(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as("the condition held within 30 s").isLessThan(deadlineNs);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void shouldCancelAllOrdersOfThePair()
    {
        final List<Long> orderIds = PlaceOrdersSample.placeLadder(maker.client(), new BigDecimal("30000"), 4);

        final CancelAllResult result = CancelAllSample.cancelAll(maker.client(), ClientExchange.PAIR);

        assertThat(result.orderIds()).containsExactlyElementsOf(orderIds.stream().sorted().toList());
        for (final long orderId : orderIds)
        {
            assertThat(maker.client().orderInfo(orderId).status()).isEqualTo(OrderStatus.COMPLETE);
        }
        assertThat(maker.client().balance("USDT").availableBalance()).isEqualByComparingTo("10000");
    }
}
