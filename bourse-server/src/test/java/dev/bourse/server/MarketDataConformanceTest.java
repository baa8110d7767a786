package dev.bourse.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.bourse.server.ExactJson.assertFailure;
import static dev.bourse.server.ExactJson.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 7 over real HTTP, public market data: pairPolicy's {@code minPriceUnit} is a string (the Market), market
 * tradeHistory without {@code coinPair} answers every pair's trades newest first, and answers are written in the field
 * order of the original's examples. Answers are compared byte for byte.
 */
class MarketDataConformanceTest
{
    private static final long T0 = TestExchange.START_MS;
    private static final long DAY_MS = 24L * 3600 * 1000;

    private TestExchange exchange;
    private TestExchange.Trader maker;
    private TestExchange.Trader taker;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        exchange.createPair("ETH.BTC");
        exchange.createPair("LTC.BTC");
        maker = exchange.fundedTrader("1000", "BCH", "ETH", "BTC", "LTC");
        taker = exchange.fundedTrader("1000", "BCH", "ETH", "BTC", "LTC");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    /** One trade: the maker sells at the price, the taker buys the quantity at market. */
    private void trade(final String coinPair, final String price, final String quantity)
    {
        exchange.limitOrder(maker, coinPair, "SELL", price, quantity);
        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null,
            "coinPair=" + coinPair + "&orderSide=BUY&quantity=" + quantity);
    }

    private void tradeOnEveryPair()
    {
        trade("BCH.ETH", "0.05", "1");
        exchange.clock.advance(1_000);
        trade("ETH.BTC", "0.03", "2");
        exchange.clock.advance(1_000);
        trade("LTC.BTC", "0.002", "3");
        exchange.clock.advance(1_000);
        trade("BCH.ETH", "0.051", "0.5");
    }

    @Test
    void shouldWriteMinPriceUnitAsTheMarketsCodeInTheExamplesFieldOrder()
    {
        assertSuccess(exchange.publicGet("/v1/market/public/coins/pairPolicy"), T0, """
            [{"marketType":"ETH","coinType":"BCH","displayNameOfCoinInformation":"BCH.ETH","coinPairType":"ETH.BCH",
              "tradeMinAmount":0.0001,"minTradeAmount":0.0001,"tradeMaxAmount":100000,"maxTradeAmount":100000,
              "tradeMinVolume":0.0001,"minTradeVolume":0.0001,"tradeMaxVolume":10000000,"maxTradeVolume":10000000,
              "tradeMakerFeeRate":0.1,"tradeTakerFeeRate":0.2,"tradeFeeUnit":"ETH","minPrice":0.0001,
              "minPriceUnit":"ETH","minAmountDecimal":4,"minPriceDecimal":4,"trade":true},
             {"marketType":"BTC","coinType":"ETH","displayNameOfCoinInformation":"ETH.BTC","coinPairType":"BTC.ETH",
              "tradeMinAmount":0.0001,"minTradeAmount":0.0001,"tradeMaxAmount":100000,"maxTradeAmount":100000,
              "tradeMinVolume":0.0001,"minTradeVolume":0.0001,"tradeMaxVolume":10000000,"maxTradeVolume":10000000,
              "tradeMakerFeeRate":0.1,"tradeTakerFeeRate":0.2,"tradeFeeUnit":"BTC","minPrice":0.0001,
              "minPriceUnit":"BTC","minAmountDecimal":4,"minPriceDecimal":4,"trade":true},
             {"marketType":"BTC","coinType":"LTC","displayNameOfCoinInformation":"LTC.BTC","coinPairType":"BTC.LTC",
              "tradeMinAmount":0.0001,"minTradeAmount":0.0001,"tradeMaxAmount":100000,"maxTradeAmount":100000,
              "tradeMinVolume":0.0001,"minTradeVolume":0.0001,"tradeMaxVolume":10000000,"maxTradeVolume":10000000,
              "tradeMakerFeeRate":0.1,"tradeTakerFeeRate":0.2,"tradeFeeUnit":"BTC","minPrice":0.0001,
              "minPriceUnit":"BTC","minAmountDecimal":4,"minPriceDecimal":4,"trade":true}]""");
    }

    @Test
    void shouldAnswerEveryPairsTradesNewestFirstWithoutCoinPair()
    {
        tradeOnEveryPair();

        assertSuccess(exchange.publicGet("/v1/market/public/tradeHistory"), T0 + 3_000, """
            [{"transactionID":20100000000004,"market":"ETH","currency":"BCH","price":0.051,"amount":0.5,
              "totalValue":0.0255,"orderSide":"BUY","createdAt":1700000003000,"createAt":1700000003000},
             {"transactionID":20100000000003,"market":"BTC","currency":"LTC","price":0.002,"amount":3,
              "totalValue":0.006,"orderSide":"BUY","createdAt":1700000002000,"createAt":1700000002000},
             {"transactionID":20100000000002,"market":"BTC","currency":"ETH","price":0.03,"amount":2,
              "totalValue":0.06,"orderSide":"BUY","createdAt":1700000001000,"createAt":1700000001000},
             {"transactionID":20100000000001,"market":"ETH","currency":"BCH","price":0.05,"amount":1,
              "totalValue":0.05,"orderSide":"BUY","createdAt":1700000000000,"createAt":1700000000000}]""");
    }

    @Test
    void shouldKeepMaxAndTheTimeRangeAcrossPairs()
    {
        tradeOnEveryPair();

        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?max=2").data().findValuesAsText("transactionID"))
            .containsExactly("20100000000004", "20100000000003");
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?max=1").data().findValuesAsText("transactionID"))
            .containsExactly("20100000000004");
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?startTime=" + (T0 + 1_000) + "&endTime=" +
            (T0 + 2_000)).data().findValuesAsText("transactionID"))
            .containsExactly("20100000000003", "20100000000002");
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH").data()
            .findValuesAsText("transactionID")).containsExactly("20100000000004", "20100000000001");
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?max=101").statusCode()).isEqualTo(4002);
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?max=0").statusCode()).isEqualTo(4002);
        assertFailure(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.XYZ"), T0 + 3_000, 4009,
            "Invalid ‘coinPair’");
    }

    @Test
    void shouldAnswerOnlyTheLastThreeMonthsAcrossPairs()
    {
        trade("BCH.ETH", "0.05", "1");
        exchange.clock.advance(93 * DAY_MS);
        trade("ETH.BTC", "0.03", "2");

        assertThat(exchange.publicGet("/v1/market/public/tradeHistory").data().findValuesAsText("transactionID"))
            .containsExactly("20100000000002");
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?startTime=0").data()
            .findValuesAsText("transactionID")).containsExactly("20100000000002");
        assertThat(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=BCH.ETH&startTime=0").data())
            .isEmpty();
    }

    @Test
    void shouldAnswerAnEmptyListWithoutTrades()
    {
        assertSuccess(exchange.publicGet("/v1/market/public/tradeHistory"), T0, "[]");
    }

    @Test
    void shouldWriteTickerAndBookInTheExamplesFieldOrder()
    {
        trade("BCH.ETH", "0.05", "1");
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.06", "2");
        exchange.limitOrder(maker, "BCH.ETH", "BUY", "0.04", "1.5");

        assertSuccess(exchange.publicGet("/v1/market/public/currentTickValue?coinPair=BCH.ETH"), T0, """
            {"bid":0.04,"ask":0.06,"last":0.05,"volume":1,"open":0.05,"close":0.05,"high":0.05,"low":0.05}""");
        assertSuccess(exchange.publicGet("/v1/market/public/orderBooks?coinPair=BCH.ETH"), T0, """
            {"BID":[{"price":0.04,"amount":1.5}],"ASK":[{"price":0.06,"amount":2}]}""");
    }
}
