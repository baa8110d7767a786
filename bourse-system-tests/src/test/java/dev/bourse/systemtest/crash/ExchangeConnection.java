package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bourse.protocol.RequestSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Raw HTTP to one running server: admin calls with the token, and requests signed as spec section 3 says. */
final class ExchangeConnection
{
    private static final ObjectMapper JSON =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** An account and its API key. */
    record Trader(long accountId, String apiKey, byte[] secret, AtomicInteger nonces)
    {
        String nextNonce()
        {
            return Integer.toString(10_000 + Math.floorMod(nonces.getAndIncrement(), 90_000));
        }
    }

    private final HttpClient http;
    private final String publicBase;
    private final String adminBase;
    private final String adminToken;

    ExchangeConnection(final int publicPort, final int adminPort, final String adminToken)
    {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.publicBase = "http://127.0.0.1:" + publicPort;
        this.adminBase = "http://127.0.0.1:" + adminPort;
        this.adminToken = adminToken;
    }

    /** @return a connection to the running server, with the admin token it generated into the data directory. */
    static ExchangeConnection of(final ServerProcess server, final Path dataDir) throws IOException
    {
        return new ExchangeConnection(server.publicPort(), server.adminPort(),
            Files.readString(dataDir.resolve("admin.token")).trim());
    }

    /** @return the envelope of an admin call. */
    JsonNode admin(final String method, final String path, final String form) throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminBase + path)).timeout(TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .method(method, body(form));
        if (form != null)
        {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return send(request.build());
    }

    /** @return the responseData of an admin call that must succeed. */
    JsonNode adminOk(final String method, final String path, final String form)
        throws IOException, InterruptedException
    {
        return ok(admin(method, path, form), method + " " + path);
    }

    /** @return the envelope of a signed call; {@code query} and {@code form} may be null. */
    JsonNode signed(final Trader trader, final String method, final String path, final String query,
        final String form) throws IOException, InterruptedException
    {
        final String timestamp = Long.toString(System.currentTimeMillis());
        final String nonce = trader.nextNonce();
        final String sign = RequestSigner.sign(trader.secret(), nonce, timestamp, method, path,
            query == null ? "" : query, form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8));
        final HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(publicBase + path + (query == null ? "" : "?" + query)))
            .timeout(TIMEOUT)
            .header("X-API-KEY", trader.apiKey())
            .header("X-API-TIMESTAMP", timestamp)
            .header("X-API-NONCE", nonce)
            .header("X-API-SIGN", sign)
            .method(method, body(form));
        if (form != null)
        {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return send(request.build());
    }

    /** @return the responseData of a signed call that must succeed. */
    JsonNode signedOk(final Trader trader, final String method, final String path, final String query,
        final String form) throws IOException, InterruptedException
    {
        return ok(signed(trader, method, path, query, form), method + " " + path + " " + query + " " + form);
    }

    /** Creates an account with a key of generous rate limits. */
    Trader newTrader() throws IOException, InterruptedException
    {
        final long accountId = adminOk("POST", "/admin/v1/accounts", null).get("accountId").asLong();
        final JsonNode key = adminOk("POST", "/admin/v1/accounts/" + accountId + "/apiKeys",
            "rps=100000&rpm=100000");
        return new Trader(accountId, key.get("apiKey").asText(),
            key.get("apiSecret").asText().getBytes(StandardCharsets.UTF_8), new AtomicInteger());
    }

    static boolean isSuccess(final JsonNode envelope)
    {
        return envelope.path("statusCode").asInt() == 1000;
    }

    private static JsonNode ok(final JsonNode envelope, final String what)
    {
        if (!isSuccess(envelope))
        {
            throw new IllegalStateException(what + " was refused: " + envelope);
        }
        return envelope.get("responseData");
    }

    private JsonNode send(final HttpRequest request) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
        {
            throw new IOException("HTTP " + response.statusCode() + " for " + request.uri());
        }
        return JSON.readTree(response.body());
    }

    private static HttpRequest.BodyPublisher body(final String form)
    {
        return form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form);
    }
}
