package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.protocol.RequestSigner;
import dev.bourse.server.stream.StreamConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client may get wrong, and the bounds: bad logins, bad JSON, unknown operations and channels, oversized
 * messages get the documented error (or close code) and change nothing (nothing journaled, the connection's login and
 * subscriptions as they were); a revoked key's connections are closed; the caps on connections and subscriptions per
 * address and per key hold.
 */
class StreamProtocolTest
{
    private static final String PAIR = "BTC.USDT";

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

    private long committed()
    {
        return exchange.server.health().committedSequence();
    }

    private static void assertError(final JsonNode reply, final int code, final String message)
    {
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("error");
        assertThat(reply.path("code").asInt()).as("%s", reply).isEqualTo(code);
        assertThat(reply.path("message").asText()).as("%s", reply).contains(message);
    }

    private String login(final TestExchange.Trader trader, final long timestampMs, final String nonce,
        final String secret)
    {
        final String timestamp = Long.toString(timestampMs);
        final String signature = RequestSigner.sign(secret.getBytes(StandardCharsets.UTF_8), nonce, timestamp, "GET",
            "/v1/ws", "", new byte[0]);
        return "{\"op\":\"login\",\"apiKey\":\"" + trader.apiKey() + "\",\"timestamp\":" + timestamp +
            ",\"nonce\":\"" + nonce + "\",\"signature\":\"" + signature + "\"}";
    }

