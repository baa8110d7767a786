package dev.bourse.simulator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorSettingsTest
{
    private static final URI PUBLIC = URI.create("http://127.0.0.1:8080");
    private static final URI ADMIN = URI.create("http://127.0.0.1:8081");

    private static SimulatorSettings parse(final Map<String, String> values)
    {
        return SimulatorSettings.parse(PUBLIC, ADMIN, "token", List.of("BTC.USDT", "ETH.BTC"), values,
            Map.of("BTC.USDT", new BigDecimal("65000")));
    }

    @Test
    void shouldTakeDefaultsThenSettingsForAllPairsThenSettingsForOnePair()
    {
        final SimulatorSettings settings = parse(Map.of("seed", "9", "spread", "0.004", "ETH.BTC.spread", "0.01",
            "ETH.BTC.replay", "trades.csv", "BTC.USDT.price", "70000.5", "volatility", "0.05", "rps", "5",
            "rpm", "300"));

        assertThat(settings.seed()).isEqualTo(9);
        assertThat(settings.label()).isEqualTo("simulated");
        assertThat(settings.rps()).isEqualTo(5);
        assertThat(settings.rpm()).isEqualTo(300);
        final PairSettings btc = settings.pairs().get(0);
        final PairSettings eth = settings.pairs().get(1);
        assertThat(btc.coinPair()).isEqualTo("BTC.USDT");
        assertThat(btc.spread()).isEqualTo(0.004);
        assertThat(btc.price()).isEqualByComparingTo("70000.5");
        assertThat(btc.defaultPrice()).isEqualByComparingTo("65000");
        assertThat(btc.replay()).isNull();
        assertThat(btc.walk().volatility()).isEqualTo(0.05);
        assertThat(eth.spread()).isEqualTo(0.01);
        assertThat(eth.replay()).isEqualTo(Path.of("trades.csv"));
        assertThat(eth.price()).isNull();
        assertThat(eth.defaultPrice()).isNull();
        assertThat(eth.levels()).isEqualTo(5);
        assertThat(eth.takerRate()).isEqualTo(20);
        assertThat(SimulatorSettings.pairKeys()).startsWith("price", "replay").contains("takerFundsLots");
    }

    @Test
    void shouldRefuseUnknownSettingsOtherPairsAndValuesOutOfRange()
    {
        assertThatThrownBy(() -> parse(Map.of("sprad", "0.1"))).hasMessage("unknown simulator setting: sprad");
        assertThatThrownBy(() -> parse(Map.of("BTC.USDT.sprad", "0.1")))
            .hasMessage("unknown simulator setting: BTC.USDT.sprad");
        assertThatThrownBy(() -> parse(Map.of("BCH.ETH.spread", "0.1"))).hasMessage("simulator setting " +
            "BCH.ETH.spread names BCH.ETH, which is not simulated (simulated: [BTC.USDT, ETH.BTC])");
        assertThatThrownBy(() -> parse(Map.of("spread", "wide"))).hasMessage("simulator setting spread is not a " +
            "number: wide");
        assertThatThrownBy(() -> parse(Map.of("spread", "0.7"))).hasMessage("simulator setting spread is out of " +
            "range: 0.7");
        assertThatThrownBy(() -> parse(Map.of("levels", "2.5"))).hasMessage("simulator setting levels is not an " +
            "integer: 2.5");
        assertThatThrownBy(() -> parse(Map.of("replayLoop", "yes"))).hasMessage("simulator setting replayLoop is " +
            "neither true nor false: yes");
        assertThatThrownBy(() -> parse(Map.of("label", "two words"))).hasMessageContaining("label");
        assertThatThrownBy(() -> parse(Map.of("rps", "50", "rpm", "40"))).hasMessageContaining("rps and rpm");
        assertThatThrownBy(() -> parse(Map.of("makerFundsLots", "100"))).hasMessageContaining("makerFundsLots");
        assertThatThrownBy(() -> SimulatorSettings.parse(PUBLIC, ADMIN, "token", List.of(), Map.of(), Map.of()))
            .hasMessageContaining("at least one pair");
    }
}
