package dev.bourse.server.readmodel;

import dev.bourse.engine.OrderStatus;
import dev.bourse.engine.OrderType;
import dev.bourse.engine.Side;
import dev.bourse.engine.event.OrderView;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelStoresTest
{
    private static OrderView view(final long id, final Side side, final long price, final long remain,
        final OrderStatus status)
    {
        return view(id, side, price, remain, status, null);
    }

    private static OrderView view(final long id, final Side side, final long price, final long remain,
        final OrderStatus status, final String clientOrderId)
    {
        return new OrderView(id, 1, "BCH.ETH", OrderType.LIMIT, side, price, 0, 10, 0, remain, 10 - remain, 0, 0, 0,
            0, 1000, 2000, status, 1, status == OrderStatus.COMPLETE ? 2 : 0, clientOrderId);
    }

    @Test
    void shouldLetTheOldestRecordsGoBeyondAgeOrCountAndSayFromWhenItIsComplete()
    {
        final HistoryWindow window = new HistoryWindow();
        final TimeSeries<String> series = new TimeSeries<>(1_000, 3, window);
        series.append(0, 1, 11, "a");
        series.append(10, 2, 12, "b");
        assertThat(series.completeFrom(0)).isTrue();
        series.append(20, 3, 13, "c");
        series.append(30, 4, 14, "d");

        assertThat(series.newestFirst(0, 100, s -> true, 10)).containsExactly("d", "c", "b");
        assertThat(window.evictedThroughSequence()).isEqualTo(11);
        assertThat(series.completeFrom(0)).isFalse();
        assertThat(series.completeFrom(1)).isTrue();
        series.append(1_015, 5, 15, "e");
        assertThat(series.newestFirst(0, 2_000, s -> true, 10)).containsExactly("e", "d", "c");
        series.append(1_025, 6, 16, "f");
        assertThat(series.newestFirst(0, 2_000, s -> true, 10)).containsExactly("f", "e", "d");
        assertThat(series.newestFirst(30, 1_015, s -> true, 1)).containsExactly("e");
        assertThat(series.newestFirst(0, 2_000, s -> true, 10, 14)).containsExactly("f", "e");
        assertThat(window.evictedThroughSequence()).isEqualTo(13);
    }

    @Test
    void shouldAggregateDepthPerLevelBestFirst()
    {
        final BookDepthStore depth = new BookDepthStore();
        depth.update(view(1, Side.BUY, 100, 5, OrderStatus.REQUEST));
        depth.update(view(2, Side.BUY, 101, 3, OrderStatus.REQUEST));
        depth.update(view(3, Side.BUY, 100, 2, OrderStatus.PROCESS));
        depth.update(view(4, Side.SELL, 105, 1, OrderStatus.PENDING));

        assertThat(depth.levels("BCH.ETH", Side.BUY, 10))
            .containsExactly(new BookDepthStore.Level(101, 3), new BookDepthStore.Level(100, 7));
        assertThat(depth.levels("BCH.ETH", Side.SELL, 10)).isEmpty();
        depth.update(view(1, Side.BUY, 100, 4, OrderStatus.PROCESS));
        depth.update(view(2, Side.BUY, 101, 0, OrderStatus.COMPLETE));
        assertThat(depth.levels("BCH.ETH", Side.BUY, 10)).containsExactly(new BookDepthStore.Level(100, 6));
        assertThat(depth.bestPrice("BCH.ETH", Side.BUY)).isEqualTo(100);
        assertThat(depth.quantity("BCH.ETH", Side.BUY, 100)).isEqualTo(6);
        assertThat(depth.quantity("BCH.ETH", Side.BUY, 101)).isZero();
        assertThat(depth.quantity("BCH.ETH", Side.SELL, 100)).isZero();

        depth.update(view(5, Side.SELL, 107, 2, OrderStatus.REQUEST));
        depth.update(view(6, Side.SELL, 106, 1, OrderStatus.REQUEST));
        depth.update(view(7, Side.SELL, 108, 4, OrderStatus.REQUEST));
        assertThat(depth.levels("BCH.ETH", Side.SELL, 2))
            .containsExactly(new BookDepthStore.Level(106, 1), new BookDepthStore.Level(107, 2));
        assertThat(depth.bestPrice("BCH.ETH", Side.SELL)).isEqualTo(106);
        assertThat(depth.quantity("BCH.ETH", Side.SELL, 108)).isEqualTo(4);
        assertThat(depth.bestPrice("ETH.BTC", Side.SELL)).isZero();
    }

    @Test
    void shouldSummariseTheLast24Hours()
    {
        final TickerStore tickers = new TickerStore();
        final long day = 24L * 3600 * 1000;
        tickers.onTrade("BCH.ETH", 50, 1, 0);
        tickers.onTrade("BCH.ETH", 70, 2, day / 2);
        tickers.onTrade("BCH.ETH", 40, 3, day / 2 + 1);
        tickers.onTrade("BCH.ETH", 60, 4, day + 60_000);

        assertThat(tickers.ticker("BCH.ETH", day + 60_000))
            .isEqualTo(new TickerStore.Ticker(60, 9, 70, 60, 70, 40));
        assertThat(tickers.ticker("BCH.ETH", 3 * day)).isEqualTo(new TickerStore.Ticker(60, 0, 60, 60, 60, 60));
        assertThat(tickers.ticker("ETH.BTC", 0)).isEqualTo(new TickerStore.Ticker(0, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldKeepCompletedOrdersUpToTheBound()
    {
        final HistoryWindow window = new HistoryWindow();
        final OrderStore orders = new OrderStore(2, window);
        for (long id = 1; id <= 3; id++)
        {
            orders.update(view(id, Side.BUY, 100, 5, OrderStatus.REQUEST), id);
        }
        assertThat(orders.openOrders(1, o -> true, 10)).extracting(OrderView::orderId).containsExactly(3L, 2L, 1L);
        for (long id = 1; id <= 3; id++)
        {
            orders.update(view(id, Side.BUY, 100, 0, OrderStatus.COMPLETE), 10 + id);
        }

        assertThat(orders.order(1)).isNull();
        assertThat(window.evictedThroughSequence()).isEqualTo(11);
        assertThat(orders.order(3).status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(orders.openOrders(1, o -> true, 10)).isEmpty();
    }

    @Test
    void shouldFindTheNewestOrderOfAClientOrderIdWhileItsViewIsKept()
    {
        final OrderStore orders = new OrderStore(2, new HistoryWindow());
        orders.update(view(1, Side.BUY, 100, 10, OrderStatus.REQUEST, "a"), 101);
        orders.update(view(2, Side.BUY, 100, 10, OrderStatus.REQUEST, "b"), 102);
        orders.update(view(3, Side.BUY, 100, 10, OrderStatus.REQUEST, "a"), 103);
        assertThat(orders.orderByClientOrderId(1, "a").orderId()).isEqualTo(3);
        assertThat(orders.orderByClientOrderId(2, "a")).as("another account's").isNull();

        for (final long id : new long[] {2, 1, 3})
        {
            orders.update(view(id, Side.BUY, 100, 0, OrderStatus.COMPLETE, id == 2 ? "b" : "a"), 104);
        }

        assertThat(orders.order(2)).isNull();
        assertThat(orders.orderByClientOrderId(1, "b")).as("forgotten with its view").isNull();
        assertThat(orders.orderByClientOrderId(1, "a").status()).isEqualTo(OrderStatus.COMPLETE);
    }

    @Test
    void shouldRestoreOrdersAndTheirClientOrderIdsFromASnapshot() throws IOException
    {
        final OrderStore orders = new OrderStore(10, new HistoryWindow());
        orders.update(view(1, Side.BUY, 100, 10, OrderStatus.REQUEST, "a"), 105);
        orders.update(view(2, Side.SELL, 100, 0, OrderStatus.COMPLETE, "a"), 106);
        orders.update(view(3, Side.BUY, 100, 10, OrderStatus.REQUEST, null), 107);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        orders.writeSnapshot(new DataOutputStream(bytes));

        final OrderStore restored = new OrderStore(10, new HistoryWindow());
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 3, 200);

        assertThat(restored.orderByClientOrderId(1, "a")).isEqualTo(orders.orderByClientOrderId(1, "a"))
            .extracting(OrderView::orderId).isEqualTo(2L);
        assertThat(restored.openOrders(1, o -> true, 10)).isEqualTo(orders.openOrders(1, o -> true, 10));
    }

    /** Format 2 wrote order views without the client order ID: they read as views without one. */
    @Test
    void shouldReadOrderViewsOfSnapshotFormat2() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0);
        out.writeInt(1);
        final ByteArrayOutputStream view = new ByteArrayOutputStream();
        SnapshotFields.writeOrderView(new DataOutputStream(view), view(7, Side.BUY, 100, 10, OrderStatus.REQUEST));
        out.write(view.toByteArray(), 0, view.size() - 1);

        final OrderStore restored = new OrderStore(10, new HistoryWindow());
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 2, 200);

        assertThat(restored.order(7)).isEqualTo(view(7, Side.BUY, 100, 10, OrderStatus.REQUEST));
    }
}
