package dev.bourse.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderIndexTest
{
    private static final long FIRST_ID = 10_100_000_000_000L;

    private static Order order(final long id)
    {
        return new Order(id, null, null, 1, 1, 1, 0, null);
    }

    @Test
    void shouldFindAddAndRemoveLikeAMapOverManyPagesInRandomOrder()
    {
        final OrderIndex index = new OrderIndex();
        final Map<Long, Order> reference = new HashMap<>();
        final Random random = new Random(42);
        for (int step = 0; step < 50_000; step++)
        {
            final long id = FIRST_ID + random.nextInt(2_000);
            final Order existing = reference.get(id);
            if (existing != null && random.nextBoolean())
            {
                index.remove(existing);
                reference.remove(id);
            }
            else
            {
                final Order order = order(id);
                assertThat(index.add(order)).isEqualTo(existing == null);
                reference.putIfAbsent(id, order);
            }
            assertThat(index.get(id)).isSameAs(reference.get(id));
            assertThat(index.size()).isEqualTo(reference.size());
        }
        final List<Order> visited = new ArrayList<>();
        index.forEach(visited::add);
        assertThat(visited).containsExactlyInAnyOrderElementsOf(reference.values());
    }

    @Test
    void shouldRefuseToRemoveAnOrderItDoesNotHold()
    {
        final OrderIndex index = new OrderIndex();
        final Order held = order(FIRST_ID);
        index.add(held);

        assertThatThrownBy(() -> index.remove(order(FIRST_ID))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.remove(order(FIRST_ID + 1_000))).isInstanceOf(IllegalStateException.class);
        index.remove(held);
        assertThat(index.size()).isZero();
        assertThat(index.get(FIRST_ID)).isNull();
    }
}
