package dev.bourse.engine;

import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderCancelled.CancelReason;
import dev.bourse.engine.event.TradeExecuted;
import org.junit.jupiter.api.Test;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.SelfTradePrevention.EXPIRE_BOTH;
import static dev.bourse.engine.SelfTradePrevention.EXPIRE_MAKER;
import static dev.bourse.engine.SelfTradePrevention.EXPIRE_TAKER;
import static dev.bourse.engine.SelfTradePrevention.NONE;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Self-trade prevention per order: the incoming order's mode decides what happens when it meets a resting order of
 * its own account (here behind another account's better order, so that matching has begun).
 */
final class SelfTradePreventionTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long trader = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private final long other = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
    private long othersBetter;
    private long own;
    private long othersWorse;

    private void restAsks()
    {
        othersBetter = fixture.limit(other, BTC_USDT, SELL, usdt("100"), btc("1"));
        own = fixture.limit(trader, BTC_USDT, SELL, usdt("101"), btc("1"));
        othersWorse = fixture.limit(other, BTC_USDT, SELL, usdt("102"), btc("1"));
    }

    private long buy(final SelfTradePrevention prevention)
    {
        return fixture.place(PlaceOrder.limit(trader, BTC_USDT, BUY, usdt("102"), btc("3"))
            .withSelfTradePrevention(prevention));
    }

    @Test
    void shouldExpireTheRestingOrderAndGoOnUnderExpireMaker()
    {
        restAsks();
        final long taker = buy(EXPIRE_MAKER);

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId).containsExactly(othersBetter, othersWorse);
        assertThat(fixture.all(OrderCancelled.class)).extracting(cancel -> cancel.order().orderId(),
            OrderCancelled::reason).containsExactly(tuple(own, CancelReason.SELF_TRADE));
        assertThat(fixture.engine.openOrder(taker).remainQuantity()).isEqualTo(btc("1"));
    }

    @Test
    void shouldExpireTheIncomingOrderAndLeaveTheRestingOneUnderExpireTaker()
    {
        restAsks();
        final long taker = buy(EXPIRE_TAKER);

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId).containsExactly(othersBetter);
        assertThat(fixture.all(OrderCancelled.class)).extracting(cancel -> cancel.order().orderId(),
            OrderCancelled::reason).containsExactly(tuple(taker, CancelReason.SELF_TRADE));
        assertThat(fixture.engine.openOrder(taker)).as("its remainder does not rest").isNull();
        assertThat(fixture.engine.openOrder(own).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.engine.bestBid(BTC_USDT)).isZero();
        assertThat(fixture.available(trader, "USDT")).isEqualTo(fixture.balance(trader, "USDT"));
    }

    @Test
    void shouldExpireBothUnderExpireBoth()
    {
        restAsks();
        final long taker = buy(EXPIRE_BOTH);

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId).containsExactly(othersBetter);
        assertThat(fixture.all(OrderCancelled.class)).extracting(cancel -> cancel.order().orderId())
            .containsExactly(own, taker);
        assertThat(fixture.engine.openOrder(othersWorse)).isNotNull();
        assertThat(fixture.engine.openOrderCount(trader)).isZero();
    }

    @Test
    void shouldTradeWithItselfUnderNone()
    {
        restAsks();
        buy(NONE);
        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId)
            .containsExactly(othersBetter, own, othersWorse);
        assertThat(fixture.all(OrderCancelled.class)).isEmpty();
    }

    @Test
    void shouldUseTheEnginesDefaultWhenTheOrderNamesNone()
    {
        final EngineFixture none = new EngineFixture(EngineConfiguration.DEFAULT.withSelfTradePrevention(NONE));
        final long account = none.fundedAccount(btc("10"), 0, usdt("10000"));
        final long resting = none.limit(account, BTC_USDT, SELL, usdt("100"), btc("1"));
        none.limit(account, BTC_USDT, BUY, usdt("100"), btc("1"));
        assertThat(none.trades()).extracting(TradeExecuted::makerOrderId).containsExactly(resting);

        none.limit(account, BTC_USDT, SELL, usdt("100"), btc("1"));
        none.place(PlaceOrder.limit(account, BTC_USDT, BUY, usdt("100"), btc("1"))
            .withSelfTradePrevention(EXPIRE_TAKER));
        assertThat(none.trades()).isEmpty();
    }

    @Test
    void shouldPriceAMarketBuyUpToItsOwnOrderUnderExpireTaker()
    {
        restAsks();
        final long balanceBefore = fixture.balance(trader, "USDT");
        final long market = fixture.place(PlaceOrder.market(trader, BTC_USDT, BUY, btc("3"))
            .withSelfTradePrevention(EXPIRE_TAKER));

        assertThat(fixture.trades()).extracting(TradeExecuted::makerOrderId).containsExactly(othersBetter);
        assertThat(fixture.last(OrderCancelled.class).order().orderId()).isEqualTo(market);
        assertThat(fixture.last(OrderCancelled.class).reason()).isEqualTo(CancelReason.SELF_TRADE);
        assertThat(fixture.lastViewOf(market).reservedValue()).as("priced up to its own order: 100 + 0.2 % fee")
            .isEqualTo(usdt("100.2"));
        assertThat(fixture.balance(trader, "USDT")).isEqualTo(balanceBefore - usdt("100.2"));
    }

    @Test
    void shouldApplyAStopOrdersOwnModeWhenItTriggers()
    {
        fixture.limit(trader, BTC_USDT, SELL, usdt("105"), btc("1"));
        final long stop = fixture.place(PlaceOrder.stopLimit(trader, BTC_USDT, BUY, usdt("106"), usdt("100"),
            btc("1")).withSelfTradePrevention(EXPIRE_TAKER));
        fixture.limit(other, BTC_USDT, SELL, usdt("100"), btc("1"));
        final long third = fixture.fundedAccount(0, 0, usdt("1000"));

        fixture.limit(third, BTC_USDT, BUY, usdt("100"), btc("1"));

        assertThat(fixture.all(OrderCancelled.class)).extracting(cancel -> cancel.order().orderId(),
            OrderCancelled::reason).containsExactly(tuple(stop, CancelReason.SELF_TRADE));
        assertThat(fixture.engine.openOrderCount(trader)).isEqualTo(1);
    }
}
