package dev.bourse.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bourse.protocol.RequestSigner;
import dev.bourse.server.auth.ApiKeyAuthenticator;
import org.agrona.concurrent.CachedEpochClock;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server on ephemeral ports with a hand-driven clock, and a real HTTP client that signs requests as spec
 * section 3 says. Every answer is checked to be HTTP 200 with a JSON envelope.
 */
final class TestExchange implements AutoCloseable
{
    static final long START_MS = 1_700_000_000_000L;
    static final ObjectMapper JSON = JsonMapper.builder()
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();

    /** An account with an API key. */
    record Trader(long accountId, String apiKey, String secret)
    {
    }

    /** An answer: the raw body and its JSON. */
    record Answer(String body, JsonNode json)
    {
        int statusCode()
        {
            return json.path("statusCode").asInt();
        }

        JsonNode data()
        {
            return json.get("responseData");
        }
    }

    final CachedEpochClock clock = new CachedEpochClock();
    final Path dataDir;
    private final java.util.function.UnaryOperator<ServerContext> customise;
    BourseServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger nonce = new AtomicInteger();
    private volatile boolean internalErrorsExpected;

    TestExchange() throws IOException
    {
        this(context -> context);
    }

    TestExchange(final java.util.function.UnaryOperator<ServerContext> customise) throws IOException
    {
        clock.update(START_MS);
        dataDir = Files.createTempDirectory("bourse-test");
        this.customise = customise;
        server = start();
    }

    private BourseServer start() throws IOException
    {
        return BourseServer.start(customise.apply(new ServerContext()
            .publicPort(0)
            .adminPort(0)
            .publicHost("127.0.0.1")
            .dataDir(dataDir)
            .demoPairs(false)
            .clock(clock)));
    }

    /**
     * Stops the server cleanly and starts a new one on the same data directory; then moves the clock past the time
     * before which the new server refuses signed requests.
     */
    void restart() throws IOException
    {
        restart(() ->
        {
        });
    }

    /** As {@link #restart()}, doing something to the data directory while no server runs. */
    void restart(final Runnable whileStopped) throws IOException
    {
        server.close();
        whileStopped.run();
        server = start();
        clock.update(clock.time() + ApiKeyAuthenticator.Configuration.DEFAULT.aheadMs());
    }

    /** From now on a 5000 answer is not a test failure: for tests of the server's failures. */
    void expectInternalErrors()
    {
        internalErrorsExpected = true;
    }

