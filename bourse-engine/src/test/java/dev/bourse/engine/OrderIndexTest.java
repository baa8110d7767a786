package dev.bourse.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
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
    void shouldRemoveAscendingIdsPageByPageAndGiveBackOnlyThoseItHeld()
    {
        final OrderIndex index = new OrderIndex();
        final Random random = new Random(11);
        final List<Long> taken = new ArrayList<>();
        final List<Order> kept = new ArrayList<>();
        for (long id = FIRST_ID; id < FIRST_ID + 20_000; id++)
        {
            final Order order = order(id);
            index.add(order);
            if (random.nextInt(3) == 0)
            {
                taken.add(id);
            }
            else
            {
                kept.add(order);
            }
        }
        taken.add(FIRST_ID + 30_000);
        final long[] ids = taken.stream().mapToLong(Long::longValue).toArray();

        final Order[] removed = new Order[ids.length];
        assertThat(index.removeAll(ids, 0, ids.length, removed)).as("all but the one never added")
            .isEqualTo(ids.length - 1);
        assertThat(Arrays.stream(removed, 0, ids.length - 1).mapToLong(order -> order.id).boxed().toList())
            .as("in the order of their IDs").isEqualTo(taken.subList(0, ids.length - 1));
        assertThat(index.size()).isEqualTo(kept.size());
        assertThat(taken).allMatch(id -> index.get(id) == null);
        assertThat(kept).allMatch(order -> index.get(order.id) == order);
        assertThat(index.removeAll(ids, 0, ids.length, removed)).as("none of them is left").isZero();
        kept.forEach(index::remove);
        assertThat(index.size()).isZero();
        final List<Order> visited = new ArrayList<>();
        index.forEach(visited::add);
        assertThat(visited).isEmpty();
        final Order again = order(FIRST_ID + 5);
        assertThat(index.add(again)).as("its emptied pages were dropped and come back").isTrue();
        assertThat(index.get(FIRST_ID + 5)).isSameAs(again);
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
