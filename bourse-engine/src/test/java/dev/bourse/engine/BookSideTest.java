package dev.bourse.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class BookSideTest
{
    private static Order order(final long id, final long price)
    {
        return new Order(id, null, null, price, 1, 1, 0, null);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldKeepItsLevelsInPriorityOrderWhereverLevelsComeAndGo(final boolean highestFirst)
    {
        final BookSide side = highestFirst ? BookSide.highestFirst() : BookSide.lowestFirst();
        final TreeMap<Long, List<Order>> reference =
            new TreeMap<>(highestFirst ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        final List<Order> resting = new ArrayList<>();
        final Random random = new Random(11);
        long nextId = 1;
        for (int step = 0; step < 30_000; step++)
        {
            final boolean growing = (step / 3_000) % 2 == 0;
            if (!resting.isEmpty() && random.nextInt(100) < (growing ? 35 : 65))
            {
                final Order order = resting.remove(random.nextInt(resting.size()));
                final long price = order.level.price;
                side.remove(order);
                reference.get(price).remove(order);
                if (reference.get(price).isEmpty())
                {
                    reference.remove(price);
                }
            }
            else
            {
                final long price = random.nextInt(100) < 50 ? 1_000 + random.nextInt(20) : random.nextInt(5_000);
                final Order order = order(nextId++, price);
                side.add(order);
                reference.computeIfAbsent(price, ignored -> new ArrayList<>()).add(order);
                resting.add(order);
            }
            if (step % 97 == 0 || resting.isEmpty())
            {
                assertThat(levels(side)).containsExactlyElementsOf(reference.keySet());
                assertThat(side.orderCount()).isEqualTo(resting.size());
            }
        }
        for (final Order order : List.copyOf(resting))
        {
            side.remove(order);
        }
        assertThat(side.best()).isNull();
        assertThat(side.orderCount()).isZero();
    }

    @Test
    void shouldPlaceANewLevelAmongManyWhateverItsPrice()
    {
        final BookSide side = BookSide.highestFirst();
        final Random random = new Random(3);
        final TreeMap<Long, Order> reference = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < 100_000; i++)
        {
            final long price = random.nextLong(1, Long.MAX_VALUE);
            if (!reference.containsKey(price))
            {
                final Order order = order(i + 1, price);
                side.add(order);
                reference.put(price, order);
            }
        }
        assertThat(levels(side)).containsExactlyElementsOf(reference.keySet());
        for (int i = 0; i < 50_000; i++)
        {
            side.remove(reference.pollFirstEntry().getValue());
            side.remove(reference.pollLastEntry().getValue());
        }
        assertThat(side.best()).isNull();
    }

    /** @return the prices from the best, following the links both ways (each level's better is the one before). */
    private static List<Long> levels(final BookSide side)
    {
        final List<Long> prices = new ArrayList<>();
        PriceLevel previous = null;
        for (PriceLevel level = side.best(); level != null; level = level.worse)
        {
            assertThat(level.better).isSameAs(previous);
            assertThat(level.isEmpty()).isFalse();
            prices.add(level.price);
            previous = level;
        }
        return prices;
    }
}