    @Override
    public void close() throws IOException
    {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    URI publicUri(final String pathAndQuery)
    {
        return URI.create("http://127.0.0.1:" + server.publicPort() + pathAndQuery);
    }

    URI adminUri(final String pathAndQuery)
    {
        return URI.create("http://127.0.0.1:" + server.adminPort() + pathAndQuery);
    }

    Answer send(final HttpRequest request)
    {
        try
        {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("HTTP status of %s", request.uri()).isEqualTo(200);
            final JsonNode json = JSON.readTree(response.body());
            assertThat(json.path("timezone").asText()).isEqualTo("UTC");
            if (json.has("statusCode") && !internalErrorsExpected)
            {
                assertThat(json.get("statusCode").asInt()).as("statusCode of %s: %s", request.uri(), response.body())
                    .isNotEqualTo(5000);
            }
            return new Answer(response.body(), json);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static HttpRequest.BodyPublisher form(final String body)
    {
        return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    }

    Answer publicGet(final String pathAndQuery)
    {
        return send(HttpRequest.newBuilder(publicUri(pathAndQuery)).GET().build());
    }

    Answer admin(final String method, final String path, final String formBody)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(adminUri(path))
            .header("Authorization", "Bearer " + server.adminToken())
            .method(method, form(formBody));
        if (formBody != null)
        {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return send(request.build());
    }

    JsonNode adminOk(final String method, final String path, final String formBody)
    {
        final Answer answer = admin(method, path, formBody);
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(1000);
        return answer.data();
    }

    /** Creates a pair with 8-decimal currencies, maker 0.1 %, taker 0.2 %, price 4 and amount 4 decimals. */
    void createPair(final String coinPair)
    {
        adminOk("PUT", "/admin/v1/pairs/" + coinPair, "minPrice=0.0001&minPriceDecimal=4&minAmountDecimal=4" +
            "&tradeMinAmount=0.0001&tradeMaxAmount=100000&tradeMinVolume=0.0001&tradeMaxVolume=10000000" +
            "&makerFeeRate=0.1&takerFeeRate=0.2");
    }

    Trader trader()
    {
        return trader("rps=100000&rpm=100000");
    }

    Trader trader(final String keyParams)
    {
        final long accountId = adminOk("POST", "/admin/v1/accounts", null).get("accountId").asLong();
        final JsonNode key = adminOk("POST", "/admin/v1/accounts/" + accountId + "/apiKeys", keyParams);
        return new Trader(accountId, key.get("apiKey").asText(), key.get("apiSecret").asText());
    }

    /** @return a new trader with {@code amount} deposited in each of the currencies. */
    Trader fundedTrader(final String amount, final String... currencies)
    {
        final Trader trader = trader();
        for (final String currency : currencies)
        {
            deposit(trader, currency, amount);
        }
        return trader;
    }

    void deposit(final Trader trader, final String currency, final String amount)
    {
        adminOk("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=" + currency + "&amount=" + amount);
    }

    String nextNonce()
    {
        return Integer.toString(10_000 + nonce.getAndIncrement() % 90_000);
    }

    /** Sends a request signed now with a fresh nonce; {@code query} and {@code body} may be null. */
    Answer signed(final Trader trader, final String method, final String path, final String query, final String body)
    {
        return signedAt(trader, clock.time(), nextNonce(), method, path, query, body);
    }

    Answer signedAt(final Trader trader, final long timestampMs, final String nonce, final String method,
        final String path, final String query, final String body)
    {
        return send(signedRequest(trader, timestampMs, nonce, method, path, query, body).build());
    }

    HttpRequest.Builder signedRequest(final Trader trader, final long timestampMs, final String nonce,
        final String method, final String path, final String query, final String body)
    {
        final String timestamp = Long.toString(timestampMs);
        final String sign = RequestSigner.sign(trader.secret().getBytes(StandardCharsets.UTF_8), nonce, timestamp,
            method, path, query == null ? "" : query, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        final HttpRequest.Builder request = HttpRequest.newBuilder(publicUri(path + (query == null ? "" : "?" + query)))
            .header("X-API-KEY", trader.apiKey())
            .header("X-API-TIMESTAMP", timestamp)
            .header("X-API-NONCE", nonce)
            .header("X-API-SIGN", sign)
            .method(method, form(body));
        if (body != null)
        {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return request;
    }

    JsonNode signedOk(final Trader trader, final String method, final String path, final String query,
        final String body)
    {
        final Answer answer = signed(trader, method, path, query, body);
        assertThat(answer.statusCode()).as("%s %s %s %s: %s", method, path, query, body, answer.body())
            .isEqualTo(1000);
        return answer.data();
    }

    long limitOrder(final Trader trader, final String coinPair, final String side, final String price,
        final String quantity)
    {
        return signedOk(trader, "POST", "/v1/trade/limitOrders", null,
            "coinPair=" + coinPair + "&orderSide=" + side + "&price=" + price + "&quantity=" + quantity)
            .get("orderID").asLong();
    }

    JsonNode order(final Trader trader, final long orderId)
    {
        return signedOk(trader, "GET", "/v2/account/orders/" + orderId, null, null);
    }

    BigDecimal available(final Trader trader, final String currency)
    {
        return signedOk(trader, "GET", "/v1/account/balances/" + currency, null, null).get(0)
            .get("availableBalance").decimalValue();
    }

    /**
     * Waits until the condition holds, checking it every millisecond, for at most 30 seconds (a generous bound for
     * something another thread of the server does).
     */
    static void awaitCondition(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waited 30 s for %s", what).isNegative();
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** @return balances and open orders of the account as the admin API shows them: to compare before and after. */
    String accountState(final Trader trader)
    {
        return adminOk("GET", "/admin/v1/accounts/" + trader.accountId(), null).toString();
    }
}
