package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.BalanceChanged;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.OrderIdList;
import dev.bourse.engine.event.OrderView;
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
 * Cancel-all of every pair at once and of one side, each one command with the promises of the per-pair cancel-all:
 * one event with every ID ascending, partial fills kept, stops included, reserves released at once, nothing else
 * touched, works in CANCEL_ONLY.
 */
final class CancelAllVariantsTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long alice = fixture.fundedAccount(btc("10"), eth("10"), usdt("10000"));
    private final long bob = fixture.fundedAccount(btc("10"), eth("10"), usdt("10000"));

    private List<Long> cancelAll(final long accountId, final String pair, final Side side)
    {
        fixture.succeed(new CancelAllOrders(accountId, pair, side));
        return fixture.last(AllOrdersCancelled.class).orderIds().toList();
    }

    @Test
    void shouldCancelEveryOpenOrderOfTheAccountOnEveryPairAsOneEventWithTheIdsAscending()
    {
        final long btcBuy = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long ethSell = fixture.limit(alice, ETH_USDT, SELL, usdt("300"), eth("2"));
        final long btcStop = fixture.stopLimit(alice, BTC_USDT, SELL, usdt("80"), usdt("85"), btc("1"));
        final long ethBuy = fixture.limit(alice, ETH_USDT, BUY, usdt("200"), eth("1"));
        final long bobs = fixture.limit(bob, ETH_USDT, BUY, usdt("250"), eth("1"));

        final List<Long> cancelled = cancelAll(alice, null, null);

        assertThat(cancelled).containsExactly(btcBuy, ethSell, btcStop, ethBuy);
        assertThat(fixture.all(OrderCancelled.class)).as("no event per order").isEmpty();
        assertThat(fixture.last(AllOrdersCancelled.class)).isEqualTo(new AllOrdersCancelled(alice, null, null,
            CancelReason.CANCEL_ALL, OrderIdList.of(btcBuy, ethSell, btcStop, ethBuy)));
        assertThat(fixture.engine.openOrderCount(alice)).isZero();
        assertThat(fixture.available(alice, "USDT")).isEqualTo(usdt("10000"));
        assertThat(fixture.available(alice, "BTC")).isEqualTo(btc("10"));
        assertThat(fixture.available(alice, "ETH")).isEqualTo(eth("10"));
        assertThat(fixture.all(BalanceChanged.class)).as("each currency once").containsExactly(
            new BalanceChanged(alice, "BTC", btc("10"), btc("10")),
            new BalanceChanged(alice, "USDT", usdt("10000"), usdt("10000")),
            new BalanceChanged(alice, "ETH", eth("10"), eth("10")));
        assertThat(fixture.engine.openOrder(bobs).status()).isEqualTo(OrderStatus.REQUEST);
    }

    @Test
    void shouldCancelOnlyTheSideAskedOnOnePair()
    {
        final long buy = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long sell = fixture.limit(alice, BTC_USDT, SELL, usdt("110"), btc("1"));
        final long buyStop = fixture.stopLimit(alice, BTC_USDT, BUY, usdt("130"), usdt("125"), btc("1"));
        final long otherPairBuy = fixture.limit(alice, ETH_USDT, BUY, usdt("200"), eth("1"));
        final long usdtAvailable = fixture.available(alice, "USDT");

        assertThat(cancelAll(alice, BTC_USDT, BUY)).containsExactly(buy, buyStop);

        assertThat(fixture.engine.openOrder(sell).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.engine.openOrder(otherPairBuy).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.all(BalanceChanged.class)).as("only the Market, where BUY orders reserve")
            .containsExactly(new BalanceChanged(alice, "USDT", usdt("10000"), fixture.available(alice, "USDT")));
        assertThat(fixture.available(alice, "USDT")).isGreaterThan(usdtAvailable);
        assertThat(fixture.last(AllOrdersCancelled.class).side()).isEqualTo(BUY);
        assertThat(cancelAll(alice, BTC_USDT, SELL)).containsExactly(sell);
        assertThat(fixture.all(BalanceChanged.class)).containsExactly(new BalanceChanged(alice, "BTC", btc("10"),
            btc("10")));
    }

    @Test
    void shouldCancelOneSideOnEveryPair()
    {
        final long btcSell = fixture.limit(alice, BTC_USDT, SELL, usdt("110"), btc("1"));
        final long btcBuy = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long ethSell = fixture.limit(alice, ETH_USDT, SELL, usdt("300"), eth("1"));

        assertThat(cancelAll(alice, null, SELL)).containsExactly(btcSell, ethSell);

        assertThat(fixture.engine.openOrders(alice, BTC_USDT)).extracting(OrderView::orderId).containsExactly(btcBuy);
        assertThat(fixture.engine.openOrders(alice, ETH_USDT)).isEmpty();
    }

    @Test
    void shouldKeepPartialFillsAndReleaseTheRemaindersReservesOnEveryPair()
    {
        final long partly = fixture.limit(alice, ETH_USDT, SELL, usdt("300"), eth("2"));
        fixture.limit(bob, ETH_USDT, BUY, usdt("300"), eth("0.5"));
        final OrderView before = fixture.engine.openOrder(partly);
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));

        cancelAll(alice, null, null);

        final OrderView after = before.withRemainderCancelled(fixture.timeMs);
        assertThat(after.filledQuantity()).isEqualTo(eth("0.5"));
        assertThat(after.requestQuantity()).isEqualTo(eth("0.5"));
        assertThat(fixture.balance(alice, "ETH")).isEqualTo(eth("9.5"));
        assertThat(fixture.available(alice, "ETH")).isEqualTo(eth("9.5"));
        assertThat(fixture.available(alice, "USDT")).isEqualTo(fixture.balance(alice, "USDT"));
    }

    @Test
    void shouldWorkWhilePairsAreInCancelOnly()
    {
        final long btcOrder = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long ethOrder = fixture.limit(alice, ETH_USDT, SELL, usdt("300"), eth("1"));
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, EngineFixture.btcUsdtPolicy(PairState.CANCEL_ONLY)));

        assertThat(cancelAll(alice, null, null)).containsExactly(btcOrder, ethOrder);
    }

    @Test
    void shouldAnswerAnEmptyListAndChangeNothingWhenNoOrderIsCovered()
    {
        fixture.limit(alice, BTC_USDT, SELL, usdt("110"), btc("1"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long hashBefore = fixture.engine.stateHash();

        assertThat(cancelAll(alice, BTC_USDT, BUY)).isEmpty();
        assertThat(fixture.events).containsExactly(
            new AllOrdersCancelled(alice, BTC_USDT, BUY, CancelReason.CANCEL_ALL, OrderIdList.EMPTY));
        assertThat(cancelAll(alice, null, BUY)).isEmpty();
        assertThat(fixture.events).containsExactly(
            new AllOrdersCancelled(alice, null, BUY, CancelReason.CANCEL_ALL, OrderIdList.EMPTY));
        assertThat(fixture.engine.stateHash()).isEqualTo(hashBefore);
        assertThat(cancelAll(fixture.newAccount(), null, null)).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownAccountOrPair()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.assertRejectedUnchanged(new CancelAllOrders(99, null, null), Status.ACCOUNT_NOT_FOUND);
        fixture.assertRejectedUnchanged(new CancelAllOrders(99, null, BUY), Status.ACCOUNT_NOT_FOUND);
        fixture.assertRejectedUnchanged(new CancelAllOrders(alice, "XRP.USDT", SELL), Status.INVALID_COIN_PAIR);
    }

    /** An order accepted after the cancel-all is untouched; the cancel-all costs the caller's orders only. */
    @Test
    void shouldTouchOnlyTheCallersOrdersWhateverTheOtherAccountsHold()
    {
        for (int i = 0; i < 200; i++)
        {
            fixture.limit(bob, i % 2 == 0 ? BTC_USDT : ETH_USDT, BUY, usdt("50") + 10_000L * i,
                i % 2 == 0 ? btc("0.1") : eth("0.1"));
        }
        fixture.limit(alice, BTC_USDT, SELL, usdt("500"), btc("1"));
        fixture.limit(alice, ETH_USDT, SELL, usdt("500"), eth("1"));
        final List<OrderView> bobsBefore = fixture.engine.openOrders(bob, BTC_USDT);

        assertThat(cancelAll(alice, null, null)).hasSize(2);

        assertThat(fixture.events).as("BTC, USDT and ETH balances and the cancel-all").hasSize(4);
        assertThat(fixture.engine.openOrders(bob, BTC_USDT)).isEqualTo(bobsBefore);
        final long later = fixture.limit(alice, BTC_USDT, SELL, usdt("500"), btc("1"));
        assertThat(fixture.engine.openOrder(later).status()).isEqualTo(OrderStatus.REQUEST);
    }
}
