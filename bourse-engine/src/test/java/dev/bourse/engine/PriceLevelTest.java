package dev.bourse.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PriceLevelTest
{
    private static Order order(final long id, final long quantity)
    {
        return new Order(id, null, null, 1, quantity, 0, 0, null);
    }

    @Test
    void shouldKeepTheLiveOrdersInTimeOrderWhateverIsRemovedFromWhereAndHowAndUnlinkTheDeadOnes()
    {
        final PriceLevel level = new PriceLevel(100);
        final List<Order> reference = new ArrayList<>();
        final Random random = new Random(7);
        long nextId = 1;
        int linkedBeforeLazyRemovals = 0;
        for (int step = 0; step < 20_000; step++)
        {
            boolean lazy = false;
            if (!reference.isEmpty() && random.nextInt(100) < 55)
            {
                final int index = random.nextInt(100) < 30 ? 0 : random.nextInt(reference.size());
                final Order removed = reference.remove(index);
                lazy = random.nextBoolean();
                if (lazy)
                {
                    level.removeLazily(removed);
                }
                else
                {
                    level.remove(removed);
                }
                assertThat(removed.level).isNull();
            }
            else
            {
                final Order order = order(nextId++, 1 + random.nextInt(5));
                level.append(order);
                reference.add(order);
            }
            assertThat(live(level)).containsExactlyElementsOf(reference);
            assertThat(level.orderCount).isEqualTo(reference.size());
            assertThat(level.isEmpty()).isEqualTo(reference.isEmpty());
            if (lazy)
            {
                assertThat(linked(level)).as("a lazy removal links nothing more").isLessThanOrEqualTo(
                    linkedBeforeLazyRemovals);
            }
            else
            {
                assertThat(linked(level)).as("live orders plus the dead ones still linked")
                    .isLessThanOrEqualTo(3 * reference.size() + 17);
                linkedBeforeLazyRemovals = linked(level);
            }
        }
    }

    @Test
    void shouldMoveTheHeadPastDeadOrdersWhenTheHeadLeaves()
    {
        final PriceLevel level = new PriceLevel(100);
        final Order first = order(1, 1);
        final Order second = order(2, 1);
        final Order third = order(3, 1);
        level.append(first);
        level.append(second);
        level.append(third);

        level.removeLazily(second);
        assertThat(level.head).isSameAs(first);
        assertThat(linked(level)).isEqualTo(3);
        level.remove(first);

        assertThat(level.head).isSameAs(third);
        assertThat(live(level)).containsExactly(third);
        assertThat(linked(level)).as("the dead order behind the head went with it").isEqualTo(1);
        level.remove(third);
        assertThat(level.isEmpty()).isTrue();
        level.append(first);
        assertThat(live(level)).containsExactly(first);
    }

    private static List<Order> live(final PriceLevel level)
    {
        final List<Order> orders = new ArrayList<>();
        for (Order order = level.head; order != null; order = level.next(order))
        {
            orders.add(order);
        }
        return orders;
    }

    private static int linked(final PriceLevel level)
    {
        int count = 0;
        Order previous = null;
        for (Order order = level.head; order != null; order = order.next)
        {
            assertThat(order.prev).isSameAs(previous);
            previous = order;
            count++;
        }
        return count;
    }
}
