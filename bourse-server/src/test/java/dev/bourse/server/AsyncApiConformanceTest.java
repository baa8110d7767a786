package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document (served at {@code /asyncapi.yaml}) describes what {@code /v1/ws} sends and takes: every
 * message the server sent in a session that makes every kind is declared under its {@code type}, with every field
 * and its JSON type (the REST objects inside by the OpenAPI document's schemas); every server message the document
 * declares was seen; the requests the tests send match the request schemas.
 */
class AsyncApiConformanceTest
{
    private static final String PAIR = "BTC.USDT";

    private TestExchange exchange;
    private SchemaValidator validator;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair(PAIR);
        validator = new SchemaValidator(false);
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    private String request(final String message, final String json)
    {
        validator.validate(message, readTree(json), "asyncapi.yaml", "/components/messages/" + message + "/payload");
        return json;
    }

    private static JsonNode readTree(final String json)
    {
        try
        {
            return TestExchange.JSON.readTree(json);
        }
        catch (final Exception ex)
        {
            throw new AssertionError(json, ex);
        }
    }

    @Test
    void shouldDescribeEveryMessageOfTheStreams() throws Exception
    {
        final TestExchange.Trader maker = exchange.fundedTrader("1000", "BTC", "USDT");
        final TestExchange.Trader taker = exchange.fundedTrader("1000", "BTC", "USDT");
        final List<JsonNode> sent = new ArrayList<>();
        try (StreamClient stream = new StreamClient(exchange.server.publicPort()))
        {
            stream.request(request("loginRequest", StreamClient.loginRequest(exchange, maker)));
            stream.request(request("subscribeRequest", "{\"op\":\"subscribe\",\"channels\":[\"orders\",\"fills\"," +
                "\"balances\",\"trades:" + PAIR + "\",\"book:" + PAIR + "\",\"ticker:" + PAIR + "\"]}"));
            stream.request(request("cancelOnDisconnectRequest",
                "{\"op\":\"cancelOnDisconnect\",\"enabled\":true,\"pairs\":[\"" + PAIR + "\"]}"));
            stream.request(request("subscribeRequest", "{\"op\":\"subscribe\",\"channels\":[\"nothing\"]}"));
            exchange.limitOrder(maker, PAIR, "SELL", "100", "1");
            exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null, "coinPair=" + PAIR +
                "&orderSide=BUY&quantity=0.4");
            exchange.signedOk(maker, "DELETE", "/v1/trade/openOrders/" + PAIR, null, null);
            stream.send(request("pingRequest", "{\"op\":\"ping\",\"id\":\"last\"}"));
            stream.next(message -> "pong".equals(message.path("type").asText()));
            stream.request(request("unsubscribeRequest", "{\"op\":\"unsubscribe\",\"channels\":[\"fills\"]}"));
            sent.addAll(stream.history());
        }

        final Set<String> seen = new TreeSet<>();
        final JsonNode messages = validator.document("asyncapi.yaml").at("/components/messages");
        for (final JsonNode message : sent)
        {
            final String type = message.path("type").asText();
            assertThat(messages.has(type)).as("%s is declared", type).isTrue();
            validator.validate(type, message, "asyncapi.yaml", "/components/messages/" + type + "/payload");
            seen.add(type);
        }
        final Set<String> declared = new TreeSet<>();
        for (final Iterator<String> names = messages.fieldNames(); names.hasNext(); )
        {
            final String name = names.next();
            if (!name.endsWith("Request"))
            {
                declared.add(name);
            }
        }
        assertThat(seen).as("every server message the document declares was sent").isEqualTo(declared);
        final Set<String> oneOf = new TreeSet<>();
        validator.document("asyncapi.yaml").at("/channels/~1v1~1ws/subscribe/message/oneOf")
            .forEach(ref -> oneOf.add(ref.get("$ref").asText().replace("#/components/messages/", "")));
        assertThat(oneOf).as("the channel lists every server message").isEqualTo(declared);
    }

    @Test
    void shouldServeTheDocumentBesideOpenApi() throws Exception
    {
        final HttpResponse<String> response = exchange.http.send(
            HttpRequest.newBuilder(exchange.publicUri("/asyncapi.yaml")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/yaml; charset=utf-8");
        assertThat(response.body()).startsWith("asyncapi: 2.6.0");
        final HttpResponse<String> admin = exchange.http.send(
            HttpRequest.newBuilder(exchange.adminUri("/asyncapi.yaml")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(admin.body()).isEqualTo(response.body());
        assertThat(exchange.publicGet("/v1/ws").statusCode()).as("a GET without an upgrade is no route")
            .isEqualTo(4000);
    }
}
