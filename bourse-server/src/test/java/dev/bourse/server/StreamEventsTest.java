package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of stream message over a real WebSocket against a real server: order changes (accepted, partially filled,
 * filled, triggered, cancelled by the owner, by a cancel-all with its whole ID list, and what a market order could
 * not fill), fills with fees, balances, trades, book snapshot and changes, ticker. Each order message carries exactly
 * what {@code GET /v2/account/orders/{id}} shows after the command.
 */
class StreamEventsTest
{
    private static final String PAIR = "BTC.USDT";

    private TestExchange exchange;
    private TestExchange.Trader maker;
    private TestExchange.Trader taker;
    private StreamClient stream;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair(PAIR);
        maker = exchange.fundedTrader("1000", "BTC", "USDT");
        taker = exchange.fundedTrader("1000", "BTC", "USDT");
        stream = new StreamClient(exchange.server.publicPort()).login(exchange, maker);
    }

    @AfterEach
    void tearDown() throws Exception
    {
        stream.close();
        exchange.close();
    }

    private static Predicate<JsonNode> type(final String type)
    {
        return message -> type.equals(message.path("type").asText());
    }

    private static List<JsonNode> ofType(final List<JsonNode> messages, final String type)
    {
        return messages.stream().filter(type(type)).toList();
    }

    private void assertOrderAsRestShowsIt(final JsonNode orderMessage)
    {
        final JsonNode order = orderMessage.get("order");
        assertThat(order).isEqualTo(exchange.order(maker, order.get("orderID").asLong()));
    }

    @Test
    void shouldStreamEveryKindOfEventOfTheAccountAndThePair() throws Exception
    {
        stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders\",\"fills\",\"balances\",\"trades:" + PAIR +
            "\",\"book:" + PAIR + "\",\"ticker:" + PAIR + "\"]}");
        final JsonNode snapshot = stream.expect("bookSnapshot");
        assertThat(snapshot.get("BID")).isEmpty();
        assertThat(snapshot.get("ASK")).isEmpty();
        final JsonNode tickerSnapshot = stream.expect("tickerSnapshot");
        assertThat(tickerSnapshot.get("ticker"))
            .isEqualTo(exchange.publicGet("/v1/market/public/currentTickValue?coinPair=" + PAIR).data());

        final long sell = exchange.limitOrder(maker, PAIR, "SELL", "100", "1");
        List<JsonNode> messages = stream.ping();
        assertThat(messages).extracting(message -> message.get("type").asText())
            .containsExactly("order", "balance", "book", "ticker");
        assertThat(messages.get(0).get("event").asText()).isEqualTo("ACCEPTED");
        assertOrderAsRestShowsIt(messages.get(0));
        assertThat(messages.get(1).get("balance").get("currency").asText()).isEqualTo("BTC");
        assertThat(messages.get(1).get("balance").get("availableBalance").decimalValue()).isEqualByComparingTo("999");
        assertThat(messages.get(2).get("ASK").get(0).get("amount").decimalValue()).isEqualByComparingTo("1");
        assertThat(messages.get(2).get("prevSeq").asLong()).isEqualTo(snapshot.get("seq").asLong());
        assertThat(messages.get(3).get("ticker").get("ask").decimalValue()).isEqualByComparingTo("100");
        final long sequence = messages.get(0).get("seq").asLong();
        assertThat(messages).allSatisfy(message -> assertThat(message.get("seq").asLong()).isEqualTo(sequence));
        assertThat(messages).extracting(message -> message.get("idx").asInt()).containsExactly(0, 1, 2, 3);

        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null, "coinPair=" + PAIR +
            "&orderSide=BUY&quantity=0.4");
        messages = stream.ping();
        final JsonNode partial = ofType(messages, "order").getFirst();
        assertThat(partial.get("event").asText()).isEqualTo("PARTIALLY_FILLED");
        assertOrderAsRestShowsIt(partial);
        final JsonNode fill = ofType(messages, "fill").getFirst();
        assertThat(fill.get("maker").asBoolean()).isTrue();
        assertThat(fill.get("fill")).isIn(exchange.signedOk(maker, "GET", "/v2/account/tradeHistory", null, null));
        assertThat(fill.get("fill").get("fee").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(ofType(messages, "balance")).hasSize(2);
        final JsonNode trade = ofType(messages, "trade").getFirst();
        assertThat(trade.get("trade"))
            .isEqualTo(exchange.publicGet("/v1/market/public/tradeHistory?coinPair=" + PAIR).data().get(0));
        assertThat(ofType(messages, "book").getFirst().get("ASK").get(0).get("amount").decimalValue())
            .isEqualByComparingTo("0.6");
        assertThat(ofType(messages, "ticker").getFirst().get("ticker").get("last").decimalValue())
            .isEqualByComparingTo("100");

        exchange.signedOk(maker, "DELETE", "/v1/trade/orders/" + sell, null, null);
        messages = stream.ping();
        final JsonNode cancelled = ofType(messages, "order").getFirst();
        assertThat(cancelled.get("event").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reason").asText()).isEqualTo("USER");
        assertOrderAsRestShowsIt(cancelled);
        assertThat(ofType(messages, "book").getFirst().get("ASK").get(0).get("amount").decimalValue()).isZero();

        final long buy = exchange.limitOrder(maker, PAIR, "BUY", "90", "1");
        final long stop = exchange.signedOk(maker, "POST", "/v1/trade/limitOrders", null, "coinPair=" + PAIR +
            "&orderSide=SELL&price=95&stopPrice=90&quantity=0.1").get("orderID").asLong();
        stream.ping();
        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null, "coinPair=" + PAIR +
            "&orderSide=SELL&quantity=0.5");
        messages = stream.ping();
        assertThat(ofType(messages, "order")).extracting(message -> message.get("event").asText())
            .containsExactly("PARTIALLY_FILLED", "TRIGGERED");
        assertThat(ofType(messages, "order").get(1).get("order").get("orderID").asLong()).isEqualTo(stop);
        assertOrderAsRestShowsIt(ofType(messages, "order").get(1));

        final JsonNode cancelAll = exchange.signedOk(maker, "DELETE", "/v1/trade/openOrders/" + PAIR, null, null);
        messages = stream.ping();
        final JsonNode cancelAllMessage = ofType(messages, "cancelAll").getFirst();
        assertThat(cancelAllMessage.get("orderIDList")).isEqualTo(cancelAll.get("orderIDList"));
        assertThat(cancelAllMessage.get("orderIDList")).extracting(JsonNode::asLong).containsExactly(buy, stop);
        final List<JsonNode> cancelledByAll = ofType(messages, "order");
        assertThat(cancelledByAll).hasSize(2).allSatisfy(order ->
        {
            assertThat(order.get("event").asText()).isEqualTo("CANCELLED");
            assertThat(order.get("reason").asText()).isEqualTo("CANCEL_ALL");
            assertThat(order.get("seq")).isEqualTo(cancelAllMessage.get("seq"));
            assertOrderAsRestShowsIt(order);
        });
        assertThat(cancelAllMessage.get("idx").asInt()).isLessThan(cancelledByAll.getFirst().get("idx").asInt());

        final long market = exchange.signedOk(maker, "POST", "/v1/trade/marketOrders", null, "coinPair=" + PAIR +
            "&orderSide=BUY&quantity=1").get("orderID").asLong();
        messages = ofType(stream.ping(), "order");
        assertThat(messages).extracting(message -> message.get("event").asText())
            .containsExactly("ACCEPTED", "CANCELLED");
        assertThat(messages.get(1).get("reason").asText()).isEqualTo("UNFILLED_MARKET");
        assertThat(messages.get(1).get("order").get("orderID").asLong()).isEqualTo(market);
        assertOrderAsRestShowsIt(messages.get(1));
    }

    @Test
    void shouldSendAnEventOnlyToTheAccountThatOwnsIt() throws Exception
    {
        stream.subscribe("orders", "fills", "balances");
        final StreamClient other = new StreamClient(exchange.server.publicPort()).login(exchange, taker)
            .subscribe("orders");
        try
        {
            exchange.limitOrder(taker, PAIR, "SELL", "100", "1");
            final long own = exchange.limitOrder(maker, PAIR, "SELL", "101", "1");

            final List<JsonNode> messages = stream.ping();
            assertThat(ofType(messages, "order")).hasSize(1)
                .allSatisfy(order -> assertThat(order.get("order").get("orderID").asLong()).isEqualTo(own));
            assertThat(ofType(other.ping(), "order")).hasSize(1);
        }
        finally
        {
            other.close();
        }
    }
}
