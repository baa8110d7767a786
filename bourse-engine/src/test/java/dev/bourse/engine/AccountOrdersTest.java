package dev.bourse.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AccountOrdersTest
{
    private final OrderIndex index = new OrderIndex();

    private Order order(final long id, final Side side, final long reserve)
    {
        final OrderTerms terms = new OrderTerms(
            null, side, OrderType.LIMIT, TimeInForce.GTC, SelfTradePrevention.EXPIRE_MAKER, 0, 0);
        final Order order = new Order(id, null, terms, 1, 1, reserve, 0, null);
        index.add(order);
        return order;
    }

    @Test
    void shouldHoldTheOrdersAscendingWithEachOrderInItsSlotTheirReservesSummedAndFewHoles()
    {
        final AccountOrders orders = new AccountOrders();
        final List<Order> reference = new ArrayList<>();
        final Random random = new Random(11);
        long nextId = 1;
        for (int step = 0; step < 20_000; step++)
        {
            final boolean grow = step % 5_000 < 2_500;
            if (!reference.isEmpty() && random.nextInt(100) < (grow ? 40 : 70))
            {
                final Order leaving = reference.remove(random.nextInt(reference.size()));
                orders.remove(leaving, index);
                index.remove(leaving);
                assertThat(orders.holds(leaving)).isFalse();
            }
            else
            {
                final Order order = order(nextId++, random.nextBoolean() ? Side.BUY : Side.SELL, random.nextInt(1_000));
                orders.append(order, index);
                reference.add(order);
            }
            assertThat(inSlots(orders)).containsExactlyElementsOf(reference);
            assertThat(orders.count).isEqualTo(reference.size());
            assertThat(orders.end() - orders.start()).isLessThanOrEqualTo(2 * reference.size() + 33);
            assertThat(orders.reserve(Side.BUY)).isEqualTo(reserveOf(reference, Side.BUY));
            assertThat(orders.reserve(Side.SELL)).isEqualTo(reserveOf(reference, Side.SELL));
        }
    }

    @Test
    void shouldTakeEveryOrderAtOnceWithoutTouchingThemAndTakeNewOrdersAfterwards()
    {
        final AccountOrders orders = new AccountOrders();
        final List<Order> placed = new ArrayList<>();
        for (long id = 1; id <= 100; id++)
        {
            final Order order = order(id, id % 3 == 0 ? Side.SELL : Side.BUY, 10);
            orders.append(order, index);
            placed.add(order);
        }
        orders.remove(placed.get(3), index);
        final long[] ids = new long[100];

        final int taken = orders.takeAll(null, ids, 0, index);

        assertThat(taken).isEqualTo(99);
        assertThat(Arrays.copyOf(ids, taken)).isSorted().doesNotContain(4L).contains(1L, 100L);
        assertThat(orders.count).isZero();
        assertThat(orders.end()).isZero();
        assertThat(orders.reserve(Side.BUY)).isZero();
        assertThat(orders.reserve(Side.SELL)).isZero();
        assertThat(placed).noneMatch(orders::holds).allMatch(order -> order.reserveRemaining == 10);
        final Order next = order(101, Side.BUY, 5);
        orders.append(next, index);
        assertThat(inSlots(orders)).containsExactly(next);
        assertThat(placed).noneMatch(orders::holds);
        assertThat(orders.reserve(Side.BUY)).isEqualTo(5);
    }

    @Test
    void shouldLeaveNoHolesBehindOrdersThatLeaveOldestFirst()
    {
        final AccountOrders orders = new AccountOrders();
        final List<Order> placed = new ArrayList<>();
        for (long id = 1; id <= 1_000; id++)
        {
            final Order order = order(id, Side.BUY, 1);
            orders.append(order, index);
            placed.add(order);
        }
        for (int i = 0; i < 990; i++)
        {
            final Order oldest = placed.get(i);
            orders.remove(oldest, index);
            index.remove(oldest);
            assertThat(orders.end() - orders.start()).isEqualTo(orders.count);
        }

        assertThat(inSlots(orders)).containsExactlyElementsOf(placed.subList(990, 1_000));
        assertThat(placed.subList(990, 1_000)).extracting(order -> order.accountSlot)
            .as("not moved").containsExactly(990, 991, 992, 993, 994, 995, 996, 997, 998, 999);
    }

    @Test
    void shouldTakeTheOrdersOfOneSideAndKeepTheOthers()
    {
        final AccountOrders orders = new AccountOrders();
        final List<Order> buys = new ArrayList<>();
        final List<Order> sells = new ArrayList<>();
        for (long id = 1; id <= 200; id++)
        {
            final Order order = order(id, id % 4 == 0 ? Side.SELL : Side.BUY, id);
            orders.append(order, index);
            (order.side() == Side.SELL ? sells : buys).add(order);
        }
        final long[] ids = new long[200];
        ids[0] = 7;

        final int filled = orders.takeAll(Side.BUY, ids, 1, index);

        assertThat(filled).isEqualTo(1 + buys.size());
        assertThat(Arrays.copyOfRange(ids, 1, filled)).containsExactly(buys.stream().mapToLong(o -> o.id).toArray());
        assertThat(ids[0]).isEqualTo(7);
        assertThat(inSlots(orders)).containsExactlyElementsOf(sells);
        assertThat(orders.count).isEqualTo(sells.size());
        assertThat(orders.reserve(Side.BUY)).isZero();
        assertThat(orders.reserve(Side.SELL)).isEqualTo(reserveOf(sells, Side.SELL));
        assertThat(buys).noneMatch(orders::holds);
    }

    private static long reserveOf(final List<Order> orders, final Side side)
    {
        return orders.stream().filter(order -> order.side() == side).mapToLong(order -> order.reserveRemaining).sum();
    }

    private List<Order> inSlots(final AccountOrders orders)
    {
        final List<Order> held = new ArrayList<>();
        for (int slot = 0; slot < orders.end(); slot++)
        {
            final long orderId = orders.idAt(slot);
            assertThat(orderId == 0 || slot >= orders.start()).as("no order before the start").isTrue();
            if (orderId != 0)
            {
                final Order order = index.get(orderId);
                assertThat(order.accountSlot).isEqualTo(slot);
                assertThat(orders.holds(order)).isTrue();
                held.add(order);
            }
        }
        return held;
    }
}
