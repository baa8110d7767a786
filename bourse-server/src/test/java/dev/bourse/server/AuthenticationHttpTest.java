package dev.bourse.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication of spec section 3 through real HTTP, every code in its documented order. */
class AuthenticationHttpTest
{
    private TestExchange exchange;
    private TestExchange.Trader trader;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        trader = exchange.trader("");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    private int status(final HttpRequest.Builder request)
    {
        return exchange.send(request.build()).statusCode();
    }

    private HttpRequest.Builder balances(final long timestampMs, final String nonce)
    {
        return exchange.signedRequest(trader, timestampMs, nonce, "GET", "/v1/account/balances", null, null);
    }

    @Test
    void shouldAnswer4001WithoutHeaders()
    {
        assertThat(exchange.send(HttpRequest.newBuilder(exchange.publicUri("/v1/account/balances")).GET().build())
            .statusCode()).isEqualTo(4001);
        assertThat(status(balances(exchange.clock.time(), "10001").setHeader("X-API-SIGN", ""))).isEqualTo(4001);
    }

    @Test
    void shouldAnswerEachHeaderProblemWithItsCode()
    {
        final long now = exchange.clock.time();
        assertThat(status(balances(now, "10001").setHeader("X-API-TIMESTAMP", "12:00"))).isEqualTo(4013);
        assertThat(status(balances(now, "1000"))).isEqualTo(4018);
        assertThat(status(balances(now, "abcde"))).isEqualTo(4018);
        assertThat(status(balances(now, "10001").setHeader("X-API-KEY", "NoSuchKey0000000"))).isEqualTo(6001);
        assertThat(status(balances(now + 1_001, "10002"))).isEqualTo(6005);
        assertThat(status(balances(now - 5_001, "10003"))).isEqualTo(6005);
        assertThat(status(balances(now, "10004").setHeader("X-API-SIGN", "0".repeat(64)))).isEqualTo(4003);
        assertThat(status(exchange.signedRequest(trader, now, "10005", "GET", "/v1/account/balances", "x=1", null)
            .uri(exchange.publicUri("/v1/account/balances?x=2")))).isEqualTo(4003);
        assertThat(status(balances(now, "10006"))).isEqualTo(1000);
        assertThat(status(balances(now, "10006"))).isEqualTo(4005);
    }

    @Test
    void shouldAcceptACancelTenSecondsOldButNotAnOrderFiveSecondsOld()
    {
        exchange.clock.advance(20_000);
        final long now = exchange.clock.time();

        assertThat(status(exchange.signedRequest(trader, now - 10_000, "10001", "DELETE",
            "/v1/trade/openOrders/BCH.ETH", null, null))).isEqualTo(1000);
        assertThat(status(exchange.signedRequest(trader, now - 5_001, "10002", "POST", "/v1/trade/limitOrders", null,
            "coinPair=BCH.ETH&orderSide=BUY&price=0.05&quantity=1"))).isEqualTo(6005);
    }

    @Test
    void shouldRateLimitAKeyAtItsDefaults()
    {
        final long now = exchange.clock.time();
        for (int i = 0; i < 3; i++)
        {
            assertThat(status(balances(now, Integer.toString(20_000 + i)))).isEqualTo(1000);
        }
        assertThat(status(balances(now, "20003"))).isEqualTo(6004);
        exchange.clock.advance(1_000);
        assertThat(status(balances(exchange.clock.time(), "20004"))).isEqualTo(1000);
        assertThat(status(exchange.signedRequest(trader, exchange.clock.time(), "20005", "GET",
            "/v2/account/tradeHistory", null, null))).isEqualTo(1000);
        assertThat(status(exchange.signedRequest(trader, exchange.clock.time(), "20006", "GET",
            "/v2/account/tradeHistory", null, null))).isEqualTo(6004);
    }

    @Test
    void shouldUseTheKeysOwnRateLimits()
    {
        final TestExchange.Trader slow = exchange.trader("rps=1&rpm=2");
        final long now = exchange.clock.time();

        assertThat(exchange.signedAt(slow, now, "10001", "GET", "/v1/account/balances", null, null).statusCode())
            .isEqualTo(1000);
        assertThat(exchange.signedAt(slow, now, "10002", "GET", "/v1/account/balances", null, null).statusCode())
            .isEqualTo(6004);
        exchange.clock.advance(1_000);
        assertThat(exchange.signedAt(slow, now + 1_000, "10003", "GET", "/v1/account/balances", null, null)
            .statusCode()).isEqualTo(1000);
        exchange.clock.advance(1_000);
        assertThat(exchange.signedAt(slow, now + 2_000, "10004", "GET", "/v1/account/balances", null, null)
            .statusCode()).isEqualTo(6004);
    }

    @Test
    void shouldRefuseARevokedKeyWith6002()
    {
        assertThat(status(balances(exchange.clock.time(), "10001"))).isEqualTo(1000);

        exchange.adminOk("DELETE", "/admin/v1/apiKeys/" + trader.apiKey(), null);

        assertThat(status(balances(exchange.clock.time(), "10002"))).isEqualTo(6002);
        assertThat(exchange.admin("DELETE", "/admin/v1/apiKeys/NoSuchKey0000000", null).statusCode())
            .isEqualTo(6001);
    }

    @Test
    void shouldRefuseCallersOutsideTheAllowList()
    {
        final TestExchange.Trader elsewhere = exchange.trader("allowedIps=10.1.2.3");
        final TestExchange.Trader local = exchange.trader("allowedIps=10.1.2.3,127.0.0.1");

        assertThat(exchange.signed(elsewhere, "GET", "/v1/account/balances", null, null).statusCode())
            .isEqualTo(6003);
        assertThat(exchange.signed(local, "GET", "/v1/account/balances", null, null).statusCode()).isEqualTo(1000);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + local.accountId() + "/apiKeys",
            "allowedIps=example.com").statusCode()).isEqualTo(4002);
    }

    @Test
    void shouldNotNeedAKeyForPublicEndpoints()
    {
        assertThat(exchange.publicGet("/v1/market/public/coins/pairPolicy").statusCode()).isEqualTo(1000);
    }
}
