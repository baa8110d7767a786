package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.TradeExecuted;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.eth;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A cancel-all takes its orders out of the account's list, the open-order index and their levels in its own command,
 * among other accounts' orders on the same levels: nothing sees them after it (answers, matching, triggers, post-only
 * checks, snapshots, the state hash), and the state it leaves is the one single cancels of the same orders leave.
 */
final class CancelAllInTheBookTest
{
    /** More than a block of the cancel-all's removal from the index (256), and not a multiple of it. */
    private static final int ORDERS = 300;

    private final EngineFixture fixture = new EngineFixture();
    private final long alice = fixture.fundedAccount(btc("100"), eth("10"), usdt("100000"));
    private final long bob = fixture.fundedAccount(btc("100"), eth("10"), usdt("100000"));
    private final long carol = fixture.fundedAccount(btc("100"), eth("10"), usdt("100000"));

    @Test
    void shouldHideTheOrdersFromEveryAnswerAtOnce()
    {
        final List<Long> aliceOrders = aliceSells(usdt("100"), usdt("101"));
        final long bobOrder = fixture.limit(bob, BTC_USDT, SELL, usdt("102"), btc("1"));

        assertThat(fixture.cancelAll(alice, BTC_USDT)).containsExactlyElementsOf(aliceOrders);

        assertThat(fixture.engine.openOrders(alice, BTC_USDT)).isEmpty();
        assertThat(aliceOrders).allMatch(id -> fixture.engine.openOrder(id) == null);
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isEqualTo(usdt("102"));
        assertThat(fixture.available(alice, "BTC")).isEqualTo(btc("100"));
        fixture.assertRejectedUnchanged(
            new CancelOrder(alice, aliceOrders.get(ORDERS - 1)), Status.ORIGINAL_REQUEST_NOT_FOUND);

        assertThat(fixture.engine.openOrder(bobOrder)).isNotNull();
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
    }

