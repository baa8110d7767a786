package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.BalanceChanged;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderIdList;
import dev.bourse.engine.event.OrderView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.ETH_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.eth;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancel-all of an account on a pair, as one command (spec section 5). */
final class CancelAllTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long alice = fixture.fundedAccount(btc("10"), eth("10"), usdt("10000"));
    private final long bob = fixture.fundedAccount(btc("10"), eth("10"), usdt("10000"));

    @Test
    void shouldCancelRequestProcessAndPendingOrdersAlikeAndReturnTheirIdsAscending()
    {
        final long request = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        final long process = fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("2"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("100"), btc("0.5"));
        final long pending = fixture.stopLimit(alice, BTC_USDT, SELL, usdt("80"), usdt("85"), btc("1"));
        assertThat(List.of(fixture.engine.openOrder(request).status(), fixture.engine.openOrder(process).status(),
            fixture.engine.openOrder(pending).status()))
            .containsExactly(OrderStatus.REQUEST, OrderStatus.PROCESS, OrderStatus.PENDING);

        final List<Long> cancelled = fixture.cancelAll(alice, BTC_USDT);

        assertThat(cancelled).containsExactly(request, process, pending);
        assertThat(fixture.all(OrderCancelled.class)).as("one event for the whole cancel-all, none per order")
            .isEmpty();
        assertThat(fixture.events.get(fixture.events.size() - 1))
            .isEqualTo(new AllOrdersCancelled(alice, BTC_USDT, OrderIdList.of(request, process, pending)));
        assertThat(fixture.engine.openOrders(alice, BTC_USDT)).isEmpty();
        assertThat(fixture.engine.openOrderCount(alice)).isZero();
    }

    @Test
    void shouldKeepPartialFillsAndCancelOnlyTheRemainder()
    {
        final long order = fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("2"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("100"), btc("0.5"));
        final OrderView before = fixture.engine.openOrder(order);

        fixture.cancelAll(alice, BTC_USDT);

        assertThat(fixture.engine.openOrder(order)).isNull();
        final OrderView view = before.withRemainderCancelled(1);
        assertThat(view.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(view.reserveRemaining()).isZero();
        assertThat(view.requestQuantity()).isEqualTo(view.filledQuantity()).isEqualTo(btc("0.5"));
        assertThat(view.remainQuantity()).isZero();
        assertThat(view.cancelledQuantity()).isEqualTo(btc("1.5"));
        assertThat(fixture.balance(alice, "BTC")).isEqualTo(btc("9.5"));
    }

    @Test
    void shouldReleaseEveryReserveAtOnce()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.limit(alice, BTC_USDT, BUY, usdt("80"), btc("2"));
        fixture.limit(alice, BTC_USDT, SELL, usdt("120"), btc("3"));
        fixture.stopLimit(alice, BTC_USDT, BUY, usdt("130"), usdt("125"), btc("1"));
        assertThat(fixture.available(alice, "USDT")).isLessThan(fixture.balance(alice, "USDT"));

        fixture.cancelAll(alice, BTC_USDT);

        assertThat(fixture.available(alice, "USDT")).isEqualTo(usdt("10000"));
        assertThat(fixture.available(alice, "BTC")).isEqualTo(btc("10"));
        assertThat(fixture.all(BalanceChanged.class)).containsExactlyInAnyOrder(
            new BalanceChanged(alice, "BTC", btc("10"), btc("10")),
            new BalanceChanged(alice, "USDT", usdt("10000"), usdt("10000")));
    }

    @Test
    void shouldAnswerAnEmptyListWhenNoOrderIsOpen()
    {
        fixture.limit(alice, ETH_USDT, BUY, usdt("100"), eth("1"));
        final long hashBefore = fixture.engine.stateHash();
        assertThat(fixture.cancelAll(alice, BTC_USDT)).isEmpty();
        assertThat(fixture.events).containsExactly(new AllOrdersCancelled(alice, BTC_USDT, OrderIdList.EMPTY));
        assertThat(fixture.engine.stateHash()).isEqualTo(hashBefore);
    }

    @Test
    void shouldTouchNoOtherAccountAndNoOtherPair()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.limit(alice, ETH_USDT, BUY, usdt("90"), eth("1"));
        fixture.limit(alice, ETH_USDT, SELL, usdt("300"), eth("1"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("95"), btc("1"));
        fixture.limit(bob, BTC_USDT, SELL, usdt("110"), btc("1"));
        fixture.stopLimit(bob, BTC_USDT, SELL, usdt("80"), usdt("85"), btc("1"));
        final Map<String, Object> bobBefore = stateOf(bob);
        final List<OrderView> aliceEthBefore = fixture.engine.openOrders(alice, ETH_USDT);
        final long aliceEthAvailable = fixture.available(alice, "ETH");

        fixture.cancelAll(alice, BTC_USDT);

        assertThat(stateOf(bob)).isEqualTo(bobBefore);
        assertThat(fixture.engine.openOrders(alice, ETH_USDT)).isEqualTo(aliceEthBefore);
        assertThat(fixture.available(alice, "ETH")).isEqualTo(aliceEthAvailable);
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("95"));
        assertThat(fixture.events).allSatisfy(event -> assertThat(accountOf(event)).isIn(alice, -1L));
    }

    private Map<String, Object> stateOf(final long accountId)
    {
        return Map.of("btc", fixture.engine.openOrders(accountId, BTC_USDT),
            "eth", fixture.engine.openOrders(accountId, ETH_USDT),
            "balances", List.of(fixture.balance(accountId, "BTC"), fixture.balance(accountId, "ETH"),
                fixture.balance(accountId, "USDT"), fixture.available(accountId, "BTC"),
                fixture.available(accountId, "ETH"), fixture.available(accountId, "USDT")));
    }

    private static long accountOf(final Event event)
    {
        return switch (event)
        {
            case OrderCancelled cancelled -> cancelled.order().accountId();
            case BalanceChanged balance -> balance.accountId();
            case AllOrdersCancelled all -> all.accountId();
            default -> -1L;
        };
    }

    @Test
    void shouldWorkWhileThePairIsInCancelOnly()
    {
        final long order = fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, EngineFixture.btcUsdtPolicy(PairState.CANCEL_ONLY)));
        assertThat(fixture.cancelAll(alice, BTC_USDT)).containsExactly(order);
    }

    @Test
    void shouldLeaveAnOrderAcceptedAfterItUntouched()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.cancelAll(alice, BTC_USDT);
        final long later = fixture.limit(alice, BTC_USDT, BUY, usdt("91"), btc("1"));
        assertThat(fixture.engine.openOrder(later).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.cancelAll(alice, BTC_USDT)).containsExactly(later);
    }

    @Test
    void shouldRejectAnUnknownAccountWith4101AndAnUnknownPairWith4009()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.assertRejectedUnchanged(new CancelAllOrders(77, BTC_USDT), Status.ACCOUNT_NOT_FOUND);
        fixture.assertRejectedUnchanged(new CancelAllOrders(alice, "DOGE.USDT"), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new CancelAllOrders(alice, ""), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new CancelAllOrders(77, null, Side.SELL), Status.ACCOUNT_NOT_FOUND);
    }

    /**
     * The cost of a cancel-all follows the caller's orders: with 100,000 orders of another account resting on the
     * pair, the caller's cancel-all of three orders emits exactly the events of those three and leaves the 100,000
     * exactly as they were.
     */
    @Test
    void shouldWorkOnlyOnTheCallersOrdersWhateverTheSizeOfTheBook()
    {
        final int restingCount = 100_000;
        final EngineFixture big = new EngineFixture(new EngineConfiguration(
            16, 16, 16, 4, restingCount + 10, restingCount + 10, SelfTradePrevention.EXPIRE_MAKER));
        final long whale = big.fundedAccount(btc("10000"), 0, usdt("100000000"));
        final long caller = big.fundedAccount(btc("10"), 0, usdt("10000"));
        for (int i = 0; i < restingCount; i++)
        {
            final boolean bid = (i & 1) == 0;
            final long price = bid ? usdt("50") + 10_000L * (i % 3000) : usdt("200") + 10_000L * (i % 3000);
            final Status status = big.engine.apply(PlaceOrder.limit(whale, BTC_USDT, bid ? BUY : SELL, price,
                btc("0.1")), ++big.timeMs, EventSink.NONE);
            assertThat(status).isEqualTo(Status.SUCCESS);
        }
        final List<Long> callerOrders = List.of(
            big.limit(caller, BTC_USDT, BUY, usdt("49"), btc("1")),
            big.limit(caller, BTC_USDT, SELL, usdt("300"), btc("1")),
            big.stopLimit(caller, BTC_USDT, BUY, usdt("300"), usdt("290"), btc("1")));
        final List<OrderView> whaleBefore = big.engine.openOrders(whale, BTC_USDT);
        final long bestBid = big.engine.bestBid(BTC_USDT);
        final long bestAsk = big.engine.bestAsk(BTC_USDT);
        assertThat(whaleBefore.size()).isEqualTo(restingCount);

        assertThat(big.cancelAll(caller, BTC_USDT)).isEqualTo(callerOrders);

        assertThat(big.events).as("two balances and the cancel-all, whatever the count").hasSize(2 + 1);
        assertThat(big.engine.openOrders(whale, BTC_USDT).equals(whaleBefore)).as("whale's orders untouched").isTrue();
        assertThat(big.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(restingCount);
        assertThat(big.engine.bestBid(BTC_USDT)).isEqualTo(bestBid);
        assertThat(big.engine.bestAsk(BTC_USDT)).isEqualTo(bestAsk);
        assertThat(big.available(caller, "USDT")).isEqualTo(usdt("10000"));
    }
}
