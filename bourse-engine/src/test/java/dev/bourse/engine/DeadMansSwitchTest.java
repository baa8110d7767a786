package dev.bourse.engine;

import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.DeadMansSwitchSet;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.OrderIdList;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.ETH_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.eth;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead man's switch: engine state set by a command, with a deadline computed from that command's time, fired by
 * {@link FireDeadMansSwitches} (whose time decides what is due) as a cancel-all of the account's orders.
 */
final class DeadMansSwitchTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long alice = fixture.fundedAccount(btc("10"), eth("10"), usdt("10000"));
    private final long bob = fixture.fundedAccount(btc("10"), eth("10"), usdt("10000"));

    /** Sets the switch at the time; @return the deadline. */
    private long set(final long accountId, final String pair, final long timeoutMs, final long atMs)
    {
        fixture.timeMs = atMs - 1;
        fixture.succeed(new SetDeadMansSwitch(accountId, pair, timeoutMs));
        return fixture.first(DeadMansSwitchSet.class).deadlineMs();
    }

    private void fireAt(final long atMs)
    {
        fixture.timeMs = atMs - 1;
        fixture.succeed(new FireDeadMansSwitches());
    }

    @Test
    void shouldArmWithADeadlineOfTheCommandsTimePlusTheTimeout()
    {
        final long now = fixture.timeMs + 1_000;
        assertThat(fixture.engine.nextDeadlineMs()).isEqualTo(Long.MAX_VALUE);

        final long deadline = set(alice, null, 30_000, now);

        assertThat(deadline).isEqualTo(now + 30_000);
        assertThat(fixture.events).containsExactly(new DeadMansSwitchSet(alice, null, 30_000, now + 30_000));
        assertThat(fixture.engine.nextDeadlineMs()).isEqualTo(now + 30_000);
        assertThat(fixture.engine.deadMansSwitchDeadlineMs(alice)).isEqualTo(now + 30_000);
        assertThat(fixture.engine.deadMansSwitchPair(alice)).isNull();
    }

    @Test
    void shouldCancelEveryOpenOrderOfTheAccountWhenFiredAtTheDeadlineAndDisarm()
    {
        final long btcOrder = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long ethStop = fixture.stopLimit(alice, ETH_USDT, SELL, usdt("80"), usdt("85"), eth("1"));
        final long bobs = fixture.limit(bob, BTC_USDT, BUY, usdt("91"), btc("1"));
        final long deadline = set(alice, null, 5_000, fixture.timeMs + 1);

        fireAt(deadline);

        assertThat(fixture.last(AllOrdersCancelled.class)).isEqualTo(new AllOrdersCancelled(alice, null, null,
            CancelReason.DEAD_MANS_SWITCH, OrderIdList.of(btcOrder, ethStop)));
        assertThat(fixture.engine.openOrderCount(alice)).isZero();
        assertThat(fixture.available(alice, "USDT")).isEqualTo(usdt("10000"));
        assertThat(fixture.available(alice, "ETH")).isEqualTo(eth("10"));
        assertThat(fixture.engine.openOrder(bobs)).isNotNull();
        assertThat(fixture.engine.deadMansSwitchDeadlineMs(alice)).as("disarmed once fired").isZero();
        assertThat(fixture.engine.nextDeadlineMs()).isEqualTo(Long.MAX_VALUE);

        fireAt(deadline + 10_000);
        assertThat(fixture.events).as("it fires once").isEmpty();
    }

    @Test
    void shouldNotFireBeforeTheDeadline()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long deadline = set(alice, null, 5_000, fixture.timeMs + 1);
        final long hashBefore = fixture.engine.stateHash();

        fireAt(deadline - 1);

        assertThat(fixture.events).isEmpty();
        assertThat(fixture.engine.stateHash()).isEqualTo(hashBefore);
        assertThat(fixture.engine.openOrderCount(alice)).isEqualTo(1);
    }

    @Test
    void shouldMoveTheDeadlineWhenRenewedAndForgetItWhenDisarmed()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long start = fixture.timeMs + 1;
        final long first = set(alice, null, 5_000, start);
        final long renewed = set(alice, null, 5_000, start + 4_000);
        assertThat(renewed).isEqualTo(first + 4_000);

        fireAt(first);
        assertThat(fixture.events).as("renewed before its deadline: nothing due").isEmpty();

        assertThat(set(alice, null, 0, start + 8_000)).isZero();
        assertThat(fixture.events).containsExactly(new DeadMansSwitchSet(alice, null, 0, 0));
        assertThat(fixture.engine.nextDeadlineMs()).isEqualTo(Long.MAX_VALUE);
        fireAt(renewed + 1);
        assertThat(fixture.events).isEmpty();
        assertThat(fixture.engine.openOrderCount(alice)).isEqualTo(1);
    }

    @Test
    void shouldCancelOnlyThePairTheSwitchCoversAndTheLastSettingWins()
    {
        final long btcOrder = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long ethOrder = fixture.limit(alice, ETH_USDT, BUY, usdt("200"), eth("1"));
        set(alice, null, 5_000, fixture.timeMs + 1);
        final long deadline = set(alice, ETH_USDT, 2_000, fixture.timeMs + 1);
        assertThat(fixture.engine.deadMansSwitchPair(alice)).isEqualTo(ETH_USDT);

        fireAt(deadline);

        assertThat(fixture.last(AllOrdersCancelled.class)).isEqualTo(new AllOrdersCancelled(alice, ETH_USDT, null,
            CancelReason.DEAD_MANS_SWITCH, OrderIdList.of(ethOrder)));
        assertThat(fixture.engine.openOrder(btcOrder)).isNotNull();
    }

    @Test
    void shouldFireEveryDueSwitchEarliestDeadlineFirstThenByAccount()
    {
        final long carol = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
        final long start = fixture.timeMs + 1;
        final long aliceOrder = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long bobOrder = fixture.limit(bob, BTC_USDT, BUY, usdt("91"), btc("1"));
        final long carolOrder = fixture.limit(carol, BTC_USDT, BUY, usdt("92"), btc("1"));
        set(carol, null, 3_000, start + 10);
        set(bob, null, 4_000, start + 10);
        set(alice, null, 4_000, start + 10);
        assertThat(fixture.engine.nextDeadlineMs()).isEqualTo(start + 3_010);

        fireAt(start + 5_000);

        assertThat(fixture.all(AllOrdersCancelled.class)).extracting(AllOrdersCancelled::accountId)
            .containsExactly(carol, alice, bob);
        assertThat(fixture.all(AllOrdersCancelled.class)).extracting(event -> event.orderIds().toList())
            .containsExactly(List.of(carolOrder), List.of(aliceOrder), List.of(bobOrder));
    }

    @Test
    void shouldFireWithAnEmptyListWhenNothingIsOpen()
    {
        final long deadline = set(alice, BTC_USDT, 1_000, fixture.timeMs + 1);
        fireAt(deadline + 7);
        assertThat(fixture.events).containsExactly(new AllOrdersCancelled(alice, BTC_USDT, null,
            CancelReason.DEAD_MANS_SWITCH, OrderIdList.EMPTY));
    }

    @Test
    void shouldRefuseATimeoutOutOfRangeAnUnknownPairOrAccount()
    {
        for (final long timeout : new long[] {-1, 1, SetDeadMansSwitch.MIN_TIMEOUT_MS - 1,
            SetDeadMansSwitch.MAX_TIMEOUT_MS + 1, Long.MAX_VALUE})
        {
            fixture.assertRejectedUnchanged(new SetDeadMansSwitch(alice, null, timeout), Status.INVALID_PARAMETER);
        }
        fixture.assertRejectedUnchanged(new SetDeadMansSwitch(alice, "XRP.USDT", 5_000), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new SetDeadMansSwitch(99, null, 5_000), Status.ACCOUNT_NOT_FOUND);
        set(alice, null, SetDeadMansSwitch.MIN_TIMEOUT_MS, fixture.timeMs + 1);
        set(alice, null, SetDeadMansSwitch.MAX_TIMEOUT_MS, fixture.timeMs + 1);
    }

    @Test
    void shouldKeepWorkingWhileThePairIsInCancelOnly()
    {
        final long order = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long deadline = set(alice, BTC_USDT, 2_000, fixture.timeMs + 1);
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6,
            EngineFixture.btcUsdtPolicy(PairState.CANCEL_ONLY)));

        fireAt(deadline);

        assertThat(fixture.last(AllOrdersCancelled.class).orderIds().toList()).containsExactly(order);
    }
}
