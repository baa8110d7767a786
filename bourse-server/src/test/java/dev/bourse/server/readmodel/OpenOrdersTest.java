package dev.bourse.server.readmodel;

import dev.bourse.engine.OrderStatus;
import dev.bourse.engine.OrderType;
import dev.bourse.engine.Side;
import dev.bourse.engine.event.OrderView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class OpenOrdersTest
{
    private static final Predicate<OrderView> ALL = view -> true;

    private static OrderView view(final long orderId, final long remain)
    {
        return new OrderView(orderId, 1, "BCH.ETH", OrderType.LIMIT, Side.BUY, 100, 0, 1_000, 0, remain,
            1_000 - remain, 0, 0, 0, 0, 1000, 2000, OrderStatus.REQUEST, 1, 0, null);
    }

    private static List<OrderView> newestFirst(final OpenOrders orders, final Predicate<OrderView> filter, final int max)
    {
        final List<OrderView> into = new ArrayList<>();
        orders.newestFirst(filter, max, into);
        return into;
    }

    private static List<OrderView> forEach(final OpenOrders orders)
    {
        final List<OrderView> into = new ArrayList<>();
        orders.forEachNewestFirst(into::add);
        return into;
    }

    @Test
    void shouldListNewestFirstReplaceAViewInItsPlaceAndLetAnOrderGo()
    {
        final OpenOrders orders = new OpenOrders();
        for (long id = 1; id <= 10; id++)
        {
            orders.put(view(id, 1_000));
        }
        orders.put(view(4, 500));
        orders.remove(7);
        orders.remove(7);
        orders.remove(42);

        assertThat(newestFirst(orders, ALL, 100)).extracting(OrderView::orderId)
            .containsExactly(10L, 9L, 8L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(newestFirst(orders, ALL, 100).get(5)).isEqualTo(view(4, 500));
        assertThat(newestFirst(orders, view -> view.orderId() % 2 == 0, 3)).extracting(OrderView::orderId)
            .containsExactly(10L, 8L, 6L);
        assertThat(newestFirst(orders, ALL, 0)).isEmpty();
        assertThat(forEach(orders)).isEqualTo(newestFirst(orders, ALL, 100));
    }

    @Test
    void shouldPutAnOrderBelowTheNewestInItsPlace()
    {
        final OpenOrders orders = new OpenOrders();
        for (final long id : new long[]{5, 9, 2, 7, 1, 8})
        {
            orders.put(view(id, 1_000));
        }

        assertThat(newestFirst(orders, ALL, 100)).extracting(OrderView::orderId)
            .containsExactly(9L, 8L, 7L, 5L, 2L, 1L);
    }

    @Test
    void shouldHoldWhatASortedMapHoldsThroughGrowthHolesAndCompaction()
    {
        final Random random = new Random(5);
        final OpenOrders orders = new OpenOrders();
        final TreeMap<Long, OrderView> expected = new TreeMap<>();
        long nextId = 1;
        for (int i = 0; i < 50_000; i++)
        {
            final int action = random.nextInt(10);
            if (action < 4 || expected.isEmpty())
            {
                final long id = random.nextInt(50) == 0 ? 1 + random.nextInt((int)nextId) : nextId++;
                final OrderView view = view(id, random.nextInt(1_000));
                orders.put(view);
                expected.put(id, view);
            }
            else if (action < 8)
            {
                final Long above = expected.ceilingKey((long)random.nextInt((int)nextId));
                final long key = above == null ? expected.firstKey() : above;
                orders.remove(key);
                expected.remove(key);
            }
            else
            {
                final long id = expected.lastKey() - random.nextInt(3);
                final OrderView view = view(id, random.nextInt(1_000));
                orders.put(view);
                expected.put(id, view);
            }
            if (i % 97 == 0)
            {
                assertThat(forEach(orders)).isEqualTo(new ArrayList<>(expected.descendingMap().values()));
            }
        }
        for (final Long id : new ArrayList<>(expected.keySet()))
        {
            orders.remove(id);
        }
        assertThat(newestFirst(orders, ALL, 100)).isEmpty();
    }

    @Test
    void shouldGiveConcurrentReadersOnlyOpenOrdersNewestFirstWhileTheWriterChangesThem() throws Exception
    {
        final int orders = 300_000;
        final OpenOrders open = new OpenOrders();
        // Orders 1, 2, ... are placed; each is let go 50 orders later, but every 10th stays; the remain of an order's
        // view is its ID until it is half filled, just before it goes.
        final int nonEmpty = OneWriterManyReaders.run(3, 1_000_000, () ->
        {
            for (long id = 1; id <= orders; id++)
            {
                open.put(view(id, id));
                final long old = id - 50;
                if (old > 0 && old % 10 != 0)
                {
                    open.put(view(old, old / 2));
                    open.remove(old);
                }
            }
        }, random ->
        {
            final List<OrderView> answer = newestFirst(open, view ->
            {
                assertThat(view).isNotNull();
                return true;
            }, 1 + random.nextInt(80));
            for (int k = 0; k < answer.size(); k++)
            {
                final OrderView view = answer.get(k);
                assertThat(view.remainQuantity()).isIn(view.orderId(), view.orderId() / 2);
                if (k > 0)
                {
                    assertThat(view.orderId()).isLessThan(answer.get(k - 1).orderId());
                }
            }
            return !answer.isEmpty();
        });

        assertThat(nonEmpty).isPositive();
        final List<OrderView> last = newestFirst(open, ALL, 60);
        assertThat(last).extracting(OrderView::orderId).startsWith((long)orders, orders - 1L);
        assertThat(last.get(50).orderId()).isEqualTo(orders - 50L);
        assertThat(last.get(51).orderId()).isEqualTo(orders - 60L);
    }
}
