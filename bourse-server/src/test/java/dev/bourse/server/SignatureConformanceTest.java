package dev.bourse.server;

import dev.bourse.protocol.RequestSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static dev.bourse.server.ExactJson.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 7 over real HTTP, signatures: the hex digest in either letter case, and a signed text that leaves out
 * the query string of a POST or DELETE, or the body of a GET. Every form still covers nonce, timestamp, method and
 * path, and replay protection applies to all of them.
 */
class SignatureConformanceTest
{
    private static final long T0 = TestExchange.START_MS;
    private static final String ORDER = "/v1/trade/limitOrders";

    private TestExchange exchange;
    private TestExchange.Trader trader;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        trader = exchange.fundedTrader("10", "BCH");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    /** A signature of the text made of these parts. */
    private String sign(final String nonce, final String method, final String path, final String query,
        final String body)
    {
        return RequestSigner.sign(trader.secret().getBytes(StandardCharsets.UTF_8), nonce, Long.toString(T0),
            method, path, query, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request at T0 with the given nonce and X-API-SIGN; {@code query} and {@code body} may be null. */
    private TestExchange.Answer send(final String nonce, final String signature, final String method,
        final String path, final String query, final String body)
    {
        return exchange.send(exchange.signedRequest(trader, T0, nonce, method, path, query, body)
            .setHeader("X-API-SIGN", signature).build());
    }

    private int openOrderCount()
    {
        return exchange.signedOk(trader, "GET", "/v1/trade/openOrders", "currency=BCH", null).size();
    }

    @Test
    void shouldAcceptTheHexDigestInEitherLetterCase()
    {
        final String lower = sign("90001", "GET", "/v1/account/balances", "", "");
        final String mixed = sign("90002", "GET", "/v1/account/balances", "", "");

        assertThat(send("90001", lower.toUpperCase(Locale.ROOT), "GET", "/v1/account/balances", null, null)
            .statusCode()).isEqualTo(1000);
        assertThat(send("90002", mixed.substring(0, 32).toUpperCase(Locale.ROOT) + mixed.substring(32), "GET",
            "/v1/account/balances", null, null).statusCode()).isEqualTo(1000);
        assertFailure(send("90003", lower, "GET", "/v1/account/balances", null, null), T0, 4003,
            "Invalid signature");
    }

    @Test
    void shouldAcceptAPostSignedWithOrWithoutItsQueryString()
    {
        final String query = "coinPair=BCH.ETH&quantity=1";
        final String body = "orderSide=SELL&price=0.05";

        assertThat(send("90001", sign("90001", "POST", ORDER, "", body), "POST", ORDER, query, body).statusCode())
            .isEqualTo(1000);
        assertThat(send("90002", sign("90002", "POST", ORDER, query, body), "POST", ORDER, query, body).statusCode())
            .isEqualTo(1000);
        assertThat(openOrderCount()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAPostSignedWithoutItsBodyOrWithAnotherQuery()
    {
        final String query = "coinPair=BCH.ETH&quantity=1";
        final String body = "orderSide=SELL&price=0.05";

        assertFailure(send("90001", sign("90001", "POST", ORDER, query, ""), "POST", ORDER, query, body), T0, 4003,
            "Invalid signature");
        assertFailure(send("90002", sign("90002", "POST", ORDER, "coinPair=BCH.ETH&quantity=2", body), "POST", ORDER,
            query, body), T0, 4003, "Invalid signature");
        assertFailure(send("90003", sign("90003", "GET", ORDER, "", body), "POST", ORDER, query, body), T0, 4003,
            "Invalid signature");
        assertFailure(send("90004", sign("90004", "POST", "/v1/trade/marketOrders", "", body), "POST", ORDER, query,
            body), T0, 4003, "Invalid signature");
        assertThat(openOrderCount()).isZero();
    }

    @Test
    void shouldAcceptADeleteSignedWithoutItsQueryString()
    {
        exchange.limitOrder(trader, "BCH.ETH", "SELL", "0.05", "1");
        final String path = "/v1/trade/openOrders/BCH.ETH";

        assertThat(send("90001", sign("90001", "DELETE", path, "", ""), "DELETE", path, "note=x", null).data()
            .get("orderIDList")).hasSize(1);
        assertThat(openOrderCount()).isZero();
    }

    @Test
    void shouldAcceptAGetSignedWithoutItsBodyButNotWithoutItsQuery() throws Exception
    {
        final String path = "/v1/trade/openOrders";
        assertFailure(send("90001", sign("90001", "GET", path, "", ""), "GET", path, "currency=BCH", null), T0, 4003,
            "Invalid signature");

        final String signedWithoutBody = sign("90002", "GET", "/v1/account/balances", "", "");
        final String head = "GET /v1/account/balances HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
            "X-API-KEY: " + trader.apiKey() + "\r\nX-API-TIMESTAMP: " + T0 + "\r\nX-API-NONCE: 90002\r\n" +
            "X-API-SIGN: " + signedWithoutBody + "\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
            "Content-Length: 3\r\n\r\n";
        final RawHttp.Response response = RawHttp.send(exchange.server.publicPort(), head,
            "a=1".getBytes(StandardCharsets.US_ASCII));
        assertThat(TestExchange.JSON.readTree(response.body()).get("statusCode").asInt())
            .as("past the signature check, a GET's body is refused as always: %s", response.body())
            .isEqualTo(4000);
    }

    @Test
    void shouldRefuseAReplayWhicheverWayItWasSigned()
    {
        final String query = "coinPair=BCH.ETH&quantity=1";
        final String body = "orderSide=SELL&price=0.05";
        final String withoutQuery = sign("90001", "POST", ORDER, "", body);
        assertThat(send("90001", withoutQuery, "POST", ORDER, query, body).statusCode()).isEqualTo(1000);
        final String before = exchange.accountState(trader);

        assertFailure(send("90001", withoutQuery, "POST", ORDER, query, body), T0, 4005,
            "Duplicate signature usage detected");
        assertFailure(send("90001", withoutQuery.toUpperCase(Locale.ROOT), "POST", ORDER, query, body), T0, 4005,
            "Duplicate signature usage detected");
        assertFailure(send("90001", sign("90001", "POST", ORDER, query, body), "POST", ORDER, query, body), T0, 4005,
            "Duplicate signature usage detected");
        assertThat(exchange.accountState(trader)).isEqualTo(before);
        assertThat(openOrderCount()).isEqualTo(1);
    }
}
