package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of spec section 4 through real HTTP: fields, orders, defaults, limits and exact money. */
class PublicApiTest
{
    private TestExchange exchange;
    private TestExchange.Trader maker;
    private TestExchange.Trader taker;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        exchange.createPair("ETH.BTC");
        maker = exchange.fundedTrader("100", "BCH", "ETH");
        taker = exchange.fundedTrader("100", "BCH", "ETH");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        for (final Iterator<String> it = node.fieldNames(); it.hasNext(); )
        {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void shouldAnswerTimeWithOnlyTimezoneAndResponseTime()
    {
        final TestExchange.Answer answer = exchange.publicGet("/v1/public/time");

        assertThat(fieldNames(answer.json())).containsExactly("timezone", "responseTime");
        assertThat(answer.json().get("responseTime").asLong()).isEqualTo(TestExchange.START_MS);
    }

    @Test
    void shouldWriteEnvelopeKeysInOrder()
    {
        final TestExchange.Answer answer = exchange.publicGet("/v1/market/public/coins/pairPolicy");

        assertThat(fieldNames(answer.json()))
            .containsExactly("timezone", "responseTime", "statusCode", "statusMessage", "responseData");
        assertThat(answer.json().get("statusMessage").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void shouldListPairPolicies()
    {
        final JsonNode policies = exchange.publicGet("/v1/market/public/coins/pairPolicy").data();

        assertThat(policies).hasSize(2);
        final JsonNode policy = policies.get(0);
        assertThat(fieldNames(policy)).containsExactly("marketType", "coinType", "displayNameOfCoinInformation",
            "coinPairType", "tradeMinAmount", "minTradeAmount", "tradeMaxAmount", "maxTradeAmount", "tradeMinVolume",
            "minTradeVolume", "tradeMaxVolume", "maxTradeVolume", "tradeMakerFeeRate", "tradeTakerFeeRate",
            "tradeFeeUnit", "minPrice", "minPriceUnit", "minAmountDecimal", "minPriceDecimal", "trade");
        assertThat(policy.get("marketType").asText()).isEqualTo("ETH");
        assertThat(policy.get("coinType").asText()).isEqualTo("BCH");
        assertThat(policy.get("coinPairType").asText()).isEqualTo("ETH.BCH");
        assertThat(policy.get("tradeMinAmount").decimalValue()).isEqualByComparingTo("0.0001");
        assertThat(policy.get("minTradeAmount").decimalValue()).isEqualByComparingTo("0.0001");
        assertThat(policy.get("tradeMaxVolume").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(policy.get("tradeMakerFeeRate").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(policy.get("tradeTakerFeeRate").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(policy.get("tradeFeeUnit").asText()).isEqualTo("ETH");
        assertThat(policy.get("minPriceUnit").isTextual()).isTrue();
        assertThat(policy.get("minPriceUnit").asText()).isEqualTo("ETH");
        assertThat(policy.get("minPriceDecimal").asInt()).isEqualTo(4);
        assertThat(policy.get("minAmountDecimal").asInt()).isEqualTo(4);
        assertThat(policy.get("trade").asBoolean()).isTrue();
        assertThat(exchange.publicGet("/v1/market/public/coins/pairPolicy").body()).doesNotContain("E-", "E+");
    }

    @Test
    void shouldShowTickerAndBookAndTradesAfterATrade()
    {
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.0503", "2");
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.0503", "1.5");
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.0601", "1");
        exchange.limitOrder(maker, "BCH.ETH", "BUY", "0.0401", "3");
        exchange.limitOrder(maker, "BCH.ETH", "BUY", "0.0402", "0.25");
        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null, "coinPair=BCH.ETH&orderSide=BUY&quantity=0.5");

        final JsonNode book = exchange.publicGet("/v1/market/public/orderBooks?coinPair=BCH.ETH").data();
        assertThat(fieldNames(book)).containsExactly("BID", "ASK");
        assertThat(book.get("ASK").get(0).get("price").decimalValue()).isEqualByComparingTo("0.0503");
        assertThat(book.get("ASK").get(0).get("amount").decimalValue()).isEqualByComparingTo("3");
        assertThat(book.get("ASK").get(1).get("price").decimalValue()).isEqualByComparingTo("0.0601");
        assertThat(book.get("BID").get(0).get("price").decimalValue()).isEqualByComparingTo("0.0402");
        assertThat(book.get("BID").get(1).get("amount").decimalValue()).isEqualByComparingTo("3");
        assertThat(exchange.publicGet("/v1/market/public/orderBooks?coinPair=BCH.ETH&depth=1").data().get("ASK"))
            .hasSize(1);

        final JsonNode tick = exchange.publicGet("/v1/market/public/currentTickValue?coinPair=BCH.ETH").data();
        assertThat(fieldNames(tick)).containsExactly("bid", "ask", "last", "volume", "open", "close", "high", "low");
        assertThat(tick.get("bid").decimalValue()).isEqualByComparingTo("0.0402");
        assertThat(tick.get("ask").decimalValue()).isEqualByComparingTo("0.0503");
        assertThat(tick.get("last").decimalValue()).isEqualByComparingTo("0.0503");
        assertThat(tick.get("volume").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(tick.get("high").decimalValue()).isEqualByComparingTo("0.0503");

        final JsonNode trades = exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH").data();
        assertThat(trades).hasSize(1);
        final JsonNode trade = trades.get(0);
        assertThat(fieldNames(trade)).containsExactly("transactionID", "market", "currency", "price", "amount",
            "totalValue", "orderSide", "createdAt", "createAt");
        assertThat(trade.get("transactionID").asText()).hasSize(14);
        assertThat(trade.get("totalValue").decimalValue()).isEqualByComparingTo("0.02515");
        assertThat(trade.get("orderSide").asText()).isEqualTo("BUY");
        assertThat(trade.get("createdAt").asLong()).isEqualTo(TestExchange.START_MS);
    }

    @Test
    void shouldListMarketTradesNewestFirstWithinTheRangeAndMax()
    {
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "10");
        for (int i = 0; i < 3; i++)
        {
            exchange.clock.advance(1_000);
            exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null,
                "coinPair=BCH.ETH&orderSide=BUY&quantity=1");
        }
        final JsonNode all = exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH").data();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("transactionID").asLong()).isGreaterThan(all.get(1).get("transactionID").asLong());

        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH&max=2").data()).hasSize(2);
        final long second = TestExchange.START_MS + 2_000;
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH&startTime=" + second +
            "&endTime=" + second).data()).hasSize(1);
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH&max=101").statusCode())
            .isEqualTo(4002);
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH&startTime=x").statusCode())
            .isEqualTo(4013);
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=NOPE.ETH").statusCode())
            .isEqualTo(4009);
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory").data()).hasSize(3);
    }

    @Test
    void shouldPlaceLimitOrderAndShowItInOpenOrdersAndOrderInfo()
    {
        final JsonNode placed = exchange.signedOk(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.0123&quantity=1.5");
        assertThat(fieldNames(placed)).containsExactly("orderID", "requestAt");
        final long orderId = placed.get("orderID").asLong();
        assertThat(Long.toString(orderId)).hasSize(14);
        assertThat(placed.get("requestAt").asLong()).isEqualTo(TestExchange.START_MS);

        final JsonNode open = exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "market=ETH&currency=BCH", null);
        assertThat(open).hasSize(1);
        assertThat(fieldNames(open.get(0))).containsExactly("orderID", "market", "currency", "orderType", "orderSide",
            "price", "requestAmount", "remainAmount", "status", "createdAt", "createAt", "completedAt");
        assertThat(open.get(0).get("status").asText()).isEqualTo("REQUEST");
        assertThat(open.get(0).get("completedAt").asLong()).isZero();

        final JsonNode info = exchange.order(maker, orderId);
        assertThat(fieldNames(info)).containsExactly("orderID", "market", "currency", "orderType", "orderSide",
            "price", "initialRequestAmount", "requestAmount", "remainAmount", "filledAmount",
            "reservedValue", "reserveRemainingValue", "makerFeeRate", "takerFeeRate", "enableLnFee",
            "makerLnFeeRate", "takerLnFeeRate", "status", "createdAt", "createAt", "completedAt", "averageFillPrice");
        assertThat(info.get("orderType").asText()).isEqualTo("LIMIT");
        assertThat(info.get("price").decimalValue()).isEqualByComparingTo("0.0123");
        assertThat(info.get("initialRequestAmount").decimalValue()).isEqualByComparingTo("1.5");
        // 1.5 x 0.0123 = 0.01845 ETH, plus 0.2 % (the higher fee rate) = 0.0000369
        assertThat(info.get("reservedValue").decimalValue()).isEqualByComparingTo("0.0184869");
        assertThat(info.get("makerFeeRate").decimalValue()).isEqualByComparingTo("0.001");
        assertThat(info.get("takerFeeRate").decimalValue()).isEqualByComparingTo("0.002");
        assertThat(info.get("enableLnFee").asBoolean()).isFalse();
        assertThat(exchange.available(maker, "ETH")).isEqualByComparingTo(new BigDecimal("100").subtract(
            new BigDecimal("0.0184869")));
    }

    @Test
    void shouldPlaceStopLimitOrderPendingUntilTriggered()
    {
        final long orderId = exchange.signedOk(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.06&stopPrice=0.055&quantity=1").get("orderID").asLong();

        final JsonNode info = exchange.order(maker, orderId);
        assertThat(info.get("orderType").asText()).isEqualTo("STOPLIMIT");
        assertThat(info.get("status").asText()).isEqualTo("PENDING");
        assertThat(info.get("stopPrice").decimalValue()).isEqualByComparingTo("0.055");
        final JsonNode open = exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "currency=BCH", null);
        assertThat(open.get(0).get("stopPrice").decimalValue()).isEqualByComparingTo("0.055");
        assertThat(exchange.publicGet("/v1/market/public/orderBooks?coinPair=BCH.ETH").data().get("BID")).isEmpty();
    }

    @Test
    void shouldFillMarketOrderAndShowAccountTradeHistory()
    {
        final long makerOrder = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        final long takerOrder = exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&quantity=0.5").get("orderID").asLong();

        final JsonNode takerInfo = exchange.order(taker, takerOrder);
        assertThat(takerInfo.get("orderType").asText()).isEqualTo("MARKET");
        assertThat(takerInfo.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(takerInfo.get("filledAmount").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(takerInfo.get("averageFillPrice").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(takerInfo.get("completedAt").asLong()).isEqualTo(TestExchange.START_MS);
        final JsonNode makerInfo = exchange.order(maker, makerOrder);
        assertThat(makerInfo.get("status").asText()).isEqualTo("PROCESS");
        assertThat(makerInfo.get("remainAmount").decimalValue()).isEqualByComparingTo("1.5");

        final JsonNode fills = exchange.signedOk(taker, "GET", "/v2/account/tradeHistory", "coinPair=BCH.ETH", null);
        assertThat(fills).hasSize(1);
        final JsonNode fill = fills.get(0);
        assertThat(fieldNames(fill)).containsExactly("transactionID", "orderID", "market", "currency", "price",
            "amount", "fee", "totalConsideration", "orderSide", "fillType", "createdAt", "createAt");
        assertThat(fill.get("orderID").asLong()).isEqualTo(takerOrder);
        assertThat(fill.get("fee").decimalValue()).isEqualByComparingTo("0.00005");
        assertThat(fill.get("totalConsideration").decimalValue()).isEqualByComparingTo("0.02505");
        assertThat(fill.get("fillType").asText()).isEqualTo("FULL");
        exchange.clock.advance(1_000);
        final JsonNode makerFill =
            exchange.signedOk(maker, "GET", "/v2/account/tradeHistory", "coinPair=BCH.ETH", null).get(0);
        assertThat(makerFill.get("fillType").asText()).isEqualTo("PARTIAL");
        assertThat(makerFill.get("orderSide").asText()).isEqualTo("SELL");
        assertThat(makerFill.get("fee").decimalValue()).isEqualByComparingTo("0.000025");

        exchange.clock.advance(1_000);
        assertThat(exchange.signed(taker, "GET", "/v2/account/tradeHistory",
            "startTime=0&endTime=" + (31L * 24 * 3600 * 1000), null).statusCode()).isEqualTo(4002);
        exchange.clock.advance(1_000);
        assertThat(exchange.signed(taker, "GET", "/v2/account/tradeHistory", "startTime=abc", null).statusCode())
            .isEqualTo(4013);
        exchange.clock.advance(1_000);
        assertThat(exchange.signed(taker, "GET", "/v2/account/tradeHistory", "startTime=" +
            (TestExchange.START_MS - 48 * 3600 * 1000L), null).data()).isEmpty();
    }

    @Test
    void shouldCancelOneOrder()
    {
        final long orderId = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");

        final JsonNode cancelled = exchange.signedOk(maker, "DELETE", "/v1/trade/orders/" + orderId, null, null);

        assertThat(fieldNames(cancelled)).containsExactly("orderID", "requestAt");
        assertThat(cancelled.get("orderID").asLong()).isEqualTo(orderId);
        final JsonNode info = exchange.order(maker, orderId);
        assertThat(info.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(info.get("requestAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(exchange.available(maker, "BCH")).isEqualByComparingTo("100");
        assertThat(exchange.signed(maker, "DELETE", "/v1/trade/orders/" + orderId, null, null).statusCode())
            .isEqualTo(3321);
        assertThat(exchange.signed(taker, "DELETE", "/v1/trade/orders/" + orderId, null, null).statusCode())
            .isEqualTo(3321);
        assertThat(exchange.signed(maker, "DELETE", "/v1/trade/orders/abc", null, null).statusCode())
            .isEqualTo(4002);
    }

    @Test
    void shouldListBalances()
    {
        final JsonNode balances = exchange.signedOk(maker, "GET", "/v1/account/balances", null, null);

        assertThat(balances).hasSize(3);
        assertThat(fieldNames(balances.get(0))).containsExactly("currency", "balance", "availableBalance");
        assertThat(balances.findValuesAsText("currency")).containsExactly("BCH", "ETH", "BTC");
        assertThat(balances.get(2).get("balance").decimalValue()).isEqualByComparingTo("0");
        final JsonNode one = exchange.signedOk(maker, "GET", "/v1/account/balances/ETH", null, null);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("balance").decimalValue()).isEqualByComparingTo("100");
        assertThat(exchange.signed(maker, "GET", "/v1/account/balances/XYZ", null, null).statusCode())
            .isEqualTo(4011);
    }

    @Test
    void shouldPageTransactionHistory()
    {
        exchange.adminOk("POST", "/admin/v1/accounts/" + maker.accountId() + "/withdrawals",
            "currency=ETH&amount=1.5&fee=0.01&address=0xabc");
        final JsonNode page = exchange.signedOk(maker, "GET", "/v1/account/transactionHistory",
            "currency=ETH&pageSize=1", null);

        assertThat(fieldNames(page)).containsExactly("number", "size", "totalPages", "numberOfElements",
            "totalElements", "previousPage", "first", "nextPage", "last", "content");
        assertThat(page.get("totalElements").asInt()).isEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("nextPage").asBoolean()).isTrue();
        final JsonNode withdrawal = page.get("content").get(0);
        assertThat(fieldNames(withdrawal)).containsExactly("date", "transferType", "amount", "fee", "total",
            "address", "tag", "status", "currency");
        assertThat(withdrawal.get("transferType").asText()).isEqualTo("WITHDRAW");
        assertThat(withdrawal.get("total").decimalValue()).isEqualByComparingTo("1.51");
        assertThat(withdrawal.get("address").asText()).isEqualTo("0xabc");

        final JsonNode deposits = exchange.signedOk(maker, "GET", "/v1/account/transactionHistory",
            "transferType=DEPOSIT&page=0", null);
        assertThat(deposits.get("totalElements").asInt()).isEqualTo(2);
        assertThat(exchange.signed(maker, "GET", "/v1/account/transactionHistory", "transferType=GIFT", null)
            .statusCode()).isEqualTo(4014);
        assertThat(exchange.signed(maker, "GET", "/v1/account/transactionHistory", "page=-1", null)
            .statusCode()).isEqualTo(4015);
        final JsonNode lastPossible = exchange.signedOk(maker, "GET", "/v1/account/transactionHistory",
            "page=2147483647", null);
        assertThat(lastPossible.get("number").asLong()).isEqualTo(Integer.MAX_VALUE);
        assertThat(lastPossible.get("nextPage").asBoolean()).isFalse();
        assertThat(lastPossible.get("last").asBoolean()).isTrue();
        assertThat(lastPossible.get("previousPage").asBoolean()).isTrue();
        assertThat(lastPossible.get("content")).isEmpty();
        assertThat(exchange.signed(maker, "GET", "/v1/account/transactionHistory", "page=2147483648", null)
            .statusCode()).isEqualTo(4015);
        assertThat(exchange.signed(maker, "GET", "/v1/account/transactionHistory", "pageSize=1001", null)
            .statusCode()).isEqualTo(4016);
        assertThat(exchange.signed(maker, "GET", "/v1/account/transactionHistory", "currency=XYZ", null)
            .statusCode()).isEqualTo(4011);
    }

    @Test
    void shouldValidateOpenOrdersParameters()
    {
        assertThat(exchange.signed(maker, "GET", "/v1/trade/openOrders", null, null).statusCode()).isEqualTo(4012);
        assertThat(exchange.signed(maker, "GET", "/v1/trade/openOrders", "market=XYZ", null).statusCode())
            .isEqualTo(4010);
        assertThat(exchange.signed(maker, "GET", "/v1/trade/openOrders", "currency=XYZ", null).statusCode())
            .isEqualTo(4011);
        assertThat(exchange.signed(maker, "GET", "/v1/trade/openOrders", "currency=BCH&max=0", null).statusCode())
            .isEqualTo(4002);
        for (int i = 0; i < 3; i++)
        {
            exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "1");
        }
        exchange.limitOrder(maker, "ETH.BTC", "SELL", "0.05", "1");
        final JsonNode two = exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "currency=BCH&max=2", null);
        assertThat(two).hasSize(2);
        assertThat(two.get(0).get("orderID").asLong()).isGreaterThan(two.get(1).get("orderID").asLong());
        assertThat(exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "market=ETH", null)).hasSize(3);
        assertThat(exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "currency=ETH", null)).hasSize(1);
    }

    @Test
    void shouldAnswerOrderRulesWithTheirCodes()
    {
        final String order = "/v1/trade/limitOrders";
        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=BCH.ETH&orderSide=BUY&price=0.05")
            .statusCode()).isEqualTo(4012);
        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=XX.ETH&orderSide=BUY&price=0.05&quantity=1")
            .statusCode()).isEqualTo(4009);
        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=BCH.ETH&orderSide=HOLD&price=0.05&quantity=1")
            .statusCode()).isEqualTo(4006);
        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=0")
            .statusCode()).isEqualTo(4007);
        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=BCH.ETH&orderSide=BUY&price=0&quantity=1")
            .statusCode()).isEqualTo(4008);
        assertThat(exchange.signed(maker, "POST", order, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.00001&quantity=1").statusCode()).isEqualTo(3204);
        assertThat(exchange.signed(maker, "POST", order, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1.00001").statusCode()).isEqualTo(3213);
        assertThat(exchange.signed(maker, "POST", order, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=100001").statusCode()).isEqualTo(3212);
        assertThat(exchange.signed(maker, "POST", order, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=10000").statusCode()).isEqualTo(3301);
        assertThat(exchange.signed(maker, "POST", order, null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.0001&quantity=0.0001").statusCode()).isEqualTo(3221);
        assertThat(exchange.signed(maker, "GET", "/v2/account/orders/12345678901234", null, null).statusCode())
            .isEqualTo(3321);
    }

    @Test
    void shouldAnswerPairLimitsWithTheirCodes()
    {
        exchange.adminOk("PUT", "/admin/v1/pairs/LTC.ETH", "minPrice=0.01&minPriceDecimal=4&minAmountDecimal=4" +
            "&tradeMinAmount=1&tradeMaxAmount=100&tradeMinVolume=0.0001&tradeMaxVolume=5&makerFeeRate=0&takerFeeRate=0");
        final String before = exchange.accountState(maker);
        final String order = "/v1/trade/limitOrders";

        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=LTC.ETH&orderSide=BUY&price=0.0099&quantity=2")
            .statusCode()).isEqualTo(3203);
        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=LTC.ETH&orderSide=BUY&price=0.05&quantity=0.5")
            .statusCode()).isEqualTo(3211);
        assertThat(exchange.signed(maker, "POST", order, null, "coinPair=LTC.ETH&orderSide=BUY&price=1&quantity=6")
            .statusCode()).isEqualTo(3222);
        assertThat(exchange.accountState(maker)).isEqualTo(before);
    }

    @Test
    void shouldAnswer3311BeyondTheOpenOrderLimit() throws Exception
    {
        try (TestExchange limited = new TestExchange(context -> context.engineConfiguration(
            dev.bourse.engine.EngineConfiguration.DEFAULT.withMaxOpenOrdersPerAccount(2))))
        {
            limited.createPair("BCH.ETH");
            final TestExchange.Trader trader = limited.trader();
            limited.deposit(trader, "BCH", "10");
            limited.limitOrder(trader, "BCH.ETH", "SELL", "0.05", "1");
            limited.limitOrder(trader, "BCH.ETH", "SELL", "0.05", "1");

            assertThat(limited.signed(trader, "POST", "/v1/trade/limitOrders", null,
                "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=1").statusCode()).isEqualTo(3311);
        }
    }

    @Test
    void shouldAnswerUnknownRoutesAndMethods()
    {
        assertThat(exchange.publicGet("/v1/nothing").statusCode()).isEqualTo(4000);
        assertThat(exchange.publicGet("/").statusCode()).isEqualTo(4000);
        assertThat(exchange.publicGet("/v1/public/time/").statusCode()).isEqualTo(4000);
        final TestExchange.Answer post = exchange.send(java.net.http.HttpRequest.newBuilder(
            exchange.publicUri("/v1/public/time")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(4017);
        assertThat(exchange.signed(maker, "PUT", "/v1/trade/limitOrders", null, null).statusCode()).isEqualTo(4017);
        assertThat(exchange.signed(maker, "PUT", "/v1/trade/openOrders", null, null).statusCode())
            .isEqualTo(4017);
        assertThat(exchange.publicGet("/admin/v1/accounts").statusCode()).isEqualTo(4000);
    }

    @Test
    void shouldServeOpenApiDocumentOnBothPorts() throws Exception
    {
        for (final java.net.URI uri : List.of(exchange.publicUri("/openapi.yaml"), exchange.adminUri("/openapi.yaml")))
        {
            final var response = exchange.http.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("openapi: 3").contains("/v1/trade/openOrders/{coinPair}")
                .contains("/admin/v1/pairs/{coinPair}");
        }
    }
}
