package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document describes what the server answers: every field of every answer is declared, with its JSON
 * type, every required field is there, and what may be absent (stopPrice, the details of a transfer) is optional.
 */
class OpenApiConformanceTest
{
    private TestExchange exchange;
    private TestExchange.Trader maker;
    private TestExchange.Trader taker;
    private SchemaValidator validator;
    private JsonNode openApi;

    @BeforeEach
    void setUp() throws IOException
    {
        validator = new SchemaValidator(true);
        openApi = validator.document("openapi.yaml");
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        exchange.createPair("BTC.USD");
        maker = exchange.fundedTrader("100", "BCH", "ETH");
        taker = exchange.fundedTrader("100", "BCH", "ETH");
        exchange.adminOk("POST", "/admin/v1/accounts/" + taker.accountId() + "/deposits",
            "currency=USD&amount=100&fee=1&bankName=Bank&accountNo=1");
        exchange.adminOk("POST", "/admin/v1/accounts/" + taker.accountId() + "/withdrawals",
            "currency=ETH&amount=1&fee=0.1&address=0xabc&tag=7");
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null, "coinPair=BCH.ETH&orderSide=BUY&quantity=1");
        exchange.signedOk(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.06&stopPrice=0.07&quantity=1");
        exchange.limitOrder(maker, "BCH.ETH", "BUY", "0.04", "1");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        exchange.close();
    }

    /** @return the schema (or its reference) of {@code responseData} of the route's answer. */
    private JsonNode dataSchema(final String path, final String method)
    {
        final JsonNode response =
            validator.schema("openapi.yaml", "/paths/" + path.replace("/", "~1") + "/" + method + "/responses/200");
        for (final JsonNode part : response.at("/content/application~1json/schema/allOf"))
        {
            final JsonNode data = part.path("properties").path("responseData");
            if (!data.isMissingNode())
            {
                return data;
            }
        }
        return fail("no responseData schema for %s %s", method, path);
    }

    private void assertDescribed(final String path, final String method, final JsonNode data)
    {
        validator.validate(method + " " + path, data, "openapi.yaml", dataSchema(path, method));
    }

    @Test
    void shouldDescribeEveryPublicAnswer()
    {
        assertDescribed("/v1/market/public/coins/pairPolicy", "get",
            exchange.publicGet("/v1/market/public/coins/pairPolicy").data());
        assertDescribed("/v1/market/public/currentTickValue", "get",
            exchange.publicGet("/v1/market/public/currentTickValue?coinPair=BCH.ETH").data());
        assertDescribed("/v1/market/public/orderBooks", "get",
            exchange.publicGet("/v1/market/public/orderBooks?coinPair=BCH.ETH").data());
        assertDescribed("/v1/market/public/tradeHistory", "get",
            exchange.publicGet("/v1/market/public/tradeHistory").data());
    }

    @Test
    void shouldDescribeEverySignedAnswer()
    {
        final JsonNode open = exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "currency=BCH", null);
        assertThat(open.findValues("stopPrice")).as("one order with a stop price, two without").hasSize(1);
        assertThat(open).hasSize(3);
        assertDescribed("/v1/trade/openOrders", "get", open);
        for (final JsonNode order : open)
        {
            final long orderId = order.get("orderID").asLong();
            assertDescribed("/v2/account/orders/{orderID}", "get", exchange.order(maker, orderId));
        }
        assertDescribed("/v2/account/orders/{orderID}", "get", exchange.order(taker, 10100000000002L));
        assertDescribed("/v1/account/balances", "get",
            exchange.signedOk(taker, "GET", "/v1/account/balances", null, null));
        assertDescribed("/v2/account/tradeHistory", "get",
            exchange.signedOk(taker, "GET", "/v2/account/tradeHistory", null, null));
        final JsonNode transfers = exchange.signedOk(taker, "GET", "/v1/account/transactionHistory", null, null);
        assertThat(transfers.get("content").findValues("bankName")).as("a fiat transfer").isNotEmpty();
        assertThat(transfers.get("content").findValues("address")).as("a cryptocurrency transfer").isNotEmpty();
        assertDescribed("/v1/account/transactionHistory", "get", transfers);
        assertDescribed("/v1/trade/limitOrders", "post", exchange.signedOk(maker, "POST", "/v1/trade/limitOrders",
            null, "coinPair=BCH.ETH&orderSide=SELL&price=5E-2&quantity=1.0E-1"));
    }

    @Test
    void shouldDescribeTheParametersAsTheServerTakesThem()
    {
        final Pattern orderDecimal =
            Pattern.compile(openApi.at("/components/schemas/OrderDecimal/pattern").asText());
        for (final String accepted : new String[] {"1e-05", "1.0E-4", "5E+2", "1E+2", "0.05", "7"})
        {
            assertThat(orderDecimal.matcher(accepted).matches()).as(accepted).isTrue();
        }
        for (final String refused : new String[] {"-1e-8", "1e", "e5", ".5", "5.", "+1", "1e5e5", "NaN", "0x1p3"})
        {
            assertThat(orderDecimal.matcher(refused).matches()).as(refused).isFalse();
        }
        final Pattern transferType = Pattern.compile(
            openApi.at("/paths/~1v1~1account~1transactionHistory/get/parameters").findParent("pattern")
                .get("pattern").asText());
        assertThat(transferType.matcher("deposit").matches()).isTrue();
        assertThat(transferType.matcher("Withdraw").matches()).isTrue();
        assertThat(transferType.matcher("gift").matches()).isFalse();
        assertThat(openApi.at("/paths/~1v1~1market~1public~1tradeHistory/get/parameters/0/name").asText())
            .isEqualTo("coinPair");
        assertThat(openApi.at("/paths/~1v1~1market~1public~1tradeHistory/get/parameters/0/required").asBoolean())
            .as("coinPair of market tradeHistory is optional").isFalse();
        assertThat(openApi.at("/components/schemas/PairPolicy/properties/minPriceUnit/type").asText())
            .isEqualTo("string");
    }
}
