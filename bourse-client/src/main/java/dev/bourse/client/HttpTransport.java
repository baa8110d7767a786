package dev.bourse.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bourse.protocol.RequestSigner;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one implementation under every typed call: builds, signs, rate-limits, sends, retries and unwraps the
 * envelope. One {@link HttpClient} (HTTP/1.1, connections reused) and one scheduler thread per client. With the nodes
 * of a cluster, every request goes to the node in use; a retry after a transport failure moves to the next node.
 */
final class HttpTransport implements AutoCloseable
{
    static final String TIME_PATH = "/v1/public/time";
    static final ObjectMapper JSON = JsonMapper.builder()
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    private static final int CLOCK_SAMPLES = 2;
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final TransportConfiguration configuration;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final ClockOffset clockOffset;
    private final NonceSequence nonces = new NonceSequence();
    private final PermitQueue permits;
    private CompletableFuture<Long> clockSync;
    private volatile int node;
    private volatile boolean closed;

    HttpTransport(final TransportConfiguration configuration)
    {
        this.configuration = configuration;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(configuration.connectTimeout())
            .build();
        final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable ->
        {
            final Thread thread = new Thread(runnable, "bourse-client-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
        this.clockOffset = new ClockOffset(configuration.clock());
        this.permits = configuration.rateLimits() == null ? null : new PermitQueue(
            configuration.rateLimits(), configuration.clock(), scheduler, configuration.maxQueuedRequests());
    }

    /** @return the answer's responseData converted to {@code type}. */
    <T> CompletableFuture<T> call(final ApiCall call, final JavaType type)
    {
        return new Exchange(call).start().thenApply(envelope -> convert(call, envelope.data(), type));
    }

    /** @return the answer's responseData converted to {@code type}. */
    <T> CompletableFuture<T> call(final ApiCall call, final Class<T> type)
    {
        return call(call, JSON.getTypeFactory().constructType(type));
    }

    /** @return the answer's responseData converted to a list of {@code type}. */
    <T> CompletableFuture<List<T>> callForList(final ApiCall call, final Class<T> type)
    {
        return call(call, JSON.getTypeFactory().constructCollectionType(List.class, type));
    }

    /** @return the whole envelope of a successful answer. */
    CompletableFuture<Envelope> envelope(final ApiCall call)
    {
        return new Exchange(call).start();
    }

    /**
     * Measures the clock offset again ({@value #CLOCK_SAMPLES} round trips, the shortest kept); concurrent callers
     * share one measurement.
     *
     * @return the new offset in ms.
     */
    synchronized CompletableFuture<Long> synchronizeClock()
    {
        if (clockSync == null || clockSync.isDone())
        {
            clockSync = new CompletableFuture<>();
            measureClock(clockSync, CLOCK_SAMPLES, Long.MAX_VALUE, 0, configuration.baseUris().size() - 1);
        }
        return clockSync;
    }

    long clockOffsetMs()
    {
        return clockOffset.offsetMs();
    }

    /** @return the HTTP client, which also opens the streams' WebSocket. */
    HttpClient httpClient()
    {
        return http;
    }

    /** @return the configuration. */
    TransportConfiguration configuration()
    {
        return configuration;
    }

    /**
     * Signs a stream login as a {@code GET} of the path without query or body would be signed, once the clock offset
     * is measured (first use), with the next nonce.
     *
     * @return the key, timestamp, nonce and signature.
     */
    CompletableFuture<StreamLogin> streamLogin(final String path)
    {
        if (configuration.apiKey() == null)
        {
            return CompletableFuture.failedFuture(new IllegalStateException("this client has no API key: " +
                "the account's channels and cancel-on-disconnect need one"));
        }
        final CompletableFuture<?> synced = clockOffset.measured() || !configuration.syncClockOnFirstRequest() ?
            CompletableFuture.completedFuture(null) : synchronizeClock();
        return synced.thenApply(ignored ->
        {
            final String timestamp = Long.toString(clockOffset.serverTimeMs());
            final String nonce = Integer.toString(nonces.next());
            return new StreamLogin(configuration.apiKey(), timestamp, nonce, RequestSigner.sign(
                configuration.apiSecret(), nonce, timestamp, "GET", path, "", new byte[0]));
        });
    }

    /** The fields of a stream login. */
    record StreamLogin(String apiKey, String timestamp, String nonce, String signature)
    {
    }

    /** Fails every call still waiting or in flight, then releases the connections and the scheduler thread. */
    @Override
    public void close()
    {
        closed = true;
        if (permits != null)
        {
            permits.close();
        }
        http.shutdownNow();
        scheduler.shutdownNow().forEach(Runnable::run);
    }

    /**
     * Waits for a future of this SDK and rethrows its failure as the SDK's unchecked exception.
     *
     * @return the future's value.
     */
    static <T> T await(final CompletableFuture<T> future)
    {
        try
        {
            return future.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answer; the request may still " +
                "complete", ex);
        }
        catch (final ExecutionException ex)
        {
            final Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime)
            {
                runtime.addSuppressed(new CallerStackTrace());
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Carries the stack of the thread that waited, added to an exception raised on another thread. */
    private static final class CallerStackTrace extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        CallerStackTrace()
        {
            super("waited at");
        }
    }

    private <T> T convert(final ApiCall call, final JsonNode data, final JavaType type)
    {
        try
        {
            return JSON.treeToValue(data, type);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new BourseTransportException("unexpected responseData: " + ex.getMessage(), call.method(),
                call.path(), ex);
        }
    }

    /** Measures on the node in use; when it does not answer, on the next node, at most {@code nodesLeft} more. */
    private void measureClock(
        final CompletableFuture<Long> result,
        final int samplesLeft,
        final long bestRoundTripMs,
        final long bestOffset,
        final int nodesLeft)
    {
        final int toNode = node;
        final HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri(toNode) + TIME_PATH))
            .timeout(configuration.requestTimeout())
            .GET()
            .build();
        final long sentAtMs = clockOffset.localTimeMs();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) ->
        {
            final long receivedAtMs = clockOffset.localTimeMs();
            final Envelope envelope = failure == null ? parse(response) : null;
            if (envelope == null && nodesLeft > 0)
            {
                failOver(toNode);
                measureClock(result, CLOCK_SAMPLES, Long.MAX_VALUE, 0, nodesLeft - 1);
                return;
            }
            if (envelope == null)
            {
                result.completeExceptionally(new BourseTransportException("could not read the server time",
                    "GET", TIME_PATH, failure == null ? new IOException(describe(response)) : unwrap(failure)));
                return;
            }
            final long roundTripMs = receivedAtMs - sentAtMs;
            final boolean better = roundTripMs < bestRoundTripMs;
            final long offsetMs = better ?
                ClockOffset.offsetOf(sentAtMs, envelope.responseTimeMs(), receivedAtMs) : bestOffset;
            if (samplesLeft > 1)
            {
                measureClock(result, samplesLeft - 1, Math.min(roundTripMs, bestRoundTripMs), offsetMs, nodesLeft);
                return;
            }
            clockOffset.update(offsetMs);
            result.complete(offsetMs);
        });
    }

    private static Envelope parse(final HttpResponse<String> response)
    {
        if (response.statusCode() != 200)
        {
            return null;
        }
        try
        {
            return Envelope.of(JSON.readTree(response.body()));
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private static String describe(final HttpResponse<String> response)
    {
        final String body = response.body() == null ? "" : response.body();
        return "not an API answer: HTTP " + response.statusCode() + " " +
            body.substring(0, Math.min(body.length(), MAX_BODY_IN_MESSAGE));
    }

    private static Throwable unwrap(final Throwable failure)
    {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return cause;
    }

    /** @return whether the failure happened before the request could reach the server. */
    static boolean certainlyNotSent(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    /** @return the index, in the configured base URIs, of the node in use. */
    int nodeInUse()
    {
        return node;
    }

    /**
     * @param index a node's index in the configured base URIs.
     * @return its base URI.
     */
    URI baseUri(final int index)
    {
        return configuration.baseUris().get(index);
    }

    /** After a transport failure on {@code failedNode}: the next node is used from now on, if there are several. */
    synchronized void failOver(final int failedNode)
    {
        if (node == failedNode)
        {
            node = (failedNode + 1) % configuration.baseUris().size();
        }
    }

    private HttpRequest build(final ApiCall call, final int toNode)
    {
        final String encoded = call.params().encoded();
        final String query = call.bodyCarriesParams() ? "" : encoded;
        final String body = call.bodyCarriesParams() ? encoded : "";
        final byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        final HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create(baseUri(toNode) + call.path() + (query.isEmpty() ? "" : "?" + query)))
            .timeout(configuration.requestTimeout())
            .header("Accept", "application/json")
            .method(call.method(), bodyBytes.length == 0 ?
                HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bodyBytes));
        if (bodyBytes.length > 0)
        {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (call.access() == ApiCall.Access.SIGNED)
        {
            final String timestamp = Long.toString(clockOffset.serverTimeMs());
            final String nonce = Integer.toString(nonces.next());
            builder.header("X-API-KEY", configuration.apiKey())
                .header("X-API-TIMESTAMP", timestamp)
                .header("X-API-NONCE", nonce)
                .header("X-API-SIGN", RequestSigner.sign(
                    configuration.apiSecret(), nonce, timestamp, call.method(), call.path(), query, bodyBytes));
        }
        else if (call.access() == ApiCall.Access.ADMIN)
        {
            builder.header("Authorization", "Bearer " + configuration.adminToken());
        }
        return builder.build();
    }

    /** One typed call through its attempts. */
    private final class Exchange
    {
        private final ApiCall call;
        private final CompletableFuture<Envelope> result = new CompletableFuture<>();
        private int attempt;
        private boolean clockResynced;

        Exchange(final ApiCall call)
        {
            this.call = call;
        }

        CompletableFuture<Envelope> start()
        {
            if (call.access() == ApiCall.Access.SIGNED && configuration.apiKey() == null)
            {
                fail(new IllegalStateException("this client has no API key: " + call.method() + " " + call.path()));
            }
            else if (call.access() == ApiCall.Access.SIGNED && configuration.syncClockOnFirstRequest() &&
                !clockOffset.measured())
            {
                synchronizeClock().whenComplete((offsetMs, failure) ->
                {
                    if (failure != null)
                    {
                        fail(unwrap(failure));
                    }
                    else
                    {
                        attempt();
                    }
                });
            }
            else
            {
                attempt();
            }
            return result;
        }

        private void attempt()
        {
            attempt++;
            final CompletableFuture<RateLimits.Permit> permit = permits != null &&
                call.access() == ApiCall.Access.SIGNED ?
                permits.acquire(call.tradeHistory(), configuration.rateLimitWaitMs(), call.method(), call.path()) :
                CompletableFuture.completedFuture(null);
            permit.whenComplete((granted, failure) ->
            {
                if (failure != null)
                {
                    fail(unwrap(failure));
                }
                else
                {
                    send(granted);
                }
            });
        }

        private void send(final RateLimits.Permit permit)
        {
            if (closed)
            {
                release(permit);
                fail(new BourseTransportException("the client is closed", call.method(), call.path(), null));
                return;
            }
            final int toNode = node;
            final HttpRequest request;
            try
            {
                request = build(call, toNode);
            }
            catch (final RuntimeException ex)
            {
                release(permit);
                fail(ex);
                return;
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) ->
            {
                release(permit);
                if (failure != null)
                {
                    onTransportFailure(unwrap(failure), toNode);
                }
                else
                {
                    onResponse(response, toNode);
                }
            });
        }

        private void release(final RateLimits.Permit permit)
        {
            if (permit != null)
            {
                permits.release(permit);
            }
        }

        private void onTransportFailure(final Throwable failure, final int failedNode)
        {
            final boolean notSent = certainlyNotSent(failure);
            switch (configuration.retryPolicy().onTransportFailure(call.retrySafe(), notSent, attempt))
            {
                case RETRY_AFTER_BACKOFF ->
                {
                    failOver(failedNode);
                    retryLater();
                }
                case FAIL_OUTCOME_UNKNOWN -> fail(new OutcomeUnknownException(call.method(), call.path(), failure));
                default -> fail(new BourseTransportException(
                    (notSent ? "could not connect" : "no answer") + " after " + attempt + " attempt(s): " + failure,
                    call.method(), call.path(), failure));
            }
        }

        private void onResponse(final HttpResponse<String> response, final int fromNode)
        {
            final Envelope envelope = parse(response);
            if (envelope == null || (envelope.statusCode() == null && call.access() != ApiCall.Access.TIME))
            {
                onTransportFailure(new IOException(describe(response)), fromNode);
                return;
            }
            final Integer code = envelope.statusCode();
            if (code == null || code == StatusCode.SUCCESS.code())
            {
                result.complete(envelope);
                return;
            }
            final BourseException refused =
                new BourseException(code, envelope.statusMessage(), call.method(), call.path());
            switch (configuration.retryPolicy().onStatus(
                code, call.retrySafe(), call.access() == ApiCall.Access.SIGNED, clockResynced, attempt))
            {
                case RESYNC_CLOCK_AND_RETRY -> resyncAndRetry(refused);
                case RETRY_AFTER_BACKOFF -> retryLater();
                default -> fail(refused);
            }
        }

        private void resyncAndRetry(final BourseException refused)
        {
            clockResynced = true;
            synchronizeClock().whenComplete((offsetMs, failure) ->
            {
                if (failure != null)
                {
                    refused.addSuppressed(unwrap(failure));
                    fail(refused);
                    return;
                }
                attempt--;
                attempt();
            });
        }

        private void retryLater()
        {
            try
            {
                final long backoffMs = configuration.retryPolicy().backoffMs(attempt);
                scheduler.schedule(this::attempt, backoffMs, TimeUnit.MILLISECONDS);
            }
            catch (final RejectedExecutionException ex)
            {
                fail(new BourseTransportException("the client is closed", call.method(), call.path(), ex));
            }
        }

        private void fail(final Throwable failure)
        {
            result.completeExceptionally(failure);
        }
    }
}
