package dev.bourse.client;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Everything {@link HttpTransport} needs, frozen from a builder.
 *
 * @param baseUris                scheme, host and port of each node, without a trailing slash; the first is used
 *                                first.
 * @param connectTimeout          the connect timeout.
 * @param requestTimeout          the timeout of one answer.
 * @param retryPolicy             retry decisions.
 * @param clock                   the local clock.
 * @param apiKey                  the API key of signed calls, or null.
 * @param apiSecret               its secret, or null.
 * @param adminToken              the admin bearer token, or null.
 * @param rateLimits              the client-side limits, or null for none.
 * @param rateLimitWaitMs         how long a request may wait for a permit.
 * @param maxQueuedRequests       how many requests may wait for a permit.
 * @param syncClockOnFirstRequest whether the first signed request measures the clock offset first.
 */
record TransportConfiguration(
    List<URI> baseUris,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retryPolicy,
    InstantSource clock,
    String apiKey,
    byte[] apiSecret,
    String adminToken,
    RateLimits rateLimits,
    long rateLimitWaitMs,
    int maxQueuedRequests,
    boolean syncClockOnFirstRequest)
{
    static TransportConfiguration of(
        final ClientBuilder<?> builder,
        final String apiKey,
        final byte[] apiSecret,
        final String adminToken,
        final RateLimits rateLimits,
        final long rateLimitWaitMs,
        final int maxQueuedRequests,
        final boolean syncClockOnFirstRequest)
    {
        return new TransportConfiguration(
            builder.baseUris(),
            builder.connectTimeout,
            builder.requestTimeout,
            new RetryPolicy(builder.maxAttempts, builder.initialBackoff.toMillis(), builder.maxBackoff.toMillis()),
            builder.clock,
            apiKey,
            apiSecret,
            adminToken,
            rateLimits,
            rateLimitWaitMs,
            maxQueuedRequests,
            syncClockOnFirstRequest);
    }
}
