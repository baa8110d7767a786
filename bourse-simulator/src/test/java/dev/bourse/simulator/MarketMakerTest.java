package dev.bourse.simulator;

import dev.bourse.client.OrderSide;
import dev.bourse.client.PairPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every simulated order is held to, and the market maker's ladder. */
class MarketMakerTest
{
    /** The demo BTC.USDT pair: price 2 decimals, amount 6, 0.0001..1000 BTC, 1..10,000,000 USDT. */
    static final PairPolicy BTC_USDT = policy("BTC", "USDT", "0.01", 2, 6, "0.0001", "1000", "1", "10000000");
    /** The demo BCH.ETH pair: price 4 decimals, amount 4, 0.001..10,000 BCH, 0.001..10,000 ETH. */
    static final PairPolicy BCH_ETH = policy("BCH", "ETH", "0.0001", 4, 4, "0.001", "10000", "0.001", "10000");

    private static PairPolicy policy(
        final String currency, final String market, final String minPrice, final int priceDecimals,
        final int amountDecimals, final String minAmount, final String maxAmount, final String minVolume,
        final String maxVolume)
    {
        return new PairPolicy(market, currency, currency, market + "." + currency, new BigDecimal(minAmount),
            new BigDecimal(maxAmount), new BigDecimal(minVolume), new BigDecimal(maxVolume), new BigDecimal("0.1"),
            new BigDecimal("0.2"), market, new BigDecimal(minPrice), market,
            amountDecimals, priceDecimals, true);
    }

    private static PairSettings settings(final String coinPair, final Map<String, String> values)
    {
        return SimulatorSettings.parse(URI.create("http://x"), URI.create("http://y"), "t", List.of(coinPair),
            values, Map.of()).pairs().getFirst();
    }

    @Test
    void shouldSizeLotsAndQuantitiesWithinThePairsLimits()
    {
        final PairRules btc = PairRules.of(BTC_USDT, 65_000);
        final PairRules bch = PairRules.of(BCH_ETH, 0.12);

        assertThat(btc.lot()).isEqualByComparingTo("0.0001");
        assertThat(bch.lot()).as("the minimum volume's worth, 0.001 ETH / 0.12, rounded up")
            .isEqualByComparingTo("0.0084");
        assertThat(btc.quantity(100, new BigDecimal("65000"))).isEqualByComparingTo("0.01");
        assertThat(btc.quantity(0.01, new BigDecimal("65000"))).as("raised to the minimum")
            .isEqualByComparingTo("0.0001");
        assertThat(btc.quantity(1e9, new BigDecimal("65000"))).as("lowered to the maximum volume")
            .isEqualByComparingTo("153.846153");
        assertThat(btc.quantity(1, new BigDecimal("1000000000000"))).as("the minimum amount is over the maximum volume")
            .isNull();
        assertThat(btc.floorPrice(65_000.019)).isEqualByComparingTo("65000.01");
        assertThat(btc.ceilPrice(65_000.011)).isEqualByComparingTo("65000.02");
        assertThat(btc.floorPrice(0.001)).as("never below the minimum price").isEqualByComparingTo("0.01");
        assertThat(btc.marketAmount(1.123456789)).isEqualByComparingTo("1.12345678");
    }

    @Test
    void shouldQuoteBothSidesWithinTheSpreadOnDistinctTicksSkewedAgainstThePosition()
    {
        final PairSettings settings = settings("BTC.USDT", Map.of("spread", "0.002", "levels", "5"));
        final PairRules rules = PairRules.of(BTC_USDT, 65_000);
        final MarketMaker maker = new MarketMaker(settings, rules, elapsed -> 65_000, null, null, null,
            new Random(1), new BigDecimal("0.6"));

        final List<MarketMaker.Quote> bids = maker.ladder(OrderSide.BUY, 65_000, 0);
        final List<MarketMaker.Quote> asks = maker.ladder(OrderSide.SELL, 65_000, 0);

        assertThat(bids).hasSize(5);
        assertThat(asks).hasSize(5);
        assertThat(bids.getFirst().price()).isEqualByComparingTo("64935.00");
        assertThat(asks.getFirst().price()).isEqualByComparingTo("65065.00");
        for (int i = 1; i < 5; i++)
        {
            assertThat(bids.get(i).price()).isLessThan(bids.get(i - 1).price());
            assertThat(asks.get(i).price()).isGreaterThan(asks.get(i - 1).price());
            assertThat(bids.get(i).quantity()).isBetween(new BigDecimal("0.0001"), new BigDecimal("1"));
        }
        final double limit = settings.inventoryLimitLots() * rules.lot().doubleValue();
        assertThat(maker.ladder(OrderSide.SELL, 65_000, limit).getFirst().price())
            .as("long: asks lower by a quarter of the spread").isEqualByComparingTo("65032.50");
        assertThat(maker.ladder(OrderSide.BUY, 65_000, -2 * limit).getFirst().price())
            .as("short: bids higher, by at most a quarter of the spread").isEqualByComparingTo("64967.50");
    }

    @Test
    void shouldWidenASpreadNarrowerThanFourTicks()
    {
        final PairSettings settings = settings("BCH.ETH", Map.of("spread", "0.001"));
        final MarketMaker maker = new MarketMaker(settings, PairRules.of(BCH_ETH, 0.12), elapsed -> 0.12, null,
            null, null, new Random(1), BigDecimal.ONE);

        final BigDecimal bid = maker.ladder(OrderSide.BUY, 0.12, 0).getFirst().price();
        final BigDecimal ask = maker.ladder(OrderSide.SELL, 0.12, 0).getFirst().price();

        assertThat(bid).isEqualByComparingTo("0.1198");
        assertThat(ask).isEqualByComparingTo("0.1202");
    }
}
