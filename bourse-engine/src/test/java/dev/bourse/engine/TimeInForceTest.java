package dev.bourse.engine;

import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TradeExecuted;
import org.junit.jupiter.api.Test;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static dev.bourse.engine.TimeInForce.FOK;
import static dev.bourse.engine.TimeInForce.GTC;
import static dev.bourse.engine.TimeInForce.IOC;
import static dev.bourse.engine.TimeInForce.POST_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/** Time in force of LIMIT orders: GTC rests, IOC cancels its remainder, FOK fills whole or not at all, POST_ONLY. */
final class TimeInForceTest
{
    private final EngineFixture fixture = new EngineFixture(EngineConfiguration.DEFAULT.withMaxOpenOrdersPerAccount(2));
    private final long maker = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private final long taker = fixture.fundedAccount(btc("10"), 0, usdt("10000"));

    private static PlaceOrder limit(final long accountId, final Side side, final String price, final String quantity,
        final TimeInForce timeInForce)
    {
        return PlaceOrder.limit(accountId, BTC_USDT, side, usdt(price), btc(quantity)).withTimeInForce(timeInForce);
    }

    @Test
    void shouldRestTheRemainderOfAGtcOrderWhetherGivenOrNot()
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt("100"), btc("1"));
        final long explicit = fixture.place(limit(taker, BUY, "100", "1.5", GTC));
        assertThat(fixture.engine.openOrder(explicit).remainQuantity()).isEqualTo(btc("0.5"));
    }

    @Test
    void shouldFillWhatAnIocOrderCanAtOnceAndCancelTheRest()
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(maker, BTC_USDT, SELL, usdt("102"), btc("1"));

        final long ioc = fixture.place(limit(taker, BUY, "101", "1.5", IOC));

        assertThat(fixture.trades()).singleElement().extracting(TradeExecuted::quantity).isEqualTo(btc("1"));
        final OrderCancelled cancelled = fixture.last(OrderCancelled.class);
        assertThat(cancelled.reason()).isEqualTo(CancelReason.UNFILLED_IOC);
        assertThat(cancelled.order().orderId()).isEqualTo(ioc);
        assertThat(cancelled.order().filledQuantity()).isEqualTo(btc("1"));
        assertThat(cancelled.order().cancelledQuantity()).isEqualTo(btc("0.5"));
        assertThat(cancelled.order().status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(fixture.engine.openOrder(ioc)).isNull();
        assertThat(fixture.engine.bestBid(BTC_USDT)).as("nothing rests").isZero();
        assertThat(fixture.available(taker, "USDT")).isEqualTo(fixture.balance(taker, "USDT"));
        assertThat(fixture.engine.openOrderCount(taker)).isZero();
    }

    @Test
    void shouldCancelAnIocOrderThatMeetsNothingWhole()
    {
        final long ioc = fixture.place(limit(taker, SELL, "100", "1", IOC));
        assertThat(fixture.first(OrderAccepted.class).order().status()).isEqualTo(OrderStatus.REQUEST);
        final OrderView view = fixture.lastViewOf(ioc);
        assertThat(view.cancelledQuantity()).isEqualTo(btc("1"));
        assertThat(fixture.available(taker, "BTC")).isEqualTo(btc("10"));
    }

    @Test
    void shouldFillAFokOrderWholeWhenTheBookHoldsEnoughWithinItsLimit()
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(maker, BTC_USDT, SELL, usdt("101"), btc("1"));

        final long fok = fixture.place(limit(taker, BUY, "101", "2", FOK));

        assertThat(fixture.trades()).hasSize(2);
        assertThat(fixture.lastViewOf(fok).filledQuantity()).isEqualTo(btc("2"));
        assertThat(fixture.all(OrderCancelled.class)).isEmpty();
        assertThat(fixture.available(taker, "USDT")).isEqualTo(fixture.balance(taker, "USDT"));
    }

    @Test
    void shouldKillAFokOrderWholeWhenTheBookHoldsLessWithinItsLimit()
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(maker, BTC_USDT, SELL, usdt("102"), btc("5"));
        final long bookBefore = fixture.engine.bestAsk(BTC_USDT);

        final long fok = fixture.place(limit(taker, BUY, "101", "1.5", FOK));

        assertThat(fixture.trades()).isEmpty();
        final OrderCancelled killed = fixture.last(OrderCancelled.class);
        assertThat(killed.reason()).isEqualTo(CancelReason.UNFILLED_FOK);
        assertThat(killed.order().orderId()).isEqualTo(fok);
        assertThat(killed.order().cancelledQuantity()).isEqualTo(btc("1.5"));
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isEqualTo(bookBefore);
        assertThat(fixture.engine.openOrders(maker, BTC_USDT)).hasSize(2);
        assertThat(fixture.available(taker, "USDT")).isEqualTo(usdt("10000"));
    }

    @Test
    void shouldRestAPostOnlyOrderThatWouldNotTrade()
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt("100"), btc("1"));
        final long postOnly = fixture.place(limit(taker, BUY, "99.99", "1", POST_ONLY));
        assertThat(fixture.engine.openOrder(postOnly).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("99.99"));
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldTradeWith3231AndChangeNothing()
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(maker, BTC_USDT, BUY, usdt("90"), btc("1"));
        fixture.assertRejectedUnchanged(limit(taker, BUY, "100", "1", POST_ONLY), Status.POST_ONLY_WOULD_TAKE);
        fixture.assertRejectedUnchanged(limit(taker, SELL, "90", "1", POST_ONLY), Status.POST_ONLY_WOULD_TAKE);
        fixture.assertRejectedUnchanged(limit(taker, BUY, "101", "1", POST_ONLY), Status.POST_ONLY_WOULD_TAKE);
    }

    @Test
    void shouldRefuseATimeInForceOtherThanGtcOnMarketAndStopLimitOrders()
    {
        for (final TimeInForce timeInForce : new TimeInForce[] {IOC, FOK, POST_ONLY})
        {
            fixture.assertRejectedUnchanged(PlaceOrder.market(taker, BTC_USDT, SELL, btc("1"))
                .withTimeInForce(timeInForce), Status.INVALID_PARAMETER);
            fixture.assertRejectedUnchanged(PlaceOrder.stopLimit(taker, BTC_USDT, SELL, usdt("90"), usdt("95"),
                btc("1")).withTimeInForce(timeInForce), Status.INVALID_PARAMETER);
        }
        fixture.place(PlaceOrder.market(taker, BTC_USDT, SELL, btc("1")).withTimeInForce(GTC));
    }

    @Test
    void shouldLetIocAndFokOrdersThroughWhenTheAccountHoldsAllTheOpenOrdersItMay()
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(taker, BTC_USDT, BUY, usdt("50"), btc("1"));
        fixture.limit(taker, BTC_USDT, BUY, usdt("51"), btc("1"));
        fixture.assertRejectedUnchanged(limit(taker, BUY, "100", "0.1", GTC), Status.ACTIVE_ORDER_COUNT_EXCEEDED);
        fixture.assertRejectedUnchanged(limit(taker, BUY, "40", "0.1", POST_ONLY),
            Status.ACTIVE_ORDER_COUNT_EXCEEDED);

        fixture.place(limit(taker, BUY, "100", "0.1", IOC));
        assertThat(fixture.trades()).hasSize(1);
        fixture.place(limit(taker, BUY, "100", "0.1", FOK));
        assertThat(fixture.trades()).hasSize(1);
        assertThat(fixture.engine.openOrderCount(taker)).isEqualTo(2);
    }
}
