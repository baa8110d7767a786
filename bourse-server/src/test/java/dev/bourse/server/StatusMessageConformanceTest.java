package dev.bourse.server;

import dev.bourse.engine.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static dev.bourse.server.ExactJson.assertFailure;
import static dev.bourse.server.ExactJson.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 7: {@code statusMessage} texts are those of section 2 character for character, with the original's
 * typographic quotes for 4006 to 4011 and {@code SUCCESS} for 1000.
 */
class StatusMessageConformanceTest
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

    /** The table of spec section 2, copied character for character. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1000|SUCCESS",
        "1202|Member not found",
        "3113|Currency pair system is in maintenance",
        "3203|Unit price cannot be lower than the minimum value",
        "3204|Unit price is out of scale",
        "3211|Amount is too low",
        "3212|Amount is too high to order",
        "3213|AMOUNT has out of scale",
        "3221|Volume is too low",
        "3222|Volume is too high to order",
        "3301|Not enough balance for an order",
        "3302|Not enough remained amount for a request",
        "3311|Active order count exceed",
        "3321|Original request not found",
        "3401|Internal core system error",
        "4000|Bad request",
        "4001|X-API-Key, X-API-SIGN, or X-API-TIMESTAMP is missing",
        "4002|Invalid parameter value",
        "4003|Invalid signature",
        "4005|Duplicate signature usage detected",
        "4006|Invalid ‘orderSide’ parameter",
        "4007|Invalid ‘quantity’ parameter (should be greater than 0)",
        "4008|Invalid ‘price’ parameter (should be greater than 0)",
        "4009|Invalid ‘coinPair’",
        "4010|Invalid ‘market’",
        "4011|Invalid ‘currency’",
        "4012|Mandatory parameter not passed",
        "4013|Invalid timestamp",
        "4014|Invalid transfer type",
        "4015|Invalid page number",
        "4016|Invalid page size",
        "4017|Unsupported request method",
        "4018|Invalid X-API-NONCE",
        "4101|Account not found",
        "5000|Internal server side error",
        "5001|Internal timeout error",
        "5002|Socket timeout exception",
        "6000|Unauthorized request",
        "6001|Unregistered API KEY",
        "6002|Invalid API KEY",
        "6003|Unauthorized IP",
        "6004|API RPS limit exceeded",
        "6005|Invalid request timestamp"})
    void shouldCarryTheMessageOfSection2(final int code, final String message)
    {
        assertThat(Status.ofCode(code)).as("status %d", code).isNotNull();
        assertThat(Status.ofCode(code).message()).isEqualTo(message);
    }

    /** Section 2's 43 codes, and one of our extensions: 3231 for a post-only order that would take (docs/API.md). */
    @Test
    void shouldHaveNoCodeBeyondSection2AndThePostOnlyExtension()
    {
        assertThat(Status.values()).hasSize(44).contains(Status.POST_ONLY_WOULD_TAKE);
        assertThat(Status.POST_ONLY_WOULD_TAKE.code()).isEqualTo(3231);
    }

    private TestExchange.Answer order(final String form)
    {
        return exchange.signed(trader, "POST", ORDER, null, form);
    }

    @Test
    void shouldWriteTheTypographicQuotesOverHttp()
    {
        assertFailure(order("coinPair=BCH.ETH&orderSide=HOLD&price=0.05&quantity=1"), T0, 4006,
            "Invalid \u2018orderSide\u2019 parameter");
        assertFailure(order("coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=0"), T0, 4007,
            "Invalid \u2018quantity\u2019 parameter (should be greater than 0)");
        assertFailure(order("coinPair=BCH.ETH&orderSide=SELL&price=0&quantity=1"), T0, 4008,
            "Invalid \u2018price\u2019 parameter (should be greater than 0)");
        assertFailure(order("coinPair=XX.ETH&orderSide=SELL&price=0.05&quantity=1"), T0, 4009,
            "Invalid \u2018coinPair\u2019");
        assertFailure(exchange.signed(trader, "GET", "/v1/trade/openOrders", "market=XYZ", null),
            T0, 4010, "Invalid \u2018market\u2019");
        assertFailure(exchange.signed(trader, "GET", "/v1/trade/openOrders", "currency=XYZ", null),
            T0, 4011, "Invalid \u2018currency\u2019");
    }

    @Test
    void shouldEncodeTheQuotesAsUtf8() throws Exception
    {
        final RawHttp.Response response = RawHttp.send(exchange.server.publicPort(),
            "GET /v1/market/public/orderBooks?coinPair=XX.ETH HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            null);

        assertThat(response.body()).contains("\"statusMessage\":\"Invalid \u2018coinPair\u2019\"");
        assertThat(response.body().getBytes(StandardCharsets.UTF_8))
            .containsSequence(0xE2, 0x80, 0x98, 'c', 'o', 'i', 'n', 'P', 'a', 'i', 'r', 0xE2, 0x80, 0x99);
    }

    @Test
    void shouldWriteSuccessFor1000()
    {
        assertSuccess(exchange.signed(trader, "GET", "/v1/account/balances/BCH", null, null), T0, """
            [{"currency":"BCH","balance":10,"availableBalance":10}]""");
    }
}
