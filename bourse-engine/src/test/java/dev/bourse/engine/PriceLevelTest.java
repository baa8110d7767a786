package dev.bourse.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PriceLevelTest
{
    private final Pair pair = new Pair(0, new Currency(0, "BTC", 8), new Currency(1, "USDT", 6),
        new PairPolicy("test", 1, 0, 0, 1, Long.MAX_VALUE, 0, Long.MAX_VALUE, 0, 0, PairState.TRADING));

    private static Order order(final long id, final long quantity)
    {
        return new Order(id, null, null, 1, quantity, 0, 0, null);
    }

    @Test
    void shouldKeepTheLiveOrdersInTimeOrderAndCountTheDeadUntilTheLevelMeetsThemWhereverTheyAre()
    {
        final PriceLevel level = new PriceLevel(100, pair.bids);
        final List<Order> reference = new ArrayList<>();
        final Random random = new Random(7);
        long nextId = 1;
        int withdrawn = 0;
        for (int step = 0; step < 20_000; step++)
        {
            if (!reference.isEmpty() && random.nextInt(100) < 55)
            {
                final int index = random.nextInt(100) < 30 ? 0 : random.nextInt(reference.size());
                final Order removed = reference.remove(index);
                if (random.nextBoolean())
                {
                    level.remove(removed);
                    assertThat(removed.prev).isNull();
                    assertThat(removed.next).isNull();
                }
                else
                {
                    removed.level = null;
                    withdrawn++;
                }
                if (random.nextInt(10) == 0)
                {
                    level.dropDeadHead();
                    assertThat(level.head == null || level.head.level == level).isTrue();
                }
            }
            else
            {
                final Order order = order(nextId++, 1 + random.nextInt(5));
                level.append(order);
                reference.add(order);
            }
            assertThat(live(level)).containsExactlyElementsOf(reference);
            assertThat(level.first() == null).isEqualTo(reference.isEmpty());
            assertThat(level.orderCount).as("the live orders and the dead ones not yet settled").isEqualTo(linked(level));
            assertThat(-pair.retiredOrders).as("dead orders settled").isEqualTo(withdrawn - deadLinked(level));
        }
    }

    @Test
    void shouldNotKeepDeadOrdersWithoutBoundBehindAHeadThatNeverLeaves()
    {
        final PriceLevel level = new PriceLevel(100, pair.bids);
        long nextId = 1;
        level.append(order(nextId++, 1));
        final List<Order> quotes = new ArrayList<>();
        for (int cycle = 0; cycle < 1_000; cycle++)
        {
            for (int i = 0; i < 50; i++)
            {
                final Order quote = order(nextId++, 1);
                level.append(quote);
                quotes.add(quote);
            }
            level.append(order(nextId++, 1));
            quotes.forEach(quote -> quote.level = null);
            quotes.clear();
        }

        assertThat(live(level)).hasSize(1_001);
        assertThat(linked(level)).as("51,001 without the walks; twice the 1,001 live at most, and the slack")
            .isLessThanOrEqualTo(2 * 1_001 + PriceLevel.WALK_SLACK);
    }

    @Test
    void shouldMoveTheHeadPastDeadOrdersWhenTheHeadLeavesAndDropDeadOnesAtTheHead()
    {
        final PriceLevel level = new PriceLevel(100, pair.bids);
        final Order first = order(1, 1);
        final Order second = order(2, 1);
        final Order third = order(3, 1);
        level.append(first);
        level.append(second);
        level.append(third);

        second.level = null;
        assertThat(level.head).isSameAs(first);
        assertThat(linked(level)).isEqualTo(3);
        level.remove(first);

        assertThat(level.head).isSameAs(third);
        assertThat(live(level)).containsExactly(third);
        assertThat(linked(level)).as("the dead order behind the head went with it").isEqualTo(1);
        assertThat(level.orderCount).isEqualTo(1);

        third.level = null;
        assertThat(level.first()).isNull();
        assertThat(level.isEmpty()).as("a dead head is still linked").isFalse();
        level.dropDeadHead();
        assertThat(level.isEmpty()).isTrue();
        assertThat(level.orderCount).isZero();
        assertThat(pair.retiredOrders).as("both dead orders settled").isEqualTo(-2);
        level.append(first);
        assertThat(live(level)).containsExactly(first);
    }

    private static List<Order> live(final PriceLevel level)
    {
        final List<Order> orders = new ArrayList<>();
        for (Order order = level.first(); order != null; order = level.next(order))
        {
            orders.add(order);
        }
        return orders;
    }

    private static int deadLinked(final PriceLevel level)
    {
        int count = 0;
        for (Order order = level.head; order != null; order = order.next)
        {
            count += order.level != level ? 1 : 0;
        }
        return count;
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