    @Test
    void shouldRefuseBadLoginsWithTheRestCodesAndChangeNothing() throws Exception
    {
        start(streams -> streams);
        final TestExchange.Trader trader = exchange.fundedTrader("10", "BTC");
        final long before = committed();
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()))
        {
            final long now = exchange.clock.time();
            assertError(stream.request(login(trader, now, exchange.nextNonce(), "not the secret")), 4003,
                "Invalid signature");
            assertError(stream.request("{\"op\":\"login\",\"apiKey\":\"" + trader.apiKey() + "\"}"), 4001, "missing");
            assertError(stream.request(login(trader, now, "123", trader.secret())), 4018, "NONCE");
            assertError(stream.request(login(trader, now - 60_000, exchange.nextNonce(), trader.secret())), 6005,
                "timestamp");
            assertError(stream.request(login(new TestExchange.Trader(0, "unknownKey", "x"), now, exchange.nextNonce(),
                "x")), 6001, "Unregistered");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders\"]}"), 7003, "log in");
            assertError(stream.request("{\"op\":\"cancelOnDisconnect\",\"enabled\":true}"), 7003, "log in");

            final String valid = login(trader, now, exchange.nextNonce(), trader.secret());
            assertThat(stream.request(valid).path("type").asText()).isEqualTo("loggedIn");
            assertError(stream.request(valid), 7004, "logged in already");
            try (StreamClient replay = new StreamClient(exchange.server.publicPort()))
            {
                assertError(replay.request(valid), 4005, "Duplicate");
            }
            assertThat(committed()).isEqualTo(before);
        }
    }

    @Test
    void shouldRefuseMalformedRequestsAndKeepTheConnectionAsItWas() throws Exception
    {
        start(streams -> streams.with("MaxRequestsPerSecond", "1000"));
        final TestExchange.Trader trader = exchange.fundedTrader("10", "BTC");
        final long before = committed();
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader))
        {
            stream.subscribe("orders");
            stream.send("{\"op\":");
            assertError(stream.expect("error"), 7000, "not valid JSON");
            stream.send("[\"op\",\"ping\"]");
            assertError(stream.expect("error"), 7000, "JSON object");
            stream.send("{\"op\":\"ping\"} {\"op\":\"ping\"}");
            assertError(stream.expect("error"), 7000, "one JSON object");
            stream.send("{\"op\":\"ping\",\"op\":\"ping\"}");
            assertError(stream.expect("error"), 7000, "twice");
            assertError(stream.request("{\"op\":\"subscribe\",\"chanels\":[\"orders\"]}"), 7007,
                "unknown field chanels");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":\"orders\"}"), 7007, "array of strings");
            assertError(stream.request("{\"op\":\"subscribe\"}"), 7007, "channels is required");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders\"],\"resumeAfter\":{\"seq\":-1}}"),
                7007, "resumeAfter");
            assertError(stream.request("{\"op\":\"susbcribe\",\"channels\":[\"orders\"]}"), 7001, "unknown op");
            assertError(stream.request("{\"channels\":[\"orders\"]}"), 7007, "op is required");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":[\"order\"]}"), 7002, "unknown channel");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":[\"trades\"]}"), 7002, "unknown channel");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":[\"orders:" + PAIR + "\"]}"), 7002,
                "unknown channel");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":[\"book:DOGE.USDT\"]}"), 4009, "coinPair");
            assertError(stream.request("{\"op\":\"cancelOnDisconnect\",\"enabled\":true,\"pairs\":[\"X.Y\"]}"), 4009,
                "coinPair");
            assertError(stream.request("{\"op\":\"subscribe\",\"channels\":[\"fills\"],\"resumeAfter\":" +
                "{\"seq\":1,\"idx\":0}}"), 7007, "first subscription");
            stream.send("{\"op\":\"ping\",\"id\":1.5}");
            assertError(stream.expect("error"), 7007, "id must be");

            final long orderId = exchange.limitOrder(trader, PAIR, "SELL", "100", "1");
            final List<JsonNode> messages = stream.ping();
            assertThat(messages).extracting(message -> message.get("type").asText()).containsExactly("order");
            assertThat(messages.getFirst().get("order").get("orderID").asLong()).isEqualTo(orderId);
            assertThat(committed()).isEqualTo(before + 1);
        }
    }

    @Test
    void shouldRefuseMessagesBeyondTheConnectionsRateAndGoOn() throws Exception
    {
        start(streams -> streams.with("MaxRequestsPerSecond", "3"));
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()))
        {
            for (int i = 0; i < 20; i++)
            {
                stream.send(i % 2 == 0 ? "{\"op\":\"ping\"}" : "not json");
            }
            final JsonNode refused = stream.next(message -> message.path("code").asInt() == 6004);
            assertThat(refused.has("id")).isFalse();
            assertThat(refused.path("message").asText()).isEqualTo("API RPS limit exceeded");
            assertThat(stream.isClosed()).isFalse();
        }
    }

    @Test
    void shouldRefuseBinaryMessagesAndCloseOnOversizedOnes() throws Exception
    {
        start(streams -> streams);
        final long before = committed();
        try (RawWebSocket raw = new RawWebSocket(exchange.server.publicPort(), 0))
        {
            assertThat(raw.readText()).contains("\"welcome\"");
            raw.sendFrame(RawWebSocket.BINARY, new byte[] {1, 2, 3});
            assertThat(raw.readText()).contains("\"code\":7000").contains("binary messages are not accepted");
            raw.sendText("{\"op\":\"ping\",\"id\":\"" + "x".repeat(5_000) + "\"}");
            assertThat(raw.readText()).contains("\"code\":7008").contains("at most 4096 bytes");
            final RawWebSocket.Frame close = raw.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(close.closeReason()).isEqualTo("message too large");
        }
        try (RawWebSocket raw = new RawWebSocket(exchange.server.publicPort(), 0))
        {
            assertThat(raw.readText()).contains("\"welcome\"");
            raw.sendText("x".repeat(100_000));
            assertThat(closeCodeOrEndOfStream(raw)).as("a frame over the server's frame limit").isIn(1009, -1);
        }
        StreamClient.await("both connections are gone", () -> exchange.server.streamStats().openConnections() == 0);
        assertThat(committed()).isEqualTo(before);
    }

    /** @return the close code, or -1 when the connection ended (or was reset) without a close frame. */
    private static int closeCodeOrEndOfStream(final RawWebSocket raw)
    {
        try
        {
            return raw.readUntilClose().closeCode();
        }
        catch (final java.io.IOException ex)
        {
            return -1;
        }
    }

    @Test
    void shouldCloseTheConnectionsOfARevokedKey() throws Exception
    {
        start(streams -> streams);
        final TestExchange.Trader trader = exchange.fundedTrader("10", "BTC");
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()).login(exchange, trader);
            StreamClient anonymous = new StreamClient(exchange.server.publicPort()))
        {
            stream.subscribe("orders");
            anonymous.subscribe("trades:" + PAIR);
            exchange.adminOk("DELETE", "/admin/v1/apiKeys/" + trader.apiKey(), null);

            assertThat(stream.awaitClose()).isEqualTo(new StreamClient.Closed(4003, "the API key was revoked"));
            anonymous.ping();
            assertThat(anonymous.isClosed()).isFalse();
            try (StreamClient again = new StreamClient(exchange.server.publicPort()))
            {
                assertError(again.request(StreamClient.loginRequest(exchange, trader)), 6002, "Invalid API KEY");
            }
        }
    }

    @Test
    void shouldCapConnectionsAndSubscriptionsPerAddressAndPerKey() throws Exception
    {
        start(streams -> streams.with("MaxConnectionsPerIp", "3").with("MaxConnectionsPerKey", "1")
            .with("MaxSubscriptionsPerIp", "4").with("MaxSubscriptionsPerKey", "2"));
        final TestExchange.Trader trader = exchange.fundedTrader("10", "BTC");
        try (StreamClient first = new StreamClient(exchange.server.publicPort()).login(exchange, trader);
            StreamClient second = new StreamClient(exchange.server.publicPort());
            StreamClient third = new StreamClient(exchange.server.publicPort()))
        {
            first.subscribe("orders", "fills");
            assertError(first.request("{\"op\":\"subscribe\",\"channels\":[\"balances\"]}"), 7005, "per API key");
            second.subscribe("trades:" + PAIR, "book:" + PAIR);
            assertError(second.request("{\"op\":\"subscribe\",\"channels\":[\"ticker:" + PAIR + "\"]}"), 7005,
                "per address");
            second.request("{\"op\":\"unsubscribe\",\"channels\":[\"book:" + PAIR + "\"]}");
            second.subscribe("ticker:" + PAIR);

            assertError(third.request(StreamClient.loginRequest(exchange, trader)), 7009, "this API key");
            assertThat(third.awaitClose().code()).isEqualTo(4005);
            StreamClient.await("the third connection is gone",
                () -> exchange.server.streamStats().openConnections() == 2);
            try (StreamClient fourth = new StreamClient(exchange.server.publicPort()))
            {
                assertThat(fourth.isClosed()).isFalse();
            }
        }
        StreamClient.await("every connection is gone", () -> exchange.server.streamStats().openConnections() == 0);
        try (RawWebSocket one = new RawWebSocket(exchange.server.publicPort(), 0);
            RawWebSocket two = new RawWebSocket(exchange.server.publicPort(), 0);
            RawWebSocket three = new RawWebSocket(exchange.server.publicPort(), 0);
            RawWebSocket four = new RawWebSocket(exchange.server.publicPort(), 0))
        {
            assertThat(three.readText()).contains("welcome");
            assertThat(four.readText()).contains("\"code\":7009").contains("from your address");
            assertThat(four.readUntilClose().closeCode()).isEqualTo(4005);
        }
    }
}
