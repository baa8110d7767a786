package dev.bourse.server.auth;

import dev.bourse.engine.Status;
import dev.bourse.protocol.RequestSigner;
import dev.bourse.server.gateway.ApiException;
import dev.bourse.server.gateway.RequestParameters;
import dev.bourse.server.readmodel.ApiKeyStore;

import org.agrona.collections.LongArrayQueue;
import org.agrona.collections.LongHashSet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates signed requests as spec section 3 orders the checks: 4001, 4013, 4018, 6001, 6002, 6003, 6005,
 * 4003, 4005, 6004. A signature is hex in either letter case, and may leave out the query string of a POST, PUT or
 * DELETE or the body of a GET (spec section 7). Replay protection remembers, per key, the (timestamp, nonce) pairs of
 * accepted requests only as long as they could pass the time window, so memory is bounded by the key's rate limit
 * (a signature seen before is caught by its pair, which the signed text begins with); requests signed before this
 * authenticator started are refused (6005), so nothing signed before a restart is accepted after it. A refused
 * request changes nothing.
 */
public final class ApiKeyAuthenticator
{
    /**
     * The limits of the authenticator.
     *
     * @param aheadMs               how far ahead of server time a timestamp may be.
     * @param maxAgeMs              how old a timestamp may be.
     * @param maxAgeCancelMs        how old the timestamp of a DELETE may be.
     * @param tradeHistoryPerSecond limit per second of the trade-history route.
     * @param tradeHistoryPerMinute limit per minute of the trade-history route.
     */
    public record Configuration(long aheadMs, long maxAgeMs, long maxAgeCancelMs, int tradeHistoryPerSecond,
        int tradeHistoryPerMinute)
    {
        /** The windows and limits of the spec. */
        public static final Configuration DEFAULT = new Configuration(1_000, 5_000, 10_000, 1, 30);
    }

    /**
     * A request as signed: the four headers as sent and the raw parts of the request.
     *
     * @param apiKey    X-API-KEY.
     * @param timestamp X-API-TIMESTAMP.
     * @param nonce     X-API-NONCE.
     * @param sign      X-API-SIGN.
     * @param method    the HTTP method.
     * @param path      the raw path.
     * @param query     the raw query, empty when absent.
     * @param body      the raw body.
     * @param remoteIp  the caller's address.
     */
    public record SignedRequest(String apiKey, String timestamp, String nonce, String sign, String method,
        String path, String query, byte[] body, String remoteIp)
    {
    }

    private final ApiKeyStore keys;
    private final Configuration configuration;
    private final long startedAtMs;
    private final Map<String, KeyGuard> guards = new ConcurrentHashMap<>();

    /**
     * @param keys          the API keys.
     * @param configuration windows and limits.
     * @param startedAtMs   requests signed before this time are refused.
     */
    public ApiKeyAuthenticator(final ApiKeyStore keys, final Configuration configuration, final long startedAtMs)
    {
        this.keys = keys;
        this.configuration = configuration;
        this.startedAtMs = startedAtMs;
    }

    /**
     * @param request         the request.
     * @param tradeHistory    whether the route has the trade-history limits.
     * @param nowMs           server time.
     * @return the key that signed it.
     * @throws ApiException with the status of the first check that fails.
     */
    public ApiKeyStore.ApiKey authenticate(final SignedRequest request, final boolean tradeHistory, final long nowMs)
    {
        if (isBlank(request.apiKey()) || isBlank(request.sign()) || isBlank(request.timestamp()))
        {
            throw new ApiException(Status.MISSING_AUTH_HEADER);
        }
        final long timestampMs = RequestParameters.parseLong(request.timestamp(), Status.INVALID_TIMESTAMP);
        final int nonce = parseNonce(request.nonce());
        final ApiKeyStore.ApiKey key = keys.key(request.apiKey());
        if (key == null)
        {
            throw new ApiException(Status.UNREGISTERED_API_KEY);
        }
        if (!key.usable())
        {
            throw new ApiException(Status.INVALID_API_KEY);
        }
        if (!key.allowedIps().isEmpty() && !IpAddresses.anyMatches(key.allowedIps(), request.remoteIp()))
        {
            throw new ApiException(Status.UNAUTHORIZED_IP);
        }
        final long maxAgeMs = "DELETE".equals(request.method()) ? configuration.maxAgeCancelMs() :
            configuration.maxAgeMs();
        if (timestampMs > nowMs + configuration.aheadMs() || timestampMs < nowMs - maxAgeMs ||
            timestampMs < startedAtMs)
        {
            throw new ApiException(Status.INVALID_REQUEST_TIMESTAMP);
        }
        if (!signatureMatches(key.secret(), request))
        {
            throw new ApiException(Status.INVALID_SIGNATURE);
        }
        final KeyGuard guard = guards.computeIfAbsent(key.apiKey(), k -> new KeyGuard(key, configuration));
        guard.admit(timestampMs, nonce, tradeHistory, nowMs);
        return key;
    }

