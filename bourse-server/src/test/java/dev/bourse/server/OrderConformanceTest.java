package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static dev.bourse.server.ExactJson.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 7 over real HTTP, orders: {@code quantity} and {@code price} in the exponent forms languages print for
 * doubles, openOrders and order information in the original's field order with {@code stopPrice} for STOPLIMIT
 * orders only, and {@code reservedValue} from {@code requestAmount}. Answers are compared byte for byte.
 */
class OrderConformanceTest
{
    private static final long T0 = TestExchange.START_MS;

    private TestExchange exchange;
    private TestExchange.Trader maker;
    private TestExchange.Trader taker;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        maker = exchange.fundedTrader("1000", "BCH", "ETH");
        taker = exchange.fundedTrader("1000", "BCH", "ETH");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    private long place(final TestExchange.Trader trader, final String form)
    {
        return exchange.signedOk(trader, "POST", "/v1/trade/limitOrders", null, form).get("orderID").asLong();
    }

    private void marketOrder(final TestExchange.Trader trader, final String side, final String quantity)
    {
        exchange.signedOk(trader, "POST", "/v1/trade/marketOrders", null,
            "coinPair=BCH.ETH&orderSide=" + side + "&quantity=" + quantity);
    }

    private void cancel(final TestExchange.Trader trader, final long orderId)
    {
        exchange.signedOk(trader, "DELETE", "/v1/trade/orders/" + orderId, null, null);
    }

