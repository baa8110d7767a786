package dev.bourse.engine;

import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TradeExecuted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** Reserves, the release of excess reserve, maker and taker fees, rounding and conservation. */
final class FeesAndReservesTest
{
    private final EngineFixture fixture = new EngineFixture();
    private final long seller = fixture.fundedAccount(btc("10"), 0, 0);
    private final long buyer = fixture.fundedAccount(0, 0, usdt("1000"));

    @Test
    void shouldReserveTheVolumePlusTheFeeAtTheHigherRateForABuy()
    {
        final long order = fixture.limit(buyer, BTC_USDT, BUY, usdt("100"), btc("2"));
        assertThat(fixture.engine.openOrder(order).reservedValue()).isEqualTo(usdt("200.4"));
        assertThat(fixture.available(buyer, "USDT")).isEqualTo(usdt("1000") - usdt("200.4"));
        assertThat(fixture.balance(buyer, "USDT")).isEqualTo(usdt("1000"));

        fixture.succeed(new PutPair("SOL", "USDT", 8, 6, new PairPolicy("Sol", usdt("0.01"), 2, 4, btc("0.0001"),
            btc("1000"), usdt("1"), usdt("10000000"), 3000, 1000, PairState.TRADING)));
        final long sol = fixture.limit(buyer, "SOL.USDT", BUY, usdt("10"), btc("1"));
        assertThat(fixture.engine.openOrder(sol).reservedValue()).isEqualTo(usdt("10.03"));
    }

    @Test
    void shouldReserveTheQuantityForASell()
    {
        final long order = fixture.limit(seller, BTC_USDT, SELL, usdt("100"), btc("2.5"));
        assertThat(fixture.engine.openOrder(order).reservedValue()).isEqualTo(btc("2.5"));
        assertThat(fixture.available(seller, "BTC")).isEqualTo(btc("7.5"));
        assertThat(fixture.available(seller, "USDT")).isZero();
    }

    @Test
    void shouldRoundTheReserveOfABuyUp()
    {
        final long order = fixture.limit(buyer, BTC_USDT, BUY, usdt("1.01"), btc("1.0001"));
        assertThat(fixture.engine.openOrder(order).reservedValue()).isEqualTo(1_010_101 + 2_021);
    }

    @Test
    void shouldReleaseTheExcessReserveOfABuyThatFillsBelowItsLimit()
    {
        fixture.limit(seller, BTC_USDT, SELL, usdt("90"), btc("0.5"));
        final long order = fixture.limit(buyer, BTC_USDT, BUY, usdt("100"), btc("1"));

        final OrderView view = fixture.engine.openOrder(order);
        assertThat(view.reserveRemaining()).isEqualTo(usdt("50.1"));
        assertThat(fixture.balance(buyer, "USDT")).isEqualTo(usdt("1000") - usdt("45.09"));
        assertThat(fixture.available(buyer, "USDT")).isEqualTo(usdt("1000") - usdt("45.09") - usdt("50.1"));

        fixture.cancel(buyer, order);
        assertThat(fixture.lastViewOf(order).reserveRemaining()).isZero();
        assertThat(fixture.available(buyer, "USDT")).isEqualTo(fixture.balance(buyer, "USDT"));
    }

    @Test
    void shouldReleaseTheWholeExcessWhenABuyFillsCompletelyBelowItsLimit()
    {
        fixture.limit(seller, BTC_USDT, SELL, usdt("90"), btc("1"));
        final long order = fixture.limit(buyer, BTC_USDT, BUY, usdt("100"), btc("1"));

        assertThat(fixture.lastViewOf(order).reserveRemaining()).isZero();
        assertThat(fixture.balance(buyer, "USDT")).isEqualTo(usdt("1000") - usdt("90.18"));
        assertThat(fixture.available(buyer, "USDT")).isEqualTo(fixture.balance(buyer, "USDT"));
    }