    /**
     * The signed text is the whole request, or as the original allows (spec section 7) the request without its query
     * string for POST, PUT and DELETE, or without its body for GET; either way it covers nonce, timestamp, method and
     * path.
     *
     * @return whether the request's signature signs either text.
     */
    private static boolean signatureMatches(final byte[] secret, final SignedRequest request)
    {
        final String whole = RequestSigner.sign(secret, request.nonce(), request.timestamp(), request.method(),
            request.path(), request.query(), request.body());
        if (RequestSigner.matches(whole, request.sign()))
        {
            return true;
        }
        final boolean get = "GET".equals(request.method());
        if (get ? request.body().length == 0 : request.query().isEmpty())
        {
            return false;
        }
        final String shorter = RequestSigner.sign(secret, request.nonce(), request.timestamp(), request.method(),
            request.path(), get ? request.query() : "", get ? new byte[0] : request.body());
        return RequestSigner.matches(shorter, request.sign());
    }

    private static int parseNonce(final String nonce)
    {
        if (nonce == null || nonce.length() != 5)
        {
            throw new ApiException(Status.INVALID_NONCE);
        }
        final long value = RequestParameters.parseLong(nonce, Status.INVALID_NONCE);
        if (value < 10_000 || value > 99_999)
        {
            throw new ApiException(Status.INVALID_NONCE);
        }
        return (int)value;
    }

    private static boolean isBlank(final String value)
    {
        return value == null || value.isEmpty();
    }

    /**
     * Replay memory and rate limits of one key. A request is remembered by its (timestamp, nonce) stamp, packed into
     * one {@code long}: the signed text starts with the nonce (five digits) and the timestamp, so a signature seen
     * before carries a stamp seen before, and the stamps alone catch every replay. Stamps are kept in arrival order
     * until their timestamp leaves every window.
     */
    private static final class KeyGuard
    {
        private static final long NONCES = 100_000;
        private static final long NONE = Long.MIN_VALUE;

        private final long keepMs;
        private final LongArrayQueue stampsInOrder = new LongArrayQueue(NONE);
        private final LongHashSet stamps = new LongHashSet();
        private final SlidingWindowLimiter requests;
        private final SlidingWindowLimiter tradeHistoryRequests;

        KeyGuard(final ApiKeyStore.ApiKey key, final Configuration configuration)
        {
            this.keepMs = Math.max(configuration.maxAgeMs(), configuration.maxAgeCancelMs());
            this.requests = new SlidingWindowLimiter(key.requestsPerSecond(), key.requestsPerMinute());
            this.tradeHistoryRequests = new SlidingWindowLimiter(
                configuration.tradeHistoryPerSecond(), configuration.tradeHistoryPerMinute());
        }

        /**
         * @param timestampMs a timestamp that passed the time window (so positive and at most a second ahead).
         * @param nonce       a nonce of five digits.
         */
        synchronized void admit(final long timestampMs, final int nonce, final boolean tradeHistory, final long nowMs)
        {
            forgetOlderThan(nowMs - keepMs);
            final long stamp = timestampMs * NONCES + nonce;
            if (stamps.contains(stamp))
            {
                throw new ApiException(Status.DUPLICATE_SIGNATURE);
            }
            if (!requests.allows(nowMs) || (tradeHistory && !tradeHistoryRequests.allows(nowMs)))
            {
                throw new ApiException(Status.RATE_LIMIT_EXCEEDED);
            }
            requests.record(nowMs);
            if (tradeHistory)
            {
                tradeHistoryRequests.record(nowMs);
            }
            stampsInOrder.addLong(stamp);
            stamps.add(stamp);
        }

        private void forgetOlderThan(final long oldestValidMs)
        {
            for (long stamp = stampsInOrder.peekLong();
                stamp != NONE && stamp / NONCES < oldestValidMs;
                stamp = stampsInOrder.peekLong())
            {
                stampsInOrder.pollLong();
                stamps.remove(stamp);
            }
        }
    }
}
