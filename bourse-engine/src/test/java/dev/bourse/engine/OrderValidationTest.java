package dev.bourse.engine;

import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.ETH_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;

/** Every status an order can be rejected with; each rejection emits one CommandRejected and changes nothing. */
final class OrderValidationTest
{
    private EngineFixture fixture;
    private long trader;

    @BeforeEach
    void setUp()
    {
        fixture = new EngineFixture();
        trader = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
        final long other = fixture.fundedAccount(btc("10"), 0, usdt("10000"));
        fixture.limit(other, BTC_USDT, SELL, usdt("101"), btc("1"));
        fixture.limit(other, BTC_USDT, BUY, usdt("99"), btc("1"));
        fixture.limit(trader, BTC_USDT, BUY, usdt("98"), btc("1"));
    }

    private void rejects(final PlaceOrder order, final Status status)
    {
        fixture.assertRejectedUnchanged(order, status);
    }

    @Test
    void shouldRejectAnOrderOfAnUnknownAccountWith4101()
    {
        rejects(PlaceOrder.limit(99, BTC_USDT, BUY, usdt("100"), btc("1")), Status.ACCOUNT_NOT_FOUND);
        rejects(PlaceOrder.limit(0, BTC_USDT, BUY, usdt("100"), btc("1")), Status.ACCOUNT_NOT_FOUND);
    }

    @Test
    void shouldRejectAnUnknownCoinPairWith4009()
    {
        rejects(PlaceOrder.limit(trader, "XRP.USDT", BUY, usdt("100"), btc("1")), Status.INVALID_COIN_PAIR);
        rejects(PlaceOrder.limit(trader, "btc.usdt", BUY, usdt("100"), btc("1")), Status.INVALID_COIN_PAIR);
        rejects(PlaceOrder.limit(trader, "USDT.BTC", BUY, usdt("100"), btc("1")), Status.INVALID_COIN_PAIR);
        rejects(PlaceOrder.limit(trader, null, BUY, usdt("100"), btc("1")), Status.INVALID_COIN_PAIR);
    }

