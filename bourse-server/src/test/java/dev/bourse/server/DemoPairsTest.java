package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.command.PutPair;
import dev.bourse.server.admin.DemoPairs;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class DemoPairsTest
{
    @Test
    void shouldStartAnEmptyExchangeWithTradableDemoPairs() throws Exception
    {
        try (TestExchange exchange = new TestExchange(context -> context.demoPairs(true)))
        {
            final JsonNode pairs = exchange.publicGet("/v1/market/public/coins/pairPolicy").data();

            assertThat(pairs.findValuesAsText("coinPairType")).containsExactly("USDT.BTC", "BTC.ETH", "ETH.BCH");
            for (final JsonNode pair : pairs)
            {
                assertThat(pair.get("minPriceDecimal").asInt() + pair.get("minAmountDecimal").asInt())
                    .isLessThanOrEqualTo(DemoPairs.SCALE);
                assertThat(pair.get("trade").asBoolean()).isTrue();
            }
            final TestExchange.Trader trader = exchange.trader();
            exchange.deposit(trader, "ETH", "10");
            exchange.limitOrder(trader, "BCH.ETH", "BUY", "0.05", "1");
            exchange.deposit(trader, "USDT", "10000");
            exchange.limitOrder(trader, "BTC.USDT", "BUY", "50000.5", "0.01");
        }
    }

    @Test
    void shouldHaveAReferencePriceForEachPairThatItsPolicyAccepts()
    {
        assertThat(DemoPairs.referencePrices().keySet())
            .containsExactlyInAnyOrderElementsOf(DemoPairs.commands().stream().map(PutPair::coinPair).toList());
        for (final PutPair pair : DemoPairs.commands())
        {
            final BigDecimal price = new BigDecimal(DemoPairs.referencePrices().get(pair.coinPair()));
            final PairPolicy policy = pair.policy();
            final BigDecimal tick = BigDecimal.ONE.movePointLeft(policy.priceDecimals());
            assertThat(price.stripTrailingZeros().scale()).as(pair.coinPair())
                .isLessThanOrEqualTo(policy.priceDecimals());
            assertThat(price.movePointRight(DemoPairs.SCALE).longValueExact()).as(pair.coinPair())
                .isGreaterThanOrEqualTo(policy.minPrice());
            assertThat(tick.multiply(BigDecimal.valueOf(1_000))).as("%s: a tick is at most 0.1 %% of the price",
                pair.coinPair()).isLessThanOrEqualTo(price);
            // the smallest amount is worth at least the smallest volume, and the largest no more than the largest
            final long minVolume = BigDecimal.valueOf(policy.minAmount()).multiply(price).longValue();
            final long maxVolume = BigDecimal.valueOf(policy.maxAmount()).multiply(price).longValue();
            assertThat(maxVolume).as(pair.coinPair()).isGreaterThan(policy.minVolume());
            assertThat(minVolume).as(pair.coinPair()).isLessThan(policy.maxVolume());
        }
    }

    @Test
    void shouldTellHowToBeginWithCommandsThatWork() throws Exception
    {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl"))).isTrue();
        try (TestExchange exchange = new TestExchange(context -> context.demoPairs(true)))
        {
            exchange.adminOk("POST", "/admin/v1/accounts", "label=simulated");
            final String text = DemoPairs.gettingStarted(exchange.server.publicPort(), exchange.server.adminPort(),
                "$(cat " + exchange.dataDir.resolve("admin.token") + ")");
            final String script = "set -e\n" + text.lines().filter(line -> line.startsWith("  "))
                .collect(Collectors.joining("\n")) + "\necho \"ACCOUNT=$ACCOUNT\"\n";

            final Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).as("the account opened after another one").contains("ACCOUNT=2");
            final JsonNode account = exchange.adminOk("GET", "/admin/v1/accounts/2", null);
            assertThat(account.get("balances").get(0).get("balance").decimalValue()).isEqualByComparingTo("1");
            assertThat(account.get("balances").get(1).get("balance").decimalValue()).isEqualByComparingTo("10000");
            assertThat(exchange.adminOk("GET", "/admin/v1/accounts/2/apiKeys", null)).hasSize(1);
        }
    }

    @Test
    void shouldTellHowToBegin()
    {
        final String text = DemoPairs.gettingStarted(8080, 8081, "$(cat data/admin.token)");

        assertThat(text).contains("/admin/v1/accounts", "/apiKeys", "/deposits", "Authorization: Bearer $TOKEN",
            "127.0.0.1:8081", "127.0.0.1:8080");
    }
}
