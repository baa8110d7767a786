package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.server.stream.StreamConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resuming after a dropped connection: a client that reconnects and subscribes with the last place it received gets
 * exactly what a connection that never dropped got (nothing lost, nothing twice), book changes included; a place that
 * has left the window, or one from before a restart, is refused (7006) and the client starts afresh.
 */
class StreamResumeTest
{
    private static final String PAIR = "BTC.USDT";
    private static final String[] CHANNELS = {"orders", "fills", "balances", "trades:" + PAIR, "book:" + PAIR};

    private TestExchange exchange;

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    private void start(final UnaryOperator<StreamConfiguration> streams) throws Exception
    {
        exchange = new TestExchange(
            context -> context.streamConfiguration(streams.apply(context.streamConfiguration())));
        exchange.createPair(PAIR);
    }

    private static String subscribeAfter(final String place)
    {
        return "{\"op\":\"subscribe\",\"channels\":[\"" + String.join("\",\"", CHANNELS) + "\"],\"resumeAfter\":" +
            place + "}";
    }

    private void trade(final TestExchange.Trader trader, final TestExchange.Trader other, final Random random)
    {
        final String price = Integer.toString(95 + random.nextInt(10));
        final boolean buy = random.nextBoolean();
        exchange.limitOrder(random.nextBoolean() ? trader : other, PAIR, buy ? "BUY" : "SELL", price,
            "0." + (1 + random.nextInt(9)));
    }

    @Test
    void shouldResumeWithNothingLostAndNothingTwice() throws Exception
    {
        start(streams -> streams);
        final TestExchange.Trader trader = exchange.fundedTrader("100000", "BTC", "USDT");
        final TestExchange.Trader other = exchange.fundedTrader("100000", "BTC", "USDT");
        final Random random = new Random(7);
        try (StreamClient reference = new StreamClient(exchange.server.publicPort()).login(exchange, trader);
            StreamClient dropping = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            reference.subscribe(CHANNELS);
            dropping.subscribe(CHANNELS);
            final List<JsonNode> received = new ArrayList<>();
            StreamClient current = dropping;
            for (int round = 0; round < 4; round++)
            {
                for (int i = 0; i < 15; i++)
                {
                    trade(trader, other, random);
                }
                current.abort();
                current.takeReceived();
                received.addAll(current.streamMessages());
                final String place = current.lastPlace();
                for (int i = 0; i < 15; i++)
                {
                    trade(trader, other, random);
                }
                current = new StreamClient(exchange.server.publicPort()).login(exchange, trader);
                final JsonNode reply = current.request(subscribeAfter(place));
                assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("subscribed");
                assertThat(reply.path("resumed").asBoolean()).isTrue();
            }
            reference.ping();
            current.ping();
            received.addAll(current.streamMessages());
            current.close();

            final List<JsonNode> expected = reference.streamMessages();
            assertThat(expected).hasSizeGreaterThan(200);
            assertThat(received).as("the messages of the connection that dropped 4 times and resumed")
                .containsExactlyElementsOf(expected);
            final List<JsonNode> books = received.stream()
                .filter(message -> "book".equals(message.get("type").asText())).toList();
            for (int i = 1; i < books.size(); i++)
            {
                assertThat(books.get(i).get("prevSeq").asLong()).as("book messages chain across the drops")
                    .isEqualTo(books.get(i - 1).get("seq").asLong());
            }
        }
    }

    /**
     * An event loop with no connection is not woken for the stream and its cursor stays behind: the first connection
     * it takes must start from the newest message, not find the loop behind the window (which would close it, 4006).
     */
    @Test
    void shouldServeTheFirstConnectionNormallyAfterMoreThanAWindowWentByWithoutAny() throws Exception
    {
        start(streams -> streams.with("WindowMessages", "8"));
        final TestExchange.Trader trader = exchange.fundedTrader("100000", "BTC", "USDT");
        for (int i = 0; i < 20; i++)
        {
            exchange.limitOrder(trader, PAIR, "BUY", "90", "1");
        }
        for (int connection = 0; connection < 3; connection++)
        {
            try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
            {
                stream.subscribe("orders");
                final long orderId = exchange.limitOrder(trader, PAIR, "BUY", "91", "1");

                final List<JsonNode> messages = stream.ping();
                assertThat(messages).extracting(message -> message.get("order").get("orderID").asLong())
                    .as("connection %d got the new order and nothing older", connection).containsExactly(orderId);
                assertThat(stream.isClosed()).isFalse();
            }
            for (int i = 0; i < 20; i++)
            {
                exchange.limitOrder(trader, PAIR, "SELL", "110", "1");
            }
        }
    }

    @Test
    void shouldRefuseToResumeFromBeyondTheWindowOrAcrossARestart() throws Exception
    {
        start(streams -> streams.with("WindowMessages", "8"));
        final TestExchange.Trader trader = exchange.fundedTrader("100000", "BTC", "USDT");
        final String place;
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            stream.subscribe("orders");
            exchange.limitOrder(trader, PAIR, "BUY", "90", "1");
            stream.ping();
            place = stream.lastPlace();
        }
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            assertThat(stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders\"],\"resumeAfter\":" + place +
                "}").path("resumed").asBoolean()).as("within the window").isTrue();
        }
        for (int i = 0; i < 5; i++)
        {
            exchange.limitOrder(trader, PAIR, "BUY", "90", "1");
        }
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            final JsonNode refused = stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders\"],\"resumeAfter\":" +
                place + "}");
            assertThat(refused.path("code").asInt()).as("%s", refused).isEqualTo(7006);
            assertThat(refused.path("message").asText()).contains("resync from REST");
            final JsonNode ahead = stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders\"],\"resumeAfter\":" +
                "{\"seq\":1000000,\"idx\":0}}");
            assertThat(ahead.path("code").asInt()).as("a place ahead of the stream").isEqualTo(7006);
            stream.subscribe("orders");
        }
        exchange.restart();
        final long lastSequence = exchange.server.health().committedSequence();
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            final JsonNode refused = stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders\"],\"resumeAfter\":" +
                "{\"seq\":" + lastSequence + ",\"idx\":0}}");
            assertThat(refused.path("code").asInt()).as("the window does not survive a restart").isEqualTo(7006);
        }
    }
}