    @Test
    void shouldChargeTheMakerAndTheTakerTheirFeesInTheMarketCurrency()
    {
        fixture.limit(seller, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.limit(buyer, BTC_USDT, BUY, usdt("100"), btc("1"));

        final TradeExecuted trade = fixture.trades().get(0);
        assertThat(trade.takerFee()).isEqualTo(usdt("0.2"));
        assertThat(trade.makerFee()).isEqualTo(usdt("0.1"));
        assertThat(fixture.balance(buyer, "USDT")).isEqualTo(usdt("1000") - usdt("100.2"));
        assertThat(fixture.balance(buyer, "BTC")).isEqualTo(btc("1"));
        assertThat(fixture.balance(seller, "USDT")).isEqualTo(usdt("99.9"));
        assertThat(fixture.balance(seller, "BTC")).isEqualTo(btc("9"));
        assertThat(fixture.engine.feesCollected("USDT")).isEqualTo(usdt("0.3"));
        assertThat(fixture.engine.feesCollected("BTC")).isZero();
    }

    @Test
    void shouldRoundFeesUp()
    {
        fixture.limit(seller, BTC_USDT, SELL, usdt("1.01"), btc("1.0001"));
        fixture.limit(buyer, BTC_USDT, BUY, usdt("1.01"), btc("1.0001"));

        final TradeExecuted trade = fixture.trades().get(0);
        assertThat(trade.volume()).isEqualTo(1_010_101);
        assertThat(trade.takerFee()).isEqualTo(2_021);
        assertThat(trade.makerFee()).isEqualTo(1_011);
    }

    @Test
    void shouldMakeTheFeesOfAnOrdersFillsAddUpToTheRoundedUpFeeOfItsWholeVolume()
    {
        fixture.limit(seller, BTC_USDT, SELL, usdt("1.01"), btc("1.0001"));
        fixture.limit(seller, BTC_USDT, SELL, usdt("1.03"), btc("1.0003"));
        fixture.limit(seller, BTC_USDT, SELL, usdt("1.07"), btc("1.0007"));
        fixture.limit(seller, BTC_USDT, SELL, usdt("1.09"), btc("1.0009"));
        final long order = fixture.limit(buyer, BTC_USDT, BUY, usdt("1.09"), btc("4.002"));

        final long volume = fixture.trades().stream().mapToLong(TradeExecuted::volume).sum();
        final long fees = fixture.all(OrderFilled.class).stream().filter(fill -> fill.order().orderId() == order)
            .mapToLong(OrderFilled::fee).sum();
        final long roundedUp = BigDecimal.valueOf(volume).multiply(BigDecimal.valueOf(2_000))
            .divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.CEILING).longValueExact();
        assertThat(fixture.trades()).hasSize(4);
        assertThat(fees).isEqualTo(roundedUp);
        assertThat(fixture.lastViewOf(order).feePaid()).isEqualTo(roundedUp);
        assertThat(fixture.lastViewOf(order).filledVolume()).isEqualTo(volume);
        final long perFillRoundedUp = fixture.trades().stream().mapToLong(trade -> BigDecimal.valueOf(trade.volume())
            .multiply(BigDecimal.valueOf(2_000)).divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.CEILING)
            .longValueExact()).sum();
        assertThat(perFillRoundedUp).as("rounding each fill alone would charge more").isGreaterThan(fees);
    }

    @Test
    void shouldCreateNoUnitAndDestroyNoneThroughTransfersAndTrades()
    {
        fixture.succeed(new Transfer(buyer, TransferType.DEPOSIT, "USDT", usdt("10"), usdt("0.5"),
            TransferDetails.NONE));
        fixture.limit(seller, BTC_USDT, SELL, usdt("1.01"), btc("3.0001"));
        fixture.limit(buyer, BTC_USDT, BUY, usdt("1.03"), btc("1.0003"));
        fixture.market(buyer, BTC_USDT, BUY, btc("1.0009"));
        fixture.succeed(new Transfer(seller, TransferType.WITHDRAW, "USDT", usdt("1"), usdt("0.01"),
            TransferDetails.NONE));
        fixture.succeed(new Transfer(buyer, TransferType.WITHDRAW, "BTC", btc("1"), btc("0.001"),
            TransferDetails.NONE));

        for (final String currency : new String[]{"BTC", "USDT"})
        {
            final long balances = fixture.balance(seller, currency) + fixture.balance(buyer, currency);
            assertThat(fixture.engine.netDeposits(currency)).as(currency)
                .isEqualTo(balances + fixture.engine.feesCollected(currency));
        }
        assertThat(fixture.engine.netDeposits("USDT")).isEqualTo(usdt("1009"));
        assertThat(fixture.engine.feesCollected("BTC")).isEqualTo(btc("0.001"));
    }
}
