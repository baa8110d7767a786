package dev.bourse.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AccountOrdersTest
{
    private static Order order(final long id)
    {
        return new Order(id, null, null, 1, 1, 0, 0, null);
    }

    @Test
    void shouldHoldTheOrdersAscendingWithEachOrderInItsSlotAndFewHoles()
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
                orders.remove(reference.remove(random.nextInt(reference.size())));
            }
            else
            {
                final Order order = order(nextId++);
                orders.append(order);
                reference.add(order);
            }
            assertThat(inSlots(orders)).containsExactlyElementsOf(reference);
            assertThat(orders.count).isEqualTo(reference.size());
            assertThat(orders.end()).isLessThanOrEqualTo(2 * reference.size() + 33);
        }
    }

    @Test
    void shouldEmptyAtOnceAndTakeNewOrdersAfterwards()
    {
        final AccountOrders orders = new AccountOrders();
        for (long id = 1; id <= 100; id++)
        {
            orders.append(order(id));
        }
        orders.vacate(3);
        orders.clear();

        assertThat(orders.count).isZero();
        assertThat(orders.end()).isZero();
        final Order next = order(101);
        orders.append(next);
        assertThat(inSlots(orders)).containsExactly(next);
    }

    private static List<Order> inSlots(final AccountOrders orders)
    {
        final List<Order> held = new ArrayList<>();
        for (int slot = 0; slot < orders.end(); slot++)
        {
            final Order order = orders.at(slot);
            if (order != null)
            {
                assertThat(order.accountSlot).isEqualTo(slot);
                held.add(order);
            }
        }
        return held;
    }
}
