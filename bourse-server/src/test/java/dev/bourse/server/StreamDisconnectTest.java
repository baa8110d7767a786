package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.server.stream.StreamConfiguration;
import dev.bourse.server.stream.StreamStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How connections end: cancel-on-disconnect when a client stops answering pings, or closes, for every pair or for the
 * pairs it named (and nothing without it); a consumer too slow to take its messages is closed (4001) before its
 * unsent messages pass the bound, and what they held is released.
 */
class StreamDisconnectTest
{
    private static final String PAIR = "BTC.USDT";
    private static final String OTHER_PAIR = "ETH.USDT";
    private static final int SEND_BUFFER = 65_536;

    private TestExchange exchange;
    private TestExchange.Trader trader;

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
        exchange.createPair(OTHER_PAIR);
        trader = exchange.fundedTrader("100000", "BTC", "ETH", "USDT");
    }

    private StreamStats stats()
    {
        return exchange.server.streamStats();
    }

    private int openOrders(final String coinPair)
    {
        final String currency = coinPair.substring(0, coinPair.indexOf('.'));
        return exchange.signedOk(trader, "GET", "/v1/trade/openOrders", "currency=" + currency, null).size();
    }

    private void placeOrders()
    {
        exchange.limitOrder(trader, PAIR, "BUY", "90", "1");
        exchange.limitOrder(trader, PAIR, "SELL", "110", "1");
        exchange.limitOrder(trader, OTHER_PAIR, "BUY", "9", "1");
    }

    @Test
    void shouldCancelEveryPairWhenTheClientMissesItsHeartbeats() throws Exception
    {
        start(streams -> streams.with("PingIntervalMs", "100").with("HeartbeatTimeoutMs", "600"));
        try (RawWebSocket silent = new RawWebSocket(exchange.server.publicPort(), 0))
        {
            assertThat(silent.readText()).contains("\"welcome\"").contains("\"heartbeatTimeoutMs\":600");
            silent.sendText(StreamClient.loginRequest(exchange, trader));
            assertThat(silent.readText()).contains("\"loggedIn\"");
            silent.sendText("{\"op\":\"cancelOnDisconnect\",\"enabled\":true}");
            assertThat(silent.readText()).isEqualTo("{\"type\":\"cancelOnDisconnect\",\"enabled\":true}");
            placeOrders();
            assertThat(openOrders(PAIR) + openOrders(OTHER_PAIR)).isEqualTo(3);

            StreamClient.await("the silent client's orders are cancelled",
                () -> openOrders(PAIR) == 0 && openOrders(OTHER_PAIR) == 0);
            assertThat(stats().closedMissedHeartbeats()).isEqualTo(1);
            assertThat(stats().cancelOnDisconnectCommands()).as("one cancel-all per pair").isEqualTo(2);
            assertThat(silent.readUntilClose().closeCode()).isEqualTo(4002);
        }
    }

    @Test
    void shouldCancelOnlyTheNamedPairsWhenTheConnectionDrops() throws Exception
    {
        start(streams -> streams);
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            final JsonNode reply =
                stream.request("{\"op\":\"cancelOnDisconnect\",\"enabled\":true,\"pairs\":[\"" + PAIR + "\"]}");
            assertThat(reply.get("pairs")).extracting(JsonNode::asText).containsExactly(PAIR);
            placeOrders();
            stream.abort();
        }
        StreamClient.await("the orders on " + PAIR + " are cancelled", () -> openOrders(PAIR) == 0);
        assertThat(openOrders(OTHER_PAIR)).isEqualTo(1);
        assertThat(stats().cancelOnDisconnectCommands()).isEqualTo(1);
    }

    @Test
    void shouldCancelWhenACleanShutdownClosesTheConnection() throws Exception
    {
        start(streams -> streams);
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            stream.request("{\"op\":\"cancelOnDisconnect\",\"enabled\":true}");
            placeOrders();
            exchange.restart();
            assertThat(stream.awaitClose()).isEqualTo(new StreamClient.Closed(1001, "the server is shutting down"));
        }
        assertThat(openOrders(PAIR) + openOrders(OTHER_PAIR)).as("cancelled before the engine stopped").isZero();
    }

    @Test
    void shouldCancelNothingWhenCancelOnDisconnectWasTurnedOff() throws Exception
    {
        start(streams -> streams);
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            stream.request("{\"op\":\"cancelOnDisconnect\",\"enabled\":true}");
            assertThat(stream.request("{\"op\":\"cancelOnDisconnect\",\"enabled\":false}").get("enabled").asBoolean())
                .isFalse();
            placeOrders();
        }
        StreamClient.await("the connection is gone", () -> stats().openConnections() == 0);
        assertThat(openOrders(PAIR) + openOrders(OTHER_PAIR)).isEqualTo(3);
        assertThat(stats().cancelOnDisconnectCommands()).isZero();
    }

    @Test
    void shouldCloseAConsumerTooSlowToTakeItsMessagesWithoutGrowingTheServersMemory() throws Exception
    {
        start(streams -> streams.with("SendBufferBytes", Integer.toString(SEND_BUFFER))
            .with("MaxRequestsPerSecond", "100000"));
        for (int i = 0; i < 400; i++)
        {
            exchange.limitOrder(trader, PAIR, "BUY", Integer.toString(1_000 + i), "0.01");
        }
        final String subscribe = "{\"op\":\"subscribe\",\"channels\":[\"book:" + PAIR + "\"]}";
        final String unsubscribe = "{\"op\":\"unsubscribe\",\"channels\":[\"book:" + PAIR + "\"]}";
        try (RawWebSocket slow = new RawWebSocket(exchange.server.publicPort(), 4_096))
        {
            // each snapshot holds 400 levels: about 16,000 characters; 1,000 of them are 16 MB the client never reads
            for (int i = 0; i < 1_000 && stats().closedSlowConsumers() == 0; i++)
            {
                slow.sendText(subscribe);
                slow.sendText(unsubscribe);
            }
            StreamClient.await("the slow consumer is closed", () -> stats().closedSlowConsumers() == 1);
            assertThat(stats().maxPendingCharsOfOneConnection()).as("unsent characters never passed the bound")
                .isLessThanOrEqualTo(SEND_BUFFER);
            final RawWebSocket.Frame close = slow.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(4001);
            assertThat(close.closeReason()).startsWith("too slow: ");
        }
        StreamClient.await("the slow consumer's buffers are released",
            () -> stats().openConnections() == 0 && stats().pendingChars() == 0);
    }
}
