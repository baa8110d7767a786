package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BourseClient;

import java.net.URI;
import java.time.Duration;

/** Sample: build a client for one API key. */
public final class ConnectSample
{
    private ConnectSample()
    {
    }

    /**
     * @param baseUri   the public API, e.g. {@code http://127.0.0.1:8080}.
     * @param apiKey    the key.
     * @param apiSecret its secret.
     * @param rps       the key's requests per second, as issued (server default 3).
     * @param rpm       the key's requests per minute, as issued (server default 60).
     * @return a client that signs, corrects its clock and keeps to the key's limits.
     */
    public static BourseClient connect(
        final URI baseUri, final String apiKey, final String apiSecret, final int rps, final int rpm)
    {
        return BourseClient.builder(baseUri)
            .credentials(apiKey, apiSecret)
            .rateLimit(rps, rpm)
            .connectTimeout(Duration.ofSeconds(2))
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    }
}
