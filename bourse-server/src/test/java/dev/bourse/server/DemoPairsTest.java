package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.server.admin.DemoPairs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shouldTellHowToBegin()
    {
        final String text = DemoPairs.gettingStarted(8080, 8081, "$(cat data/admin.token)");

        assertThat(text).contains("/admin/v1/accounts", "/apiKeys", "/deposits", "Authorization: Bearer $TOKEN",
            "127.0.0.1:8081", "127.0.0.1:8080");
    }
}