    @ParameterizedTest(name = "price={0} quantity={1}")
    @CsvSource({
        "5E-2, 1e-01, 0.05, 0.1",
        "5e-02, 1.0E-1, 0.05, 0.1",
        "1.0E-2, 2.5E%2B1, 0.01, 25",
        "1.23e-2, 1E%2B2, 0.0123, 100",
        "0.5e-1, 12.5e0, 0.05, 12.5",
        "5E%2B2, 1.0E-4, 500, 0.0001"})
    void shouldTakeExponentFormsAsExactlyTheDecimalTheyDenote(final String price, final String quantity,
        final String shownPrice, final String shownQuantity)
    {
        final TestExchange.Answer answer = exchange.signed(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=SELL&price=" + price + "&quantity=" + quantity);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(1000);
        final TestExchange.Answer info = exchange.signed(maker, "GET",
            "/v2/account/orders/" + answer.data().get("orderID").asLong(), null, null);
        assertThat(info.data().get("price").decimalValue()).isEqualByComparingTo(shownPrice);
        assertThat(info.data().get("initialRequestAmount").decimalValue()).isEqualByComparingTo(shownQuantity);
        assertThat(info.body()).as("money stays plain decimal").doesNotContain("E-", "E+", "e-", "e+");
    }

    @Test
    void shouldTakeExponentFormsInMarketOrdersAndStopPrices()
    {
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "1");
        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&quantity=2.5E-1");
        final long stop = place(taker, "coinPair=BCH.ETH&orderSide=BUY&price=6.0E-2&stopPrice=5.5e-2&quantity=1e0");

        final JsonNode fill = exchange.signedOk(taker, "GET", "/v2/account/tradeHistory", null, null).get(0);
        assertThat(fill.get("amount").decimalValue()).isEqualByComparingTo("0.25");
        final JsonNode info = exchange.order(taker, stop);
        assertThat(info.get("stopPrice").decimalValue()).isEqualByComparingTo("0.055");
        assertThat(info.get("price").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(info.get("initialRequestAmount").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void shouldListOpenOrdersInTheExamplesFieldOrderWithStopPriceForStopLimitOnly()
    {
        place(maker, "coinPair=BCH.ETH&orderSide=BUY&price=0.0123&quantity=1.5");
        exchange.clock.advance(1_000);
        place(maker, "coinPair=BCH.ETH&orderSide=BUY&price=0.06&stopPrice=0.055&quantity=2");

        assertSuccess(exchange.signed(maker, "GET", "/v1/trade/openOrders", "currency=BCH", null), T0 + 1_000, """
            [{"orderID":10100000000002,"market":"ETH","currency":"BCH","orderType":"STOPLIMIT","orderSide":"BUY",
              "price":0.06,"stopPrice":0.055,"requestAmount":2,"remainAmount":2,"status":"PENDING",
              "createdAt":1700000001000,"createAt":1700000001000,"completedAt":0},
             {"orderID":10100000000001,"market":"ETH","currency":"BCH","orderType":"LIMIT","orderSide":"BUY",
              "price":0.0123,"requestAmount":1.5,"remainAmount":1.5,"status":"REQUEST",
              "createdAt":1700000000000,"createAt":1700000000000,"completedAt":0}]""");
    }

    @Test
    void shouldWriteOrderInformationWithoutStopPriceUnlessStopLimit()
    {
        final long limit = place(maker, "coinPair=BCH.ETH&orderSide=BUY&price=0.0123&quantity=1.5");
        final long stopLimit = place(maker, "coinPair=BCH.ETH&orderSide=BUY&price=0.06&stopPrice=0.055&quantity=2");

        // 1.5 x 0.0123 = 0.01845 ETH, plus 0.2 % (the higher fee rate) = 0.0000369
        assertSuccess(exchange.signed(maker, "GET", "/v2/account/orders/" + limit, null, null), T0, """
            {"orderID":10100000000001,"market":"ETH","currency":"BCH","orderType":"LIMIT","orderSide":"BUY",
             "price":0.0123,"initialRequestAmount":1.5,"requestAmount":1.5,"remainAmount":1.5,"filledAmount":0,
             "reservedValue":0.0184869,"reserveRemainingValue":0.0184869,"makerFeeRate":0.001,"takerFeeRate":0.002,
             "enableLnFee":false,"makerLnFeeRate":0,"takerLnFeeRate":0,"status":"REQUEST",
             "createdAt":1700000000000,"createAt":1700000000000,"completedAt":0,"averageFillPrice":0}""");
        // 2 x 0.06 = 0.12 ETH, plus 0.2 % = 0.00024
        assertSuccess(exchange.signed(maker, "GET", "/v2/account/orders/" + stopLimit, null, null), T0, """
            {"orderID":10100000000002,"market":"ETH","currency":"BCH","orderType":"STOPLIMIT","orderSide":"BUY",
             "price":0.06,"stopPrice":0.055,"initialRequestAmount":2,"requestAmount":2,"remainAmount":2,
             "filledAmount":0,"reservedValue":0.12024,"reserveRemainingValue":0.12024,"makerFeeRate":0.001,
             "takerFeeRate":0.002,"enableLnFee":false,"makerLnFeeRate":0,"takerLnFeeRate":0,"status":"PENDING",
             "createdAt":1700000000000,"createAt":1700000000000,"completedAt":0,"averageFillPrice":0}""");
    }

    @Test
    void shouldComputeReservedValueOfABuyFromRequestAmountAfterCancellation()
    {
        final long buy = place(maker, "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=2");
        marketOrder(taker, "SELL", "0.5");
        cancel(maker, buy);

        // requestAmount 0.5: 0.5 x 0.05 = 0.025 ETH, plus 0.2 % = 0.00005
        assertSuccess(exchange.signed(maker, "GET", "/v2/account/orders/" + buy, null, null), T0, """
            {"orderID":10100000000001,"market":"ETH","currency":"BCH","orderType":"LIMIT","orderSide":"BUY",
             "price":0.05,"initialRequestAmount":2,"requestAmount":0.5,"remainAmount":0,"filledAmount":0.5,
             "reservedValue":0.02505,"reserveRemainingValue":0,"makerFeeRate":0.001,"takerFeeRate":0.002,
             "enableLnFee":false,"makerLnFeeRate":0,"takerLnFeeRate":0,"status":"COMPLETE",
             "createdAt":1700000000000,"createAt":1700000000000,"completedAt":1700000000000,
             "averageFillPrice":0.05}""");
    }

    @Test
    void shouldComputeReservedValueOfASellAsItsRequestAmount()
    {
        final long sell = place(maker, "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=2");
        marketOrder(taker, "BUY", "0.75");
        cancel(maker, sell);

        final JsonNode info = exchange.order(maker, sell);
        assertThat(info.get("requestAmount").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(info.get("reservedValue").isNumber()).isTrue();
        assertThat(info.get("reservedValue").decimalValue()).isEqualByComparingTo("0.75");
    }

    @Test
    void shouldComputeReservedValueOfAWhollyCancelledOrderAsZero()
    {
        final long buy = place(maker, "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=2");
        cancel(maker, buy);

        final JsonNode info = exchange.order(maker, buy);
        assertThat(info.get("requestAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(info.get("reservedValue").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void shouldComputeReservedValueOfAMarketBuyAsWhatItsRequestAmountCost()
    {
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "0.2");
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.06", "0.1");
        final BigDecimal before = exchange.available(taker, "ETH");
        final long market = exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&quantity=0.5").get("orderID").asLong();

        // 0.3 filled (the rest cancelled): 0.2 x 0.05 + 0.1 x 0.06 = 0.016 ETH, plus the 0.2 % taker fee = 0.000032
        final JsonNode info = exchange.order(taker, market);
        assertThat(info.get("requestAmount").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(info.get("reservedValue").decimalValue()).isEqualByComparingTo("0.016032");
        assertThat(before.subtract(exchange.available(taker, "ETH"))).isEqualByComparingTo("0.016032");
    }

    @Test
    void shouldRoundTheFeeOfReservedValueUpAsTheEngineReserves()
    {
        final BigDecimal before = exchange.available(maker, "ETH");
        final long buy = place(maker, "coinPair=BCH.ETH&orderSide=BUY&price=0.1234&quantity=0.001");

        // 0.0001234 ETH, plus 0.2 % = 0.0000002468, rounded up to the Market's 8 decimals: 0.00000025
        final JsonNode info = exchange.order(maker, buy);
        assertThat(info.get("reservedValue").decimalValue()).isEqualByComparingTo("0.00012365");
        assertThat(before.subtract(exchange.available(maker, "ETH"))).isEqualByComparingTo("0.00012365");
    }
}