    @Test
    void shouldMatchTheOrdersLeftInTheirTimePriority()
    {
        aliceSells(usdt("100"), usdt("100"));
        final long bobFirst = fixture.limit(bob, BTC_USDT, SELL, usdt("100"), btc("1"));
        final long bobSecond = fixture.limit(bob, BTC_USDT, SELL, usdt("101"), btc("1"));
        fixture.cancelAll(alice, BTC_USDT);

        fixture.limit(carol, BTC_USDT, BUY, usdt("101"), btc("1.5"));

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId, TradeExecuted::price)
            .containsExactly(tuple(bobFirst, usdt("100")), tuple(bobSecond, usdt("101")));
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).as("Bob's second order, half filled").isEqualTo(1);
        assertThat(fixture.balance(alice, "BTC")).isEqualTo(btc("100"));
    }

    @Test
    void shouldNotTriggerCancelledStops()
    {
        final List<Long> stops = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++)
        {
            stops.add(fixture.stopLimit(alice, BTC_USDT, SELL, usdt("90"), usdt("95"), btc("0.1")));
        }
        fixture.cancelAll(alice, BTC_USDT);
        fixture.limit(bob, BTC_USDT, BUY, usdt("94"), btc("1"));

        fixture.limit(carol, BTC_USDT, SELL, usdt("94"), btc("1"));

        assertThat(fixture.all(OrderTriggered.class)).isEmpty();
        assertThat(fixture.trades()).hasSize(1);
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isZero();
    }

    @Test
    void shouldAcceptAPostOnlyOrderAtAPriceOnlyCancelledOrdersHeld()
    {
        aliceSells(usdt("100"), usdt("100"));
        fixture.cancelAll(alice, BTC_USDT);

        final long postOnly = fixture.place(
            PlaceOrder.limit(bob, BTC_USDT, BUY, usdt("100"), btc("1")).withTimeInForce(TimeInForce.POST_ONLY));

        assertThat(fixture.engine.openOrder(postOnly)).isNotNull();
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("100"));
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isZero();
    }

    @Test
    void shouldFillOrKillAgainstLiveOrdersOnly()
    {
        aliceSells(usdt("100"), usdt("100"));
        fixture.limit(bob, BTC_USDT, SELL, usdt("101"), btc("1"));
        fixture.cancelAll(alice, BTC_USDT);

        fixture.succeed(
            PlaceOrder.limit(carol, BTC_USDT, BUY, usdt("101"), btc("2")).withTimeInForce(TimeInForce.FOK));
        assertThat(fixture.all(OrderCancelled.class)).extracting(OrderCancelled::reason)
            .containsExactly(OrderCancelled.CancelReason.UNFILLED_FOK);
        assertThat(fixture.trades()).isEmpty();

        fixture.succeed(
            PlaceOrder.limit(carol, BTC_USDT, BUY, usdt("101"), btc("1")).withTimeInForce(TimeInForce.FOK));
        assertThat(fixture.trades()).extracting(TradeExecuted::price).containsExactly(usdt("101"));
    }

    @Test
    void shouldWriteASnapshotWithoutTheCancelledOrdersThatAnswersAsTheEngineDoes() throws IOException
    {
        aliceSells(usdt("100"), usdt("101"));
        fixture.limit(bob, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.succeed(new CancelAllOrders(alice, BTC_USDT, SELL));

        final Engine restored = restore(fixture.engine);

        assertThat(restored.stateHash()).isEqualTo(fixture.engine.stateHash());
        assertThat(restored.openOrderCountOfPair(BTC_USDT)).isEqualTo(2);
        assertMatchesAsTheEngine(restored, PlaceOrder.limit(carol, BTC_USDT, BUY, usdt("101"), btc("2")));
    }

    @Test
    void shouldDropTheLevelsTheOrdersLeaveEmptyAndFillTheOthersInOrder()
    {
        final List<Long> bobOrders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++)
        {
            fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("0.1"));
            bobOrders.add(fixture.limit(bob, BTC_USDT, SELL, usdt("101"), btc("0.1")));
            fixture.limit(alice, BTC_USDT, SELL, usdt("101"), btc("0.1"));
        }
        fixture.cancelAll(alice, BTC_USDT);
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(ORDERS);
        assertThat(fixture.engine.bestAsk(BTC_USDT)).as("the level of Alice's orders only is gone")
            .isEqualTo(usdt("101"));

        fixture.limit(bob, BTC_USDT, SELL, usdt("101"), btc("0.1"));
        fixture.cancel(bob, bobOrders.get(ORDERS / 2));
        fixture.limit(carol, BTC_USDT, BUY, usdt("101"), btc("0.1") * (ORDERS - 1));

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId, TradeExecuted::price)
            .containsExactlyElementsOf(bobOrders.stream().filter(id -> !id.equals(bobOrders.get(ORDERS / 2)))
                .map(id -> tuple(id, usdt("101"))).toList());
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
        fixture.limit(carol, BTC_USDT, BUY, usdt("101"), btc("0.1"));
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isZero();
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isZero();
        assertThat(fixture.engine.bestBid(BTC_USDT)).isZero();
        fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("0.1"));
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isEqualTo(usdt("100"));
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
    }

    @Test
    void shouldLeaveTheSameStateAsSingleCancelsOfTheSameOrders() throws IOException
    {
        final EngineFixture singly = new EngineFixture();
        assertThat(List.of(singly.fundedAccount(btc("100"), eth("10"), usdt("100000")),
            singly.fundedAccount(btc("100"), eth("10"), usdt("100000")),
            singly.fundedAccount(btc("100"), eth("10"), usdt("100000")))).containsExactly(alice, bob, carol);
        final List<Long> aliceOrders = new ArrayList<>();
        for (final EngineFixture each : List.of(fixture, singly))
        {
            aliceOrders.clear();
            for (int i = 0; i < ORDERS; i++)
            {
                aliceOrders.add(each.limit(alice, BTC_USDT, SELL, usdt("100") + usdt("1") * (i % 3), btc("0.1")));
                each.limit(bob, BTC_USDT, SELL, usdt("100") + usdt("1") * (i % 5), btc("0.1"));
                aliceOrders.add(each.stopLimit(alice, BTC_USDT, BUY, usdt("110"), usdt("111"), btc("0.1")));
            }
        }

        assertThat(fixture.cancelAll(alice, BTC_USDT)).containsExactlyElementsOf(aliceOrders);
        aliceOrders.forEach(id -> singly.cancel(alice, id));

        assertThat(fixture.engine.stateHash()).isEqualTo(singly.engine.stateHash());
        assertThat(snapshot(fixture.engine)).isEqualTo(snapshot(singly.engine));
        final PlaceOrder taker = PlaceOrder.limit(carol, BTC_USDT, BUY, usdt("103"), btc("0.1") * ORDERS);
        final List<Event> afterCancelAll = new ArrayList<>();
        final List<Event> afterSingles = new ArrayList<>();
        fixture.engine.apply(taker, fixture.timeMs, afterCancelAll::add);
        singly.engine.apply(taker, fixture.timeMs, afterSingles::add);
        assertThat(afterCancelAll).isNotEmpty().isEqualTo(afterSingles);
        assertThat(fixture.engine.stateHash()).isEqualTo(singly.engine.stateHash());
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT))
            .as("Bob's 60 orders at 104 and the taker's rest").isEqualTo(singly.engine.openOrderCountOfPair(BTC_USDT))
            .isEqualTo(61);
    }

    /** Applies the taker to the engine and to the restored one: same events, same state hash after. */
    private void assertMatchesAsTheEngine(final Engine restored, final PlaceOrder taker)
    {
        final List<Event> live = new ArrayList<>();
        final List<Event> fromSnapshot = new ArrayList<>();
        fixture.engine.apply(taker, fixture.timeMs, live::add);
        restored.apply(taker, fixture.timeMs, fromSnapshot::add);
        assertThat(fromSnapshot).isEqualTo(live);
        assertThat(restored.stateHash()).isEqualTo(fixture.engine.stateHash());
    }

    /** Alice's {@link #ORDERS} SELL orders of 0.1 BTC, alternating between the two prices; @return their IDs. */
    private List<Long> aliceSells(final long price, final long otherPrice)
    {
        final List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++)
        {
            ids.add(fixture.limit(alice, BTC_USDT, SELL, i % 2 == 0 ? price : otherPrice, btc("0.1")));
        }
        return ids;
    }

    private static Engine restore(final Engine engine) throws IOException
    {
        return Engine.readSnapshot(
            new DataInputStream(new ByteArrayInputStream(snapshot(engine))), engine.configuration());
    }

    private static byte[] snapshot(final Engine engine) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        engine.writeSnapshot(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
