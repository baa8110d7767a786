package dev.bourse.engine;

import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderTriggered;
import org.junit.jupiter.api.Test;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** STOPLIMIT orders: PENDING until the last price reaches the stop, then limit orders, in the order triggered. */
final class StopOrderTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long maker = fixture.fundedAccount(btc("100"), 0, usdt("100000"));
    private final long taker = fixture.fundedAccount(btc("100"), 0, usdt("100000"));
    private final long stopper = fixture.fundedAccount(btc("100"), 0, usdt("100000"));

    private void tradeAt(final String price)
    {
        fixture.limit(maker, BTC_USDT, SELL, usdt(price), btc("0.1"));
        fixture.limit(taker, BTC_USDT, BUY, usdt(price), btc("0.1"));
        assertThat(fixture.trades()).first().extracting(trade -> trade.price()).isEqualTo(usdt(price));
    }

    @Test
    void shouldStayPendingBeforeTheFirstTrade()
    {
        final long stop = fixture.stopLimit(stopper, BTC_USDT, SELL, usdt("90"), usdt("95"), btc("1"));
        assertThat(fixture.engine.openOrder(stop).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isZero();
    }

    @Test
    void shouldHoldTheReserveOfAPendingOrder()
    {
        final long stop = fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("110"), usdt("105"), btc("1"));
        assertThat(fixture.engine.openOrder(stop).reserveRemaining()).isEqualTo(usdt("110.22"));
        assertThat(fixture.available(stopper, "USDT")).isEqualTo(usdt("100000") - usdt("110.22"));
        fixture.stopLimit(stopper, BTC_USDT, SELL, usdt("90"), usdt("95"), btc("2"));
        assertThat(fixture.available(stopper, "BTC")).isEqualTo(btc("98"));
    }

    @Test
    void shouldTriggerABuyStopWhenTheLastPriceReachesItsStopOrAbove()
    {
        tradeAt("100");
        final long stop = fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("106"), usdt("105"), btc("1"));
        tradeAt("104.99");
        assertThat(fixture.engine.openOrder(stop).status()).isEqualTo(OrderStatus.PENDING);

        tradeAt("105");
        assertThat(fixture.first(OrderTriggered.class).order().orderId()).isEqualTo(stop);
        assertThat(fixture.engine.openOrder(stop).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("106"));
    }

    @Test
    void shouldTriggerASellStopWhenTheLastPriceReachesItsStopOrBelow()
    {
        tradeAt("100");
        final long stop = fixture.stopLimit(stopper, BTC_USDT, SELL, usdt("94"), usdt("95"), btc("1"));
        tradeAt("95.01");
        assertThat(fixture.engine.openOrder(stop).status()).isEqualTo(OrderStatus.PENDING);

        tradeAt("90");
        assertThat(fixture.first(OrderTriggered.class).order().orderId()).isEqualTo(stop);
        assertThat(fixture.engine.bestAsk(BTC_USDT)).isEqualTo(usdt("94"));
    }

    @Test
    void shouldEnterTheBookAtOnceWhenTheStopIsAlreadyReached()
    {
        tradeAt("100");
        final long stop = fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("99"), usdt("99"), btc("1"));
        assertThat(fixture.all(OrderTriggered.class)).isEmpty();
        assertThat(fixture.first(OrderAccepted.class).order().status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.engine.openOrder(stop).status()).isEqualTo(OrderStatus.REQUEST);
        assertThat(fixture.engine.bestBid(BTC_USDT)).isEqualTo(usdt("99"));
    }

    @Test
    void shouldTriggerBuyStopsLowestStopFirstThenOldestFirst()
    {
        tradeAt("100");
        final long high = fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("90"), usdt("103"), btc("1"));
        final long lowOld = fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("90"), usdt("102"), btc("1"));
        final long lowNew = fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("90"), usdt("102"), btc("1"));

        tradeAt("104");

        assertThat(fixture.all(OrderTriggered.class)).extracting(event -> event.order().orderId())
            .containsExactly(lowOld, lowNew, high);
    }

    @Test
    void shouldTriggerSellStopsHighestStopFirstThenOldestFirst()
    {
        tradeAt("100");
        final long low = fixture.stopLimit(stopper, BTC_USDT, SELL, usdt("110"), usdt("97"), btc("1"));
        final long highOld = fixture.stopLimit(stopper, BTC_USDT, SELL, usdt("110"), usdt("98"), btc("1"));
        final long highNew = fixture.stopLimit(stopper, BTC_USDT, SELL, usdt("110"), usdt("98"), btc("1"));

        tradeAt("96");

        assertThat(fixture.all(OrderTriggered.class)).extracting(event -> event.order().orderId())
            .containsExactly(highOld, highNew, low);
    }

    @Test
    void shouldTriggerStopsThatATriggeredStopReachesInTurn()
    {
        tradeAt("100");
        fixture.limit(maker, BTC_USDT, BUY, usdt("98"), btc("1"));
        fixture.limit(maker, BTC_USDT, BUY, usdt("96"), btc("1"));
        final long first = fixture.stopLimit(stopper, BTC_USDT, SELL, usdt("95"), usdt("99"), btc("1"));
        final long second = fixture.stopLimit(taker, BTC_USDT, SELL, usdt("95"), usdt("98"), btc("1"));

        tradeAt("99");

        assertThat(fixture.all(OrderTriggered.class)).extracting(event -> event.order().orderId())
            .containsExactly(first, second);
        assertThat(fixture.trades()).extracting(trade -> trade.price())
            .containsExactly(usdt("99"), usdt("98"), usdt("96"));
        assertThat(fixture.engine.lastPrice(BTC_USDT)).isEqualTo(usdt("96"));
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isZero();
    }

    @Test
    void shouldTriggerManyStopsAtOnceOnAThinBook()
    {
        tradeAt("100");
        for (int i = 0; i < 5; i++)
        {
            fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("200"), usdt("101"), btc("0.1"));
        }
        tradeAt("101");
        assertThat(fixture.all(OrderTriggered.class)).hasSize(5);
        assertThat(fixture.engine.openOrderCountOfPair(BTC_USDT)).isEqualTo(5);
    }

    @Test
    void shouldReleaseTheExcessReserveOfATriggeredBuyThatFillsBelowItsLimit()
    {
        tradeAt("100");
        final long stop = fixture.stopLimit(stopper, BTC_USDT, BUY, usdt("110"), usdt("101"), btc("1"));
        fixture.limit(maker, BTC_USDT, SELL, usdt("102"), btc("1"));
        tradeAt("101");
        assertThat(fixture.lastViewOf(stop).status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(fixture.balance(stopper, "USDT")).isEqualTo(usdt("100000") - usdt("102.204"));
        assertThat(fixture.available(stopper, "USDT")).isEqualTo(fixture.balance(stopper, "USDT"));
    }
}
