package dev.bourse.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures a failover from a client's side: from the moment the leader was killed, sends a resting limit order every
 * {@link #INTERVAL_MS} to the survivors' gateways in turn, and reports when the first one is acknowledged (statusCode
 * 1000): the time the cluster could not take an order.
 */
final class FailoverProbe
{
    private static final long INTERVAL_MS = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private FailoverProbe()
    {
    }

    /**
     * @param survivorPorts the public ports of the nodes still running.
     * @param credentials   a trader's key.
     * @param killedAtNs    when the leader was killed ({@link System#nanoTime()}).
     * @param timeoutMs     how long to try.
     * @return ms from the kill to the first acknowledged order.
     * @throws IllegalStateException when no order was acknowledged in time.
     */
    static double firstAcknowledgedMs(final List<Integer> survivorPorts, final ApiCredentials credentials,
        final long killedAtNs, final long timeoutMs)
    {
        final TradingSession session =
            new TradingSession(credentials, new RequestMix(100, 0, 0, 0, 0), killedAtNs, 1);
        final CompletableFuture<Long> firstAckNs = new CompletableFuture<>();
        final long deadlineNs = killedAtNs + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build())
        {
            for (int sent = 0; !firstAckNs.isDone() && System.nanoTime() - deadlineNs < 0; sent++)
            {
                final RequestSpec order = session.next();
                final TradingSession.SignedHeaders headers = session.sign(order, System.currentTimeMillis());
                final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" +
                        survivorPorts.get(sent % survivorPorts.size()) + order.path()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-API-KEY", headers.apiKey())
                    .header("X-API-TIMESTAMP", headers.timestamp())
                    .header("X-API-NONCE", headers.nonce())
                    .header("X-API-SIGN", headers.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(order.body()))
                    .build();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response ->
                {
                    if (response.statusCode() == 200 && Envelope.statusCode(response.body()) == 1000)
                    {
                        firstAckNs.complete(System.nanoTime());
                    }
                });
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
            }
            if (!firstAckNs.isDone())
            {
                throw new IllegalStateException("no order was acknowledged within " + timeoutMs + " ms of the kill");
            }
            return (firstAckNs.join() - killedAtNs) / 1e6;
        }
    }
}
