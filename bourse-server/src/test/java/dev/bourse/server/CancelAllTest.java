package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DELETE /v1/trade/openOrders/{coinPair} end to end (spec section 5), and our extensions: without a pair (every
 * pair), with an orderSide.
 */
class CancelAllTest
{
    private static final String CANCEL_ALL = "/v1/trade/openOrders/BCH.ETH";

    private TestExchange exchange;
    private TestExchange.Trader maker;
    private TestExchange.Trader taker;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        exchange.createPair("ETH.BTC");
        maker = exchange.fundedTrader("1000", "BCH", "ETH", "BTC");
        taker = exchange.fundedTrader("1000", "BCH", "ETH", "BTC");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    private static List<Long> ids(final JsonNode cancelled)
    {
        final List<Long> ids = new ArrayList<>();
        cancelled.get("orderIDList").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    @Test
    void shouldCancelEveryOpenOrderOfTheCallerOnThePairAndNothingElse()
    {
        final long partlyFilled = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        final long resting = exchange.limitOrder(maker, "BCH.ETH", "BUY", "0.04", "1");
        final long stop = exchange.signedOk(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.06&stopPrice=0.07&quantity=1").get("orderID").asLong();
        final long otherPair = exchange.limitOrder(maker, "ETH.BTC", "SELL", "0.03", "1");
        final long otherAccount = exchange.limitOrder(taker, "BCH.ETH", "BUY", "0.03", "1");
        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null, "coinPair=BCH.ETH&orderSide=BUY&quantity=0.5");
        final BigDecimal bchBefore = exchange.available(maker, "BCH");
        final BigDecimal ethBefore = exchange.available(maker, "ETH");
        final BigDecimal sellReserve = exchange.order(maker, partlyFilled).get("reserveRemainingValue").decimalValue();
        final BigDecimal buyReserves = exchange.order(maker, resting).get("reserveRemainingValue").decimalValue()
            .add(exchange.order(maker, stop).get("reserveRemainingValue").decimalValue());
        final String takerBefore = exchange.accountState(taker);

        final JsonNode cancelled = exchange.signedOk(maker, "DELETE", CANCEL_ALL, null, null);

        assertThat(ids(cancelled)).containsExactlyInAnyOrder(partlyFilled, resting, stop);
        assertThat(cancelled.get("requestAt").asLong()).isEqualTo(TestExchange.START_MS);
        for (final long orderId : ids(cancelled))
        {
            final JsonNode order = exchange.order(maker, orderId);
            assertThat(order.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(order.get("remainAmount").decimalValue()).isEqualByComparingTo("0");
            assertThat(order.get("reserveRemainingValue").decimalValue()).isEqualByComparingTo("0");
            assertThat(order.get("requestAmount").decimalValue())
                .isEqualByComparingTo(order.get("filledAmount").decimalValue());
            assertThat(order.get("completedAt").asLong()).isEqualTo(TestExchange.START_MS);
        }
        assertThat(exchange.order(maker, partlyFilled).get("filledAmount").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(exchange.order(maker, partlyFilled).get("initialRequestAmount").decimalValue())
            .isEqualByComparingTo("2");
        assertThat(exchange.available(maker, "BCH")).isEqualByComparingTo(bchBefore.add(sellReserve));
        assertThat(exchange.available(maker, "ETH")).isEqualByComparingTo(ethBefore.add(buyReserves));
        assertThat(exchange.order(maker, otherPair).get("status").asText()).isEqualTo("REQUEST");
        assertThat(exchange.order(taker, otherAccount).get("status").asText()).isEqualTo("REQUEST");
        assertThat(exchange.accountState(taker)).isEqualTo(takerBefore);
        assertThat(exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "currency=BCH", null)).isEmpty();
        final JsonNode book = exchange.publicGet("/v1/market/public/orderBooks?coinPair=BCH.ETH").data();
        assertThat(book.get("ASK")).isEmpty();
        assertThat(book.get("BID")).hasSize(1);

        final long after = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "1");
        assertThat(exchange.order(maker, after).get("status").asText()).isEqualTo("REQUEST");
    }

    @Test
    void shouldAnswerAnEmptyListWhenNothingIsOpen()
    {
        final String before = exchange.accountState(maker);

        final JsonNode cancelled = exchange.signedOk(maker, "DELETE", CANCEL_ALL, null, null);

        assertThat(cancelled.get("orderIDList")).isEmpty();
        assertThat(exchange.accountState(maker)).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnUnknownPair()
    {
        assertThat(exchange.signed(maker, "DELETE", "/v1/trade/openOrders/XYZ.ETH", null, null).statusCode())
            .isEqualTo(4009);
    }

    @Test
    void shouldWorkWhileThePairIsCancelOnly()
    {
        final long open = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        final long single = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.06", "2");
        exchange.adminOk("PUT", "/admin/v1/pairs/BCH.ETH", "state=CANCEL_ONLY");

        assertThat(exchange.publicGet("/v1/market/public/coins/pairPolicy").data().get(0).get("trade").asBoolean())
            .isFalse();
        assertThat(exchange.signed(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=1").statusCode()).isEqualTo(3113);
        assertThat(exchange.signed(taker, "POST", "/v1/trade/marketOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&quantity=1").statusCode()).isEqualTo(3113);
        exchange.signedOk(maker, "DELETE", "/v1/trade/orders/" + single, null, null);
        final JsonNode cancelled = exchange.signedOk(maker, "DELETE", CANCEL_ALL, null, null);

        assertThat(ids(cancelled)).containsExactly(open);
        assertThat(exchange.order(maker, open).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(exchange.order(maker, single).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(exchange.available(maker, "BCH")).isEqualByComparingTo("1000");
        exchange.adminOk("PUT", "/admin/v1/pairs/BCH.ETH", "state=TRADING");
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "1");
    }

    @Test
    void shouldLeaveNoListedOrderTradingAfterTheResponseUnderConcurrentTakers() throws Exception
    {
        final int orders = 60;
        for (int i = 0; i < orders; i++)
        {
            exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "1");
        }
        final int takers = 3;
        final int ordersPerTaker = 40;
        final List<TestExchange.Trader> traders = new ArrayList<>();
        for (int i = 0; i < takers; i++)
        {
            final TestExchange.Trader trader = exchange.trader();
            exchange.deposit(trader, "ETH", "1000");
            traders.add(trader);
        }
        final CountDownLatch traded = new CountDownLatch(takers);
        final ExecutorService pool = Executors.newFixedThreadPool(takers);
        final List<Future<Integer>> done = new ArrayList<>();
        for (final TestExchange.Trader trader : traders)
        {
            done.add(pool.submit(() ->
            {
                int filled = 0;
                for (int i = 0; i < ordersPerTaker; i++)
                {
                    final JsonNode placed = exchange.signedOk(trader, "POST", "/v1/trade/marketOrders", null,
                        "coinPair=BCH.ETH&orderSide=BUY&quantity=0.1");
                    final JsonNode order = exchange.order(trader, placed.get("orderID").asLong());
                    filled += order.get("filledAmount").decimalValue().signum();
                    traded.countDown();
                }
                return filled;
            }));
        }
        assertThat(traded.await(30, TimeUnit.SECONDS)).isTrue();

        final JsonNode cancelled = exchange.signedOk(maker, "DELETE", CANCEL_ALL, null, null);
        final Map<Long, BigDecimal> filledAtResponse = new HashMap<>();
        for (final long orderId : ids(cancelled))
        {
            final JsonNode order = exchange.order(maker, orderId);
            assertThat(order.get("status").asText()).isEqualTo("COMPLETE");
            filledAtResponse.put(orderId, order.get("filledAmount").decimalValue());
        }
        int filledOrders = 0;
        for (final Future<Integer> taker : done)
        {
            filledOrders += taker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(filledOrders).isPositive();
        assertThat(ids(cancelled)).isNotEmpty();
        for (final Map.Entry<Long, BigDecimal> listed : filledAtResponse.entrySet())
        {
            final JsonNode order = exchange.order(maker, listed.getKey());
            assertThat(order.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(order.get("filledAmount").decimalValue()).isEqualByComparingTo(listed.getValue());
        }
        assertThat(exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "currency=BCH", null)).isEmpty();
        assertThat(exchange.publicGet("/v1/market/public/orderBooks?coinPair=BCH.ETH").data().get("ASK")).isEmpty();
    }

    @Test
    void shouldCancelEveryOpenOrderOfTheCallerOnEveryPairWithTheSameAnswer()
    {
        final long bch = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        final long eth = exchange.limitOrder(maker, "ETH.BTC", "BUY", "0.03", "1");
        final long stop = exchange.signedOk(maker, "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.06&stopPrice=0.07&quantity=1").get("orderID").asLong();
        final long otherAccount = exchange.limitOrder(taker, "ETH.BTC", "BUY", "0.03", "1");

        final TestExchange.Answer answer = exchange.signed(maker, "DELETE", "/v1/trade/openOrders", null, null);

        assertThat(answer.statusCode()).isEqualTo(1000);
        assertThat(answer.data().fieldNames()).toIterable().containsExactly("orderIDList", "requestAt");
        assertThat(ids(answer.data())).containsExactly(bch, eth, stop);
        for (final long orderId : List.of(bch, eth, stop))
        {
            assertThat(exchange.order(maker, orderId).get("status").asText()).isEqualTo("COMPLETE");
        }
        assertThat(exchange.available(maker, "BCH")).isEqualByComparingTo("1000");
        assertThat(exchange.available(maker, "ETH")).isEqualByComparingTo("1000");
        assertThat(exchange.available(maker, "BTC")).isEqualByComparingTo("1000");
        assertThat(exchange.order(taker, otherAccount).get("status").asText()).isEqualTo("REQUEST");
    }

    @Test
    void shouldCancelOnlyTheSideAskedOnOnePairOrEveryPair()
    {
        final long sell = exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        final long buy = exchange.limitOrder(maker, "BCH.ETH", "BUY", "0.04", "1");
        final long otherPairSell = exchange.limitOrder(maker, "ETH.BTC", "SELL", "0.05", "1");

        assertThat(ids(exchange.signedOk(maker, "DELETE", CANCEL_ALL, "orderSide=BUY", null))).containsExactly(buy);
        assertThat(exchange.order(maker, sell).get("status").asText()).isEqualTo("REQUEST");
        assertThat(ids(exchange.signedOk(maker, "DELETE", "/v1/trade/openOrders", null, "orderSide=SELL")))
            .containsExactly(sell, otherPairSell);
        assertThat(exchange.signedOk(maker, "GET", "/v1/trade/openOrders", "currency=BCH", null)).isEmpty();
    }

    @Test
    void shouldRefuseAnOrderSideOtherThanBuyOrSellWith4006AndChangeNothing()
    {
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        final String before = exchange.accountState(maker);
        for (final String side : new String[] {"buy", "BOTH", "SELL,BUY"})
        {
            assertThat(exchange.signed(maker, "DELETE", CANCEL_ALL, "orderSide=" + side, null).statusCode())
                .isEqualTo(4006);
            assertThat(exchange.signed(maker, "DELETE", "/v1/trade/openOrders", "orderSide=" + side, null)
                .statusCode()).isEqualTo(4006);
        }
        assertThat(exchange.accountState(maker)).isEqualTo(before);
    }
}
