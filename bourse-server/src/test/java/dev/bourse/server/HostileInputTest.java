package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.protocol.RequestSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets its documented code over HTTP 200, never 5000 or HTTP 5xx, and changes nothing: the account's
 * balances and open orders read the same before and after.
 */
class HostileInputTest
{
    private TestExchange exchange;
    private TestExchange.Trader trader;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange(context -> context.maxBodyBytes(4_096).maxUriLength(2_048));
        exchange.createPair("BCH.ETH");
        trader = exchange.trader();
        exchange.deposit(trader, "BCH", "10");
        exchange.deposit(trader, "ETH", "10");
        exchange.limitOrder(trader, "BCH.ETH", "SELL", "0.05", "1");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    /** Sends a signed request over a raw socket, the query and body exactly as given. */
    private RawHttp.Response rawSigned(final String method, final String path, final String query,
        final String contentType, final byte[] body) throws Exception
    {
        final String nonce = exchange.nextNonce();
        final String timestamp = Long.toString(exchange.clock.time());
        final String sign = RequestSigner.sign(trader.secret().getBytes(StandardCharsets.UTF_8), nonce, timestamp,
            method, path, query == null ? "" : query, body == null ? new byte[0] : body);
        final StringBuilder head = new StringBuilder()
            .append(method).append(' ').append(path).append(query == null ? "" : "?" + query).append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1\r\nConnection: close\r\n")
            .append("X-API-KEY: ").append(trader.apiKey()).append("\r\n")
            .append("X-API-TIMESTAMP: ").append(timestamp).append("\r\n")
            .append("X-API-NONCE: ").append(nonce).append("\r\n")
            .append("X-API-SIGN: ").append(sign).append("\r\n");
        if (contentType != null)
        {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        return RawHttp.send(exchange.server.publicPort(), head.toString(), body);
    }

    private void assertRefusedAndNothingChanged(final int expectedCode, final ThrowingSupplier request)
        throws Exception
    {
        final String before = exchange.accountState(trader);
        final RawHttp.Response response = request.get();
        assertThat(response.httpStatus()).isEqualTo(200);
        final JsonNode json = TestExchange.JSON.readTree(response.body());
        assertThat(json.get("statusCode").asInt()).as(response.body()).isEqualTo(expectedCode);
        assertThat(json.has("responseData")).isFalse();
        assertThat(exchange.accountState(trader)).isEqualTo(before);
    }

    @FunctionalInterface
    private interface ThrowingSupplier
    {
        RawHttp.Response get() throws Exception;
    }

    private RawHttp.Response order(final String form) throws Exception
    {
        return rawSigned("POST", "/v1/trade/limitOrders", null, "application/x-www-form-urlencoded",
            form.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1%zz|4000",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1%|4000",
        "coinPair=BCH%ZZ.ETH&orderSide=BUY&price=0.05&quantity=1|4000",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1%C3%28|4000",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1&quantity=2|4000",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=99999999999999999999999|3212",
        "coinPair=BCH.ETH&orderSide=BUY&price=99999999999999999999999&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=-1|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=-0.05&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=abc|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=NaN|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=NaN&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=Infinity&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e400|3212",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e-400|3213",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1E%2B19|3212",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1E+19|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=-1e-8|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=e5|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e%2B|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e99999999999999999999|3212",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e-2147483649|3213",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1111111111111111111111111111111111111111111111e-45|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=0.0000000000000000000000000000000000000000000001e47|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=0e5|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=Infinity|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=-Infinity|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=0x1p3|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=%2B1e2|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=%201e2|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e2%20|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e-9|3213",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1e-5|3213",
        "coinPair=BCH.ETH&orderSide=BUY&price=1e400&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=1e-400&quantity=1|3204",
        "coinPair=BCH.ETH&orderSide=BUY&price=1E%2B19&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=-1e-8&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=1e&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=e5&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=0x1p-3&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=1e-5&quantity=1|3204",
        "coinPair=BCH.ETH&orderSide=BUY&price=5E%2B2&quantity=1|3301",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&stopPrice=1e400&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&stopPrice=1e-400&quantity=1|3204",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=%2B1|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=+1|4007",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=0.000000001|3213",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=0.00001|3213",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.000000001&quantity=1|3204",
        "coinPair=BCH.ETH&orderSide=BUY&price=0.05&stopPrice=x&quantity=1|4008",
        "coinPair=BCH.ETH&orderSide=buy&price=0.05&quantity=1|4006",
        "coinPair=bch.eth&orderSide=BUY&price=0.05&quantity=1|4009",
        "orderSide=BUY&price=0.05&quantity=1|4012"})
    void shouldRefuseBadOrderParameters(final String form, final int code) throws Exception
    {
        assertRefusedAndNothingChanged(code, () -> order(form));
    }

    @Test
    void shouldRefuseTheSameParameterInQueryAndBody() throws Exception
    {
        assertRefusedAndNothingChanged(4000, () -> rawSigned("POST", "/v1/trade/limitOrders", "quantity=1",
            "application/x-www-form-urlencoded",
            "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=1".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldAcceptParametersSplitBetweenQueryAndBody() throws Exception
    {
        final RawHttp.Response response = rawSigned("POST", "/v1/trade/limitOrders", "coinPair=BCH.ETH&quantity=1",
            "application/x-www-form-urlencoded", "orderSide=SELL&price=0.05".getBytes(StandardCharsets.US_ASCII));

        assertThat(TestExchange.JSON.readTree(response.body()).get("statusCode").asInt()).isEqualTo(1000);
    }

    @Test
    void shouldRefuseWrongContentTypes() throws Exception
    {
        final byte[] form = "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=1".getBytes(StandardCharsets.US_ASCII);
        assertRefusedAndNothingChanged(4000, () -> rawSigned("POST", "/v1/trade/limitOrders", null,
            "application/json", "{\"coinPair\":\"BCH.ETH\"}".getBytes(StandardCharsets.US_ASCII)));
        assertRefusedAndNothingChanged(4000, () -> rawSigned("POST", "/v1/trade/limitOrders", null,
            "text/plain", form));
        assertRefusedAndNothingChanged(4000, () -> rawSigned("POST", "/v1/trade/limitOrders", null,
            null, form));
        assertRefusedAndNothingChanged(4000, () -> rawSigned("POST", "/v1/trade/limitOrders", null,
            "multipart/form-data; boundary=x", form));
        assertRefusedAndNothingChanged(4000, () -> rawSigned("GET", "/v1/account/balances", null,
            "application/x-www-form-urlencoded", "a=1".getBytes(StandardCharsets.US_ASCII)));
        assertRefusedAndNothingChanged(4000, () -> rawSigned("POST", "/v1/trade/limitOrders", null,
            "application/x-www-form-urlencoded", "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=1\u00e9"
                .getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void shouldRefuseVeryLongBodies() throws Exception
    {
        final byte[] body = ("coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=1&pad=" + "x".repeat(10_000))
            .getBytes(StandardCharsets.US_ASCII);
        assertRefusedAndNothingChanged(4000, () -> rawSigned("POST", "/v1/trade/limitOrders", null,
            "application/x-www-form-urlencoded", body));
    }

    @Test
    void shouldRefuseVeryLongPathsAndHeaders() throws Exception
    {
        final int port = exchange.server.publicPort();
        assertRefusedAndNothingChanged(4000, () -> RawHttp.send(port,
            "GET /v1/" + "a".repeat(3_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null));
        assertRefusedAndNothingChanged(4000, () -> RawHttp.send(port,
            "GET /v1/" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null));
        assertRefusedAndNothingChanged(4000, () -> RawHttp.send(port,
            "GET /v1/public/time HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n", null));
        assertRefusedAndNothingChanged(4000, () -> RawHttp.send(port, "NONSENSE\r\n\r\n", null));
    }

    @Test
    void shouldRefuseBadPathParameters() throws Exception
    {
        assertRefusedAndNothingChanged(4002, () -> rawSigned("DELETE", "/v1/trade/orders/99999999999999999999",
            null, null, null));
        assertRefusedAndNothingChanged(4002, () -> rawSigned("DELETE", "/v1/trade/orders/-1", null, null, null));
        assertRefusedAndNothingChanged(4000, () -> rawSigned("DELETE", "/v1/trade/openOrders/BCH%zzETH", null,
            null, null));
        assertRefusedAndNothingChanged(4009, () -> rawSigned("DELETE", "/v1/trade/openOrders/BCH%2EETX", null,
            null, null));
        assertRefusedAndNothingChanged(4002, () -> rawSigned("GET", "/v2/account/orders/1e5", null, null, null));
    }

    @Test
    void shouldRefuseBadPublicParameters() throws Exception
    {
        final int port = exchange.server.publicPort();
        for (final String query : new String[] {"coinPair=BCH.ETH&depth=abc", "coinPair=BCH.ETH&depth=0",
            "coinPair=BCH.ETH&depth=1001", "coinPair=BCH.ETH&depth=-5"})
        {
            assertRefusedAndNothingChanged(4002, () -> RawHttp.send(port, "GET /v1/market/public/orderBooks?" + query
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null));
        }
        assertRefusedAndNothingChanged(4000, () -> RawHttp.send(port, "GET /v1/market/public/orderBooks?coinPair=%"
            + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null));
        assertRefusedAndNothingChanged(4000, () -> RawHttp.send(port,
            "GET /v1/market/public/orderBooks?coinPair=BCH.ETH&coinPair=BCH.ETH HTTP/1.1\r\nHost: x\r\n" +
                "Connection: close\r\n\r\n", null));
    }
}
