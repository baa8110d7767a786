package dev.bourse.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceLevelTest
{
    private static Order order(final long id)
    {
        return new Order(id, null, null, 100, 1, 0, 0, null);
    }

    @Test
    void shouldKeepItsOrdersInTimeOrderWhereverOrdersLeave()
    {
        final PriceLevel level = new PriceLevel(100);
        final List<Order> reference = new ArrayList<>();
        final Random random = new Random(7);
        long nextId = 1;
        for (int step = 0; step < 20_000; step++)
        {
            if (!reference.isEmpty() && random.nextInt(100) < 55)
            {
                final int position = random.nextInt(100) < 30 ? 0 : random.nextInt(reference.size());
                final Order removed = reference.remove(position);
                level.remove(removed);
                assertThat(removed.level).isNull();
                assertThat(removed.prev).isNull();
                assertThat(removed.next).isNull();
            }
            else
            {
                final Order order = order(nextId++);
                level.append(order);
                assertThat(order.level).isSameAs(level);
                reference.add(order);
            }
            assertThat(orders(level)).containsExactlyElementsOf(reference);
            assertThat(level.orderCount).isEqualTo(reference.size());
            assertThat(level.isEmpty()).isEqualTo(reference.isEmpty());
        }
    }

    @Test
    void shouldRefuseToRemoveAnOrderOfAnotherLevel()
    {
        final PriceLevel level = new PriceLevel(100);
        final PriceLevel other = new PriceLevel(101);
        final Order order = order(1);
        other.append(order);

        assertThatThrownBy(() -> level.remove(order)).isInstanceOf(IllegalStateException.class);
        assertThat(orders(other)).containsExactly(order);
        assertThat(level.isEmpty()).isTrue();
    }

    private static List<Order> orders(final PriceLevel level)
    {
        final List<Order> orders = new ArrayList<>();
        Order previous = null;
        for (Order order = level.first(); order != null; order = level.next(order))
        {
            assertThat(order.prev).as("linked both ways").isSameAs(previous);
            orders.add(order);
            previous = order;
        }
        return orders;
    }
}
