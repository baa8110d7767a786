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
 * A cancel-all retires its orders without touching them; they stay in the book until withdrawn, and nothing may see
 * them in the meantime: answers, matching, triggers, post-only checks, snapshots and the state hash.
 */
final class RetiredOrdersTest
{
    /** More than one command's withdrawals, so that some stay retired for a while. */
    private static final int ORDERS = 5 * RetiredOrders.WITHDRAWALS_PER_COMMAND + 7;

    private final EngineFixture fixture = new EngineFixture();
    private final long alice = fixture.fundedAccount(btc("100"), eth("10"), usdt("100000"));
    private final long bob = fixture.fundedAccount(btc("100"), eth("10"), usdt("100000"));
    private final long carol = fixture.fundedAccount(btc("100"), eth("10"), usdt("100000"));

    @Test
    void shouldHideRetiredOrdersFromEveryAnswerAndWithdrawThemOverTheFollowingCommandsWithoutChangingTheState()
    {
        final List<Long> aliceOrders = aliceSells(usdt("100"), usdt("101"));
        final long bobOrder = fixture.limit(bob, BTC_USDT, SELL, usdt("102"), btc("1"));

        assertThat(fixture.cancelAll(alice, BTC_USDT)).containsExactlyElementsOf(aliceOrders);

        assertThat(fixture.engine.retiredOrderCount()).isEqualTo(ORDERS);
        assertThat(fixture.engine.openOrders(alice, BTC_USDT)).isEmpty();
        assertThat(aliceOrders).allMatch(id -> fixture.engine.openOrder(id) == null);
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isEqualTo(usdt("102"));
        assertThat(fixture.available(alice, "BTC")).isEqualTo(btc("100"));
        fixture.assertRejectedUnchanged(
            new CancelOrder(alice, aliceOrders.get(ORDERS - 1)), Status.ORIGINAL_REQUEST_NOT_FOUND);

        final long hash = fixture.engine.stateHash();
        int previous = fixture.engine.retiredOrderCount();
        for (int command = 0; fixture.engine.retiredOrderCount() > 0; command++)
        {
            assertThat(command).as("commands to withdraw every retired order").isLessThan(ORDERS);
            fixture.assertRejectedUnchanged(new CancelOrder(bob, 999_999), Status.ORIGINAL_REQUEST_NOT_FOUND);
            assertThat(fixture.engine.retiredOrderCount())
                .isBetween(previous - RetiredOrders.WITHDRAWALS_PER_COMMAND, previous - 1);
            previous = fixture.engine.retiredOrderCount();
        }
        assertThat(fixture.engine.stateHash()).isEqualTo(hash);
        assertThat(fixture.engine.openOrder(bobOrder)).isNotNull();
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
    }

    @Test
    void shouldMatchOnlyLiveOrdersInTheirTimePriorityPastRetiredOnes()
    {
        aliceSells(usdt("100"), usdt("100"));
        final long bobFirst = fixture.limit(bob, BTC_USDT, SELL, usdt("100"), btc("1"));
        final long bobSecond = fixture.limit(bob, BTC_USDT, SELL, usdt("101"), btc("1"));
        fixture.cancelAll(alice, BTC_USDT);

        fixture.limit(carol, BTC_USDT, BUY, usdt("101"), btc("1.5"));

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId, TradeExecuted::price)
            .containsExactly(tuple(bobFirst, usdt("100")), tuple(bobSecond, usdt("101")));
        assertThat(fixture.engine.retiredOrderCount()).as("matching withdrew those it passed").isZero();
        assertThat(fixture.balance(alice, "BTC")).isEqualTo(btc("100"));
    }

    @Test
    void shouldNotTriggerRetiredStops()
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
        assertThat(fixture.engine.retiredOrderCount()).isZero();
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isZero();
    }

    @Test
    void shouldAcceptAPostOnlyOrderAtAPriceOnlyRetiredOrdersHeld()
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
    void shouldWriteASnapshotWithoutRetiredOrdersThatAnswersAsTheEngineDoes() throws IOException
    {
        aliceSells(usdt("100"), usdt("101"));
        fixture.limit(bob, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.succeed(new CancelAllOrders(alice, BTC_USDT, SELL));
        assertThat(fixture.engine.retiredOrderCount()).isEqualTo(ORDERS);

        final Engine restored = restore(fixture.engine);

        assertThat(restored.retiredOrderCount()).isZero();
        assertThat(restored.stateHash()).isEqualTo(fixture.engine.stateHash());
        assertThat(restored.openOrderCountOfPair(BTC_USDT)).isEqualTo(2);
        assertMatchesAsTheEngine(restored, PlaceOrder.limit(carol, BTC_USDT, BUY, usdt("101"), btc("2")));
    }

    @Test
    void shouldFillPastWithdrawnOrdersAndDropTheLevelsTheyLeaveWithoutLiveOrders()
    {
        final List<Long> bobOrders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++)
        {
            fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("0.1"));
            bobOrders.add(fixture.limit(bob, BTC_USDT, SELL, usdt("101"), btc("0.1")));
            fixture.limit(alice, BTC_USDT, SELL, usdt("101"), btc("0.1"));
        }
        fixture.cancelAll(alice, BTC_USDT);
        withdrawAll();
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(ORDERS);
        assertThat(fixture.engine.bestAsk(BTC_USDT)).as("the level of withdrawn orders only is passed over")
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
    void shouldWriteTheSameSnapshotWhetherWithdrawnOrdersAreSettledOrNot() throws IOException
    {
        aliceSells(usdt("100"), usdt("101"));
        fixture.limit(bob, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.cancelAll(alice, BTC_USDT);
        withdrawAll();

        final Engine restored = restore(fixture.engine);

        assertThat(restored.stateHash()).isEqualTo(fixture.engine.stateHash());
        assertThat(restored.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
        assertMatchesAsTheEngine(restored, PlaceOrder.limit(carol, BTC_USDT, BUY, usdt("101"), btc("2")));
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(1);
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

    /** Applies rejected commands until the sweeps have withdrawn every retired order. */
    private void withdrawAll()
    {
        for (int command = 0; fixture.engine.retiredOrderCount() > 0; command++)
        {
            assertThat(command).isLessThan(ORDERS);
            fixture.assertRejectedUnchanged(new CancelOrder(carol, 999_999), Status.ORIGINAL_REQUEST_NOT_FOUND);
        }
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
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        engine.writeSnapshot(new DataOutputStream(bytes));
        return Engine.readSnapshot(
            new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), engine.configuration());
    }
}