    @Test
    void shouldRejectAMissingSideWith4006()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, null, usdt("100"), btc("1")), Status.INVALID_ORDER_SIDE);
        rejects(PlaceOrder.market(trader, BTC_USDT, null, btc("1")), Status.INVALID_ORDER_SIDE);
    }

    @Test
    void shouldRejectAQuantityThatIsNotPositiveWith4007()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, usdt("100"), 0), Status.INVALID_QUANTITY);
        rejects(PlaceOrder.limit(trader, BTC_USDT, SELL, usdt("100"), -btc("1")), Status.INVALID_QUANTITY);
        rejects(PlaceOrder.market(trader, BTC_USDT, SELL, 0), Status.INVALID_QUANTITY);
    }

    @Test
    void shouldRejectAPriceOrStopPriceThatIsNotPositiveWith4008()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, 0, btc("1")), Status.INVALID_PRICE);
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, -usdt("100"), btc("1")), Status.INVALID_PRICE);
        rejects(PlaceOrder.stopLimit(trader, BTC_USDT, BUY, usdt("100"), 0, btc("1")), Status.INVALID_PRICE);
        rejects(PlaceOrder.stopLimit(trader, BTC_USDT, BUY, 0, usdt("100"), btc("1")), Status.INVALID_PRICE);
    }

    @Test
    void shouldRejectParametersThatDoNotFitTheOrderTypeWith4002()
    {
        rejects(new PlaceOrder(trader, BTC_USDT, null, BUY, usdt("100"), 0, btc("1")), Status.INVALID_PARAMETER);
        rejects(new PlaceOrder(trader, BTC_USDT, OrderType.LIMIT, BUY, usdt("100"), usdt("100"), btc("1")),
            Status.INVALID_PARAMETER);
        rejects(new PlaceOrder(trader, BTC_USDT, OrderType.MARKET, BUY, usdt("100"), 0, btc("1")),
            Status.INVALID_PARAMETER);
        rejects(new PlaceOrder(trader, BTC_USDT, OrderType.MARKET, SELL, 0, usdt("100"), btc("1")),
            Status.INVALID_PARAMETER);
    }

    @Test
    void shouldRejectNewOrdersOnAPairInCancelOnlyWith3113()
    {
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, EngineFixture.btcUsdtPolicy(PairState.CANCEL_ONLY)));
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, usdt("100"), btc("1")), Status.PAIR_IN_MAINTENANCE);
        rejects(PlaceOrder.market(trader, BTC_USDT, SELL, btc("1")), Status.PAIR_IN_MAINTENANCE);
        rejects(PlaceOrder.stopLimit(trader, BTC_USDT, SELL, usdt("90"), usdt("95"), btc("1")),
            Status.PAIR_IN_MAINTENANCE);
        fixture.limit(trader, ETH_USDT, BUY, usdt("10"), EngineFixture.eth("1"));
    }

    @Test
    void shouldRejectAPriceBelowTheMinimumWith3203()
    {
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, new PairPolicy("Bitcoin", usdt("10"), 2, 4, btc("0.0001"),
            btc("1000"), usdt("1"), usdt("10000000"), 1000, 2000, PairState.TRADING)));
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, usdt("9.99"), btc("1")), Status.PRICE_TOO_LOW);
        rejects(PlaceOrder.stopLimit(trader, BTC_USDT, SELL, usdt("20"), usdt("9.99"), btc("1")),
            Status.PRICE_TOO_LOW);
        fixture.limit(trader, BTC_USDT, BUY, usdt("10"), btc("1"));
    }

    @Test
    void shouldRejectAPriceWithTooManyDecimalsWith3204()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, usdt("100.001"), btc("1")), Status.PRICE_OUT_OF_SCALE);
        rejects(PlaceOrder.stopLimit(trader, BTC_USDT, BUY, usdt("100"), usdt("100.005"), btc("1")),
            Status.PRICE_OUT_OF_SCALE);
    }

    @Test
    void shouldRejectAQuantityBelowTheMinimumWith3211()
    {
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, new PairPolicy("Bitcoin", usdt("0.01"), 2, 4, btc("0.01"),
            btc("1000"), usdt("1"), usdt("10000000"), 1000, 2000, PairState.TRADING)));
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, usdt("100"), btc("0.0099")), Status.AMOUNT_TOO_LOW);
        rejects(PlaceOrder.market(trader, BTC_USDT, SELL, btc("0.0099")), Status.AMOUNT_TOO_LOW);
    }

    @Test
    void shouldRejectAQuantityAboveTheMaximumWith3212()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, SELL, usdt("100"), btc("1000.0001")), Status.AMOUNT_TOO_HIGH);
        rejects(PlaceOrder.market(trader, BTC_USDT, BUY, btc("1000.0001")), Status.AMOUNT_TOO_HIGH);
    }

    @Test
    void shouldRejectAQuantityWithTooManyDecimalsWith3213()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, SELL, usdt("100"), btc("1.00001")), Status.AMOUNT_OUT_OF_SCALE);
        rejects(PlaceOrder.market(trader, BTC_USDT, SELL, btc("0.00000001")), Status.AMOUNT_OUT_OF_SCALE);
    }

    @Test
    void shouldRejectAVolumeBelowTheMinimumWith3221()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, BUY, usdt("99.99"), btc("0.01")), Status.VOLUME_TOO_LOW);
        fixture.limit(trader, BTC_USDT, BUY, usdt("100"), btc("0.01"));
    }

    @Test
    void shouldRejectAVolumeAboveTheMaximumWith3222()
    {
        rejects(PlaceOrder.limit(trader, BTC_USDT, SELL, usdt("10000.01"), btc("1000")), Status.VOLUME_TOO_HIGH);
        rejects(PlaceOrder.stopLimit(trader, BTC_USDT, SELL, usdt("10000.01"), usdt("90"), btc("1000")),
            Status.VOLUME_TOO_HIGH);
    }

    @Test
    void shouldRejectAnOrderBeyondTheAvailableBalanceWith3301()
    {
        final long poor = fixture.fundedAccount(btc("0.5"), 0, usdt("100"));
        rejects(PlaceOrder.limit(poor, BTC_USDT, BUY, usdt("100"), btc("1")), Status.NOT_ENOUGH_BALANCE);
        rejects(PlaceOrder.limit(poor, BTC_USDT, SELL, usdt("100"), btc("0.5001")), Status.NOT_ENOUGH_BALANCE);
        rejects(PlaceOrder.stopLimit(poor, BTC_USDT, SELL, usdt("90"), usdt("95"), btc("0.6")),
            Status.NOT_ENOUGH_BALANCE);
        rejects(PlaceOrder.limit(poor, ETH_USDT, SELL, usdt("100"), EngineFixture.eth("1")),
            Status.NOT_ENOUGH_BALANCE);
        fixture.limit(poor, BTC_USDT, SELL, usdt("200"), btc("0.3"));
        rejects(PlaceOrder.limit(poor, BTC_USDT, SELL, usdt("200"), btc("0.3")), Status.NOT_ENOUGH_BALANCE);
    }

    @Test
    void shouldRejectAnOrderBeyondTheOpenOrderLimitOfTheAccountWith3311()
    {
        final EngineFixture limited = new EngineFixture(EngineConfiguration.DEFAULT.withMaxOpenOrdersPerAccount(3));
        final long account = limited.fundedAccount(btc("10"), EngineFixture.eth("10"), usdt("10000"));
        limited.limit(account, BTC_USDT, BUY, usdt("90"), btc("1"));
        limited.stopLimit(account, BTC_USDT, SELL, usdt("80"), usdt("85"), btc("1"));
        limited.limit(account, ETH_USDT, SELL, usdt("300"), EngineFixture.eth("1"));
        limited.assertRejectedUnchanged(PlaceOrder.limit(account, BTC_USDT, BUY, usdt("90"), btc("1")),
            Status.ACTIVE_ORDER_COUNT_EXCEEDED);
        limited.assertRejectedUnchanged(PlaceOrder.stopLimit(account, ETH_USDT, BUY, usdt("90"), usdt("95"),
            EngineFixture.eth("1")), Status.ACTIVE_ORDER_COUNT_EXCEEDED);

        limited.cancelAll(account, ETH_USDT);
        limited.limit(account, BTC_USDT, BUY, usdt("90"), btc("1"));
    }

    @Test
    void shouldRejectAnOrderBeyondTheOpenOrderLimitOfThePairWith3311()
    {
        final EngineFixture limited = new EngineFixture(EngineConfiguration.DEFAULT.withMaxOpenOrdersPerPair(2));
        final long first = limited.fundedAccount(btc("10"), 0, usdt("10000"));
        final long second = limited.fundedAccount(btc("10"), 0, usdt("10000"));
        limited.limit(first, BTC_USDT, BUY, usdt("90"), btc("1"));
        limited.limit(second, BTC_USDT, SELL, usdt("110"), btc("1"));
        limited.assertRejectedUnchanged(PlaceOrder.limit(second, BTC_USDT, BUY, usdt("90"), btc("1")),
            Status.ACTIVE_ORDER_COUNT_EXCEEDED);
        limited.limit(second, ETH_USDT, BUY, usdt("90"), EngineFixture.eth("1"));
    }
}
