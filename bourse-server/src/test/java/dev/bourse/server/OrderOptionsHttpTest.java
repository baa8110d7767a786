package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our order-entry extensions over HTTP: clientOrderId (a repeat answers the first order; order information, open
 * orders and cancel by it), timeInForce and selfTradePrevention on limit and market orders.
 */
class OrderOptionsHttpTest
{
    private static final String LIMIT = "/v1/trade/limitOrders";
    private static final String MARKET = "/v1/trade/marketOrders";

    private TestExchange exchange;
    private TestExchange.Trader trader;
    private TestExchange.Trader other;

    @BeforeEach
    void setUp() throws IOException
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        trader = exchange.fundedTrader("100", "BCH", "ETH");
        other = exchange.fundedTrader("100", "BCH", "ETH");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        exchange.close();
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private TestExchange.Answer limit(final TestExchange.Trader who, final String params)
    {
        return exchange.signed(who, "POST", LIMIT, null, "coinPair=BCH.ETH&" + params);
    }

    @Test
    void shouldAnswerTheFirstOrderWhenAClientOrderIdIsSentAgain()
    {
        final JsonNode first = exchange.signedOk(trader, "POST", LIMIT, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.01&quantity=1&clientOrderId=bot-1_a");
        exchange.clock.update(exchange.clock.time() + 3_000);

        final JsonNode again = exchange.signedOk(trader, "POST", LIMIT, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.01&quantity=1&clientOrderId=bot-1_a");

        assertThat(fieldNames(again)).containsExactly("orderID", "requestAt");
        assertThat(again).isEqualTo(first);
        assertThat(exchange.signedOk(trader, "GET", "/v1/trade/openOrders", "currency=BCH", null)).hasSize(1);
        final JsonNode market = exchange.signedOk(trader, "POST", MARKET, null,
            "coinPair=BCH.ETH&orderSide=SELL&quantity=1&clientOrderId=bot-1_a");
        assertThat(market).as("the ID decides, not the parameters").isEqualTo(first);
        assertThat(exchange.signedOk(other, "POST", LIMIT, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.01&quantity=1&clientOrderId=bot-1_a").get("orderID").asLong())
            .as("IDs are per account").isNotEqualTo(first.get("orderID").asLong());
    }

    @Test
    void shouldShowTheClientOrderIdAfterTheSpecsFieldsAndFindAndCancelByIt()
    {
        final long orderId = exchange.signedOk(trader, "POST", LIMIT, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.01&quantity=1&clientOrderId=c-42").get("orderID").asLong();

        final JsonNode open = exchange.signedOk(trader, "GET", "/v1/trade/openOrders", "currency=BCH", null).get(0);
        assertThat(fieldNames(open)).endsWith("completedAt", "clientOrderId");
        assertThat(open.get("clientOrderId").asText()).isEqualTo("c-42");
        final JsonNode info = exchange.order(trader, orderId);
        assertThat(fieldNames(info)).endsWith("averageFillPrice", "clientOrderId");
        final JsonNode byClientId = exchange.signedOk(trader, "GET", "/v2/account/clientOrders/c-42", null, null);
        assertThat(byClientId).isEqualTo(info);
        assertThat(exchange.signed(other, "GET", "/v2/account/clientOrders/c-42", null, null).statusCode())
            .isEqualTo(3321);
        assertThat(exchange.signed(other, "DELETE", "/v1/trade/clientOrders/c-42", null, null).statusCode())
            .isEqualTo(3321);

        final JsonNode cancelled = exchange.signedOk(trader, "DELETE", "/v1/trade/clientOrders/c-42", null, null);

        assertThat(fieldNames(cancelled)).containsExactly("orderID", "requestAt");
        assertThat(cancelled.get("orderID").asLong()).isEqualTo(orderId);
        assertThat(exchange.order(trader, orderId).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(exchange.signed(trader, "DELETE", "/v1/trade/clientOrders/c-42", null, null).statusCode())
            .isEqualTo(3321);
        assertThat(exchange.signed(trader, "GET", "/v2/account/clientOrders/none", null, null).statusCode())
            .isEqualTo(3321);
    }

    @Test
    void shouldOmitTheClientOrderIdOfAnOrderWithout()
    {
        final long orderId = exchange.limitOrder(trader, "BCH.ETH", "BUY", "0.01", "1");
        assertThat(exchange.order(trader, orderId).has("clientOrderId")).isFalse();
    }

    @Test
    void shouldRefuseAClientOrderIdOutsideTheCharsetOrLengthWith4002()
    {
        for (final String invalid : new String[] {"a%20b", "a.b", "x".repeat(37), "%C3%BC"})
        {
            assertThat(limit(trader, "quantity=1&orderSide=BUY&price=0.01&clientOrderId=" + invalid).statusCode())
                .as(invalid).isEqualTo(4002);
            assertThat(exchange.signed(trader, "GET", "/v2/account/clientOrders/" + invalid, null, null)
                .statusCode()).as(invalid).isEqualTo(4002);
            assertThat(exchange.signed(trader, "DELETE", "/v1/trade/clientOrders/" + invalid, null, null)
                .statusCode()).as(invalid).isEqualTo(4002);
        }
    }

    @Test
    void shouldHonourTimeInForce()
    {
        exchange.limitOrder(other, "BCH.ETH", "SELL", "0.01", "1");

        final long ioc = limit(trader, "orderSide=BUY&price=0.01&quantity=2&timeInForce=IOC")
            .data().get("orderID").asLong();
        assertThat(exchange.order(trader, ioc).get("filledAmount").decimalValue()).isEqualByComparingTo("1");
        assertThat(exchange.order(trader, ioc).get("status").asText()).isEqualTo("COMPLETE");

        final long fok = limit(trader, "quantity=1&orderSide=BUY&price=0.01&timeInForce=FOK").data().get("orderID")
            .asLong();
        assertThat(exchange.order(trader, fok).get("filledAmount").decimalValue()).isEqualByComparingTo("0");

        exchange.limitOrder(other, "BCH.ETH", "SELL", "0.02", "1");
        final TestExchange.Answer wouldTake =
            limit(trader, "quantity=1&orderSide=BUY&price=0.02&timeInForce=POST_ONLY");
        assertThat(wouldTake.statusCode()).isEqualTo(3231);
        assertThat(wouldTake.json().get("statusMessage").asText()).isEqualTo("Post-only order would take liquidity");
        final long post = limit(trader, "quantity=1&orderSide=BUY&price=0.015&timeInForce=POST_ONLY").data()
            .get("orderID").asLong();
        assertThat(exchange.order(trader, post).get("status").asText()).isEqualTo("REQUEST");
        assertThat(limit(trader, "quantity=1&orderSide=BUY&price=0.01&timeInForce=GTC").statusCode()).isEqualTo(1000);

        assertThat(limit(trader, "quantity=1&orderSide=BUY&price=0.01&timeInForce=ioc").statusCode()).isEqualTo(4002);
        assertThat(limit(trader, "quantity=1&orderSide=BUY&price=0.01&timeInForce=DAY").statusCode()).isEqualTo(4002);
        assertThat(limit(trader, "quantity=1&orderSide=BUY&price=0.01&stopPrice=0.02&timeInForce=IOC").statusCode())
            .isEqualTo(4002);
        assertThat(exchange.signed(trader, "POST", MARKET, null,
            "coinPair=BCH.ETH&orderSide=BUY&quantity=1&timeInForce=FOK").statusCode()).isEqualTo(4002);
    }

    @Test
    void shouldHonourSelfTradePrevention()
    {
        final long resting = exchange.limitOrder(trader, "BCH.ETH", "SELL", "0.01", "1");

        final long taker = limit(trader, "quantity=1&orderSide=BUY&price=0.01&selfTradePrevention=EXPIRE_TAKER")
            .data().get("orderID").asLong();
        assertThat(exchange.order(trader, taker).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(exchange.order(trader, resting).get("status").asText()).isEqualTo("REQUEST");

        exchange.signedOk(trader, "POST", MARKET, null,
            "coinPair=BCH.ETH&orderSide=BUY&quantity=1&selfTradePrevention=NONE");
        assertThat(exchange.order(trader, resting).get("filledAmount").decimalValue()).isEqualByComparingTo("1");

        assertThat(limit(trader, "quantity=1&orderSide=BUY&price=0.01&selfTradePrevention=expire_maker").statusCode())
            .isEqualTo(4002);
    }
}
