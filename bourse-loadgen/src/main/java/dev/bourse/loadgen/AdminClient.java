package dev.bourse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets up traders through Bourse's admin API (spec section 6): accounts, deposits, and API keys whose rate limits
 * do not throttle the generator (100,000 a second and a minute, the highest the admin API issues).
 */
public final class AdminClient
{
    /** Requests a minute (and a second) allowed to each key issued; the admin API's maximum. */
    public static final int KEY_REQUESTS_PER_MINUTE = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String token;

    /**
     * @param adminPort the admin API's port on 127.0.0.1.
     * @param token     the admin token.
     */
    public AdminClient(final int adminPort, final String token)
    {
        this.baseUrl = "http://127.0.0.1:" + adminPort;
        this.token = token;
    }

    /**
     * Opens accounts, funds each with 1,000,000,000 USDT and 100,000 BTC, and issues one key for each.
     *
     * @param count how many traders.
     * @return their credentials.
     */
    public List<ApiCredentials> createTraders(final int count) throws IOException, InterruptedException
    {
        final List<ApiCredentials> traders = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final long accountId = post("/admin/v1/accounts", "").path("accountId").asLong();
            post("/admin/v1/accounts/" + accountId + "/deposits", "currency=USDT&amount=1000000000");
            post("/admin/v1/accounts/" + accountId + "/deposits", "currency=BTC&amount=100000");
            final JsonNode key = post("/admin/v1/accounts/" + accountId + "/apiKeys",
                "rps=" + KEY_REQUESTS_PER_MINUTE + "&rpm=" + KEY_REQUESTS_PER_MINUTE);
            traders.add(new ApiCredentials(accountId, key.path("apiKey").asText(), key.path("apiSecret").asText()));
        }
        return traders;
    }

    /**
     * Creates or updates a pair ({@code PUT /admin/v1/pairs/{coinPair}}).
     *
     * @param coinPair the pair.
     * @param form     its policy, as the admin API's form parameters.
     */
    public void putPair(final String coinPair, final String form) throws IOException, InterruptedException
    {
        call("PUT", "/admin/v1/pairs/" + coinPair, form);
    }

    /** @return a cluster node's state ({@code GET /admin/v1/cluster}). */
    public JsonNode clusterStatus() throws IOException, InterruptedException
    {
        return call("GET", "/admin/v1/cluster", null);
    }

    private JsonNode post(final String path, final String form) throws IOException, InterruptedException
    {
        return call("POST", path, form);
    }

    private JsonNode call(final String method, final String path, final String form)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token);
        if (form == null)
        {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else
        {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        final HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        final JsonNode envelope = JSON.readTree(response.body());
        if (response.statusCode() != 200 || envelope.path("statusCode").asInt() != 1000)
        {
            throw new IOException(method + " " + path + " answered HTTP " + response.statusCode() + ": " +
                response.body());
        }
        return envelope.path("responseData");
    }
}
