package dev.bourse.engine;

import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.OrderView;
import org.junit.jupiter.api.Test;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** Single cancel: the remainder of one open order of the caller, 3321 for anything else. */
final class CancelTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long alice = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private final long bob = fixture.fundedAccount(btc("10"), 0, usdt("10000"));

    @Test
    void shouldCancelAnOpenOrderAndReleaseItsReserve()
    {
        final long order = fixture.limit(alice, BTC_USDT, BUY, usdt("100"), btc("1"));
        fixture.cancel(alice, order);

        final OrderCancelled cancelled = fixture.last(OrderCancelled.class);
        assertThat(cancelled.reason()).isEqualTo(CancelReason.USER);
        assertThat(cancelled.order().status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(cancelled.order().cancelledQuantity()).isEqualTo(btc("1"));
        assertThat(cancelled.order().requestQuantity()).isZero();
        assertThat(cancelled.order().completedAtMs()).isEqualTo(fixture.timeMs);
        assertThat(fixture.engine.openOrder(order)).isNull();
        assertThat(fixture.available(alice, "USDT")).isEqualTo(usdt("10000"));
        assertThat(fixture.engine.bestBid(BTC_USDT)).isZero();
    }

    @Test
    void shouldKeepTheFillsOfAPartlyFilledOrderItCancels()
    {
        final long order = fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("2"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("100"), btc("0.5"));
        fixture.cancel(alice, order);

        final OrderView view = fixture.lastViewOf(order);
        assertThat(view.filledQuantity()).isEqualTo(btc("0.5"));
        assertThat(view.cancelledQuantity()).isEqualTo(btc("1.5"));
        assertThat(view.requestQuantity()).isEqualTo(view.filledQuantity());
        assertThat(fixture.balance(alice, "BTC")).isEqualTo(btc("9.5"));
        assertThat(fixture.available(alice, "BTC")).isEqualTo(btc("9.5"));
    }

    @Test
    void shouldCancelAPendingStopOrder()
    {
        final long stop = fixture.stopLimit(alice, BTC_USDT, BUY, usdt("110"), usdt("105"), btc("1"));
        fixture.cancel(alice, stop);
        assertThat(fixture.lastViewOf(stop).status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(fixture.available(alice, "USDT")).isEqualTo(usdt("10000"));
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isZero();
    }

    @Test
    void shouldRejectTheCancelOfAnUnknownOrderWith3321()
    {
        fixture.limit(alice, BTC_USDT, BUY, usdt("100"), btc("1"));
        fixture.assertRejectedUnchanged(new CancelOrder(alice, 10_100_000_000_999L), Status.ORIGINAL_REQUEST_NOT_FOUND);
        fixture.assertRejectedUnchanged(new CancelOrder(alice, 0), Status.ORIGINAL_REQUEST_NOT_FOUND);
    }

    @Test
    void shouldRejectTheCancelOfAnotherAccountsOrderWith3321()
    {
        final long order = fixture.limit(alice, BTC_USDT, BUY, usdt("100"), btc("1"));
        fixture.assertRejectedUnchanged(new CancelOrder(bob, order), Status.ORIGINAL_REQUEST_NOT_FOUND);
        assertThat(fixture.engine.openOrder(order).status()).isEqualTo(OrderStatus.REQUEST);
    }

    @Test
    void shouldRejectTheCancelOfACompletedOrderWith3321()
    {
        final long filled = fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(bob, BTC_USDT, BUY, usdt("100"), btc("1"));
        fixture.assertRejectedUnchanged(new CancelOrder(alice, filled), Status.ORIGINAL_REQUEST_NOT_FOUND);

        final long cancelled = fixture.limit(alice, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.cancel(alice, cancelled);
        fixture.assertRejectedUnchanged(new CancelOrder(alice, cancelled), Status.ORIGINAL_REQUEST_NOT_FOUND);

        final long market = fixture.market(alice, BTC_USDT, SELL, btc("1"));
        fixture.assertRejectedUnchanged(new CancelOrder(alice, market), Status.ORIGINAL_REQUEST_NOT_FOUND);
    }

    @Test
    void shouldRejectTheCancelOfAnUnknownAccountWith4101()
    {
        final long order = fixture.limit(alice, BTC_USDT, BUY, usdt("100"), btc("1"));
        fixture.assertRejectedUnchanged(new CancelOrder(42, order), Status.ACCOUNT_NOT_FOUND);
    }

    @Test
    void shouldCancelWhileThePairIsInCancelOnly()
    {
        final long order = fixture.limit(alice, BTC_USDT, BUY, usdt("100"), btc("1"));
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, EngineFixture.btcUsdtPolicy(PairState.CANCEL_ONLY)));
        fixture.cancel(alice, order);
        assertThat(fixture.engine.openOrder(order)).isNull();
    }
}
