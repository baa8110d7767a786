package dev.bourse.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends signed requests from {@link TradingSession}s over real HTTP/1.1 connections (Vert.x, one event loop) and
 * measures their latency with HdrHistogram. Two modes:
 * <ul>
 *     <li>closed loop: K requests in flight, each sent as soon as the previous one of its slot is answered;</li>
 *     <li>open loop: requests due at fixed intervals whatever the answers, latency measured from the intended send
 *     time, so a stalled server is charged for every request it delayed (coordinated-omission correction).</li>
 * </ul>
 * Every phase has a warm-up whose answers are not counted, and ends only when every request sent has been answered or
 * has failed (request timeout). One phase at a time.
 */
public final class LoadGenerator implements AutoCloseable
{
    private static final long MAX_LATENCY_US = TimeUnit.MINUTES.toMicros(2);
    private static final int ACKNOWLEDGED = 1000;
    private static final int REQUEST_TIMEOUT_MS = 30_000;
    private static final long TICK_MS = 1;
    private static final long DRAIN_TIMEOUT_MS = REQUEST_TIMEOUT_MS + 10_000;

    private final Vertx vertx;
    private final Context context;
    private final HttpClient client;
    private final String host;
    private final int port;
    private final List<TradingSession> sessions;
    private Phase phase;

    /**
     * @param vertx       the Vert.x instance to use (its first event loop sends and receives).
     * @param host        the server's host.
     * @param port        the server's public port.
     * @param sessions    the keys to send with.
     * @param connections the most connections opened to the server.
     */
    public LoadGenerator(final Vertx vertx, final String host, final int port, final List<TradingSession> sessions,
        final int connections)
    {
        if (sessions.isEmpty() || connections <= 0)
        {
            throw new IllegalArgumentException("need at least one session and one connection");
        }
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(connections));
        this.host = host;
        this.port = port;
        this.sessions = List.copyOf(sessions);
    }

    /**
     * Runs a closed loop.
     *
     * @param inFlight  requests in flight, one per slot; slot i always uses session i modulo the sessions.
     * @param warmUpMs  time before measuring.
     * @param measureMs time measured.
     * @return what the measured time saw.
     */
    public LoadResult runClosedLoop(final int inFlight, final long warmUpMs, final long measureMs)
    {
        return run(new Phase(0, warmUpMs, measureMs), phase ->
        {
            for (int slot = 0; slot < inFlight; slot++)
            {
                sendClosed(phase, slot);
            }
        });
    }

    /**
     * Runs an open loop.
     *
     * @param perSecond requests offered a second, spread evenly in time, sessions taken in turn.
     * @param warmUpMs  time before measuring.
     * @param measureMs time measured.
     * @return what the measured time saw, latency from the intended send times.
     */
    public LoadResult runOpenLoop(final long perSecond, final long warmUpMs, final long measureMs)
    {
        if (perSecond <= 0)
        {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        return run(new Phase(perSecond, warmUpMs, measureMs), phase ->
            phase.timerId = vertx.setPeriodic(TICK_MS, id -> tickOpen(phase)));
    }

    private LoadResult run(final Phase newPhase, final Consumer<Phase> starter)
    {
        if (phase != null)
        {
            throw new IllegalStateException("one phase at a time");
        }
        phase = newPhase;
        try
        {
            context.runOnContext(ignored ->
            {
                newPhase.startNs = System.nanoTime();
                starter.accept(newPhase);
            });
            return newPhase.done.get(newPhase.warmUpMs + newPhase.measureMs + DRAIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("the load phase did not finish", ex);
        }
        finally
        {
            phase = null;
        }
    }

    private void sendClosed(final Phase phase, final int slot)
    {
        final long nowNs = System.nanoTime();
        if (nowNs >= phase.endNs())
        {
            phase.stopSending();
            return;
        }
        send(phase, sessions.get(slot % sessions.size()), nowNs, () -> sendClosed(phase, slot));
    }

    private void tickOpen(final Phase phase)
    {
        final long nowNs = System.nanoTime();
        final double intervalNs = 1e9 / phase.offeredPerSecond;
        final long endNs = phase.endNs();
        while (true)
        {
            final long intendedNs = phase.startNs + (long)(phase.scheduled * intervalNs);
            if (intendedNs >= endNs)
            {
                vertx.cancelTimer(phase.timerId);
                phase.stopSending();
                return;
            }
            if (intendedNs > nowNs)
            {
                return;
            }
            phase.scheduled++;
            send(phase, sessions.get((int)(phase.scheduled % sessions.size())), intendedNs, null);
        }
    }

    private void send(final Phase phase, final TradingSession session, final long intendedNs, final Runnable next)
    {
        final RequestSpec request = session.next();
        final RequestOptions options = new RequestOptions()
            .setMethod(HttpMethod.valueOf(request.method()))
            .setHost(host)
            .setPort(port)
            .setURI(request.path())
            .setIdleTimeout(REQUEST_TIMEOUT_MS);
        if (!request.body().isEmpty())
        {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded");
        }
        phase.inFlight++;
        client.request(options)
            .compose(sent -> signAndSend(session, request, sent))
            .compose(LoadGenerator::envelope)
            .onComplete(answer ->
            {
                phase.inFlight--;
                final long endNs = System.nanoTime();
                if (answer.succeeded())
                {
                    final String body = answer.result();
                    final int statusCode = Envelope.statusCode(body);
                    session.onAnswer(request, statusCode, Envelope.orderId(body));
                    phase.onAnswer(intendedNs, endNs, statusCode, request.operation());
                }
                else
                {
                    phase.onFailure(intendedNs);
                }
                if (next != null)
                {
                    next.run();
                }
                phase.completeIfDrained();
            });
    }

    /** Signs when a connection is ready, so a request that waited for one is not refused as too old (6005). */
    private static Future<HttpClientResponse> signAndSend(final TradingSession session, final RequestSpec request,
        final HttpClientRequest sent)
    {
        final TradingSession.SignedHeaders headers = session.sign(request, System.currentTimeMillis());
        sent.putHeader("X-API-KEY", headers.apiKey())
            .putHeader("X-API-TIMESTAMP", headers.timestamp())
            .putHeader("X-API-NONCE", headers.nonce())
            .putHeader("X-API-SIGN", headers.signature());
        return request.body().isEmpty() ? sent.send() : sent.send(request.body());
    }

    private static Future<String> envelope(final HttpClientResponse response)
    {
        return response.body().compose(body -> response.statusCode() == 200 ?
            Future.succeededFuture(body.toString()) :
            Future.failedFuture("HTTP " + response.statusCode() + ": " + body));
    }

    @Override
    public void close()
    {
        client.close().await();
    }

    /** The state of one phase, touched on the event loop only. */
    private static final class Phase
    {
        private final long offeredPerSecond;
        private final long warmUpMs;
        private final long measureMs;
        private final CompletableFuture<LoadResult> done = new CompletableFuture<>();
        private final Histogram latencyUs = new Histogram(MAX_LATENCY_US, 3);
        private final Histogram orderLatencyUs = new Histogram(MAX_LATENCY_US, 3);
        private final Map<Integer, Long> statusCounts = new HashMap<>();
        private long startNs;
        private long timerId;
        private long scheduled;
        private long inFlight;
        private long answered;
        private long allAnswered;
        private long completed;
        private long failed;
        private boolean sending = true;

        Phase(final long offeredPerSecond, final long warmUpMs, final long measureMs)
        {
            this.offeredPerSecond = offeredPerSecond;
            this.warmUpMs = warmUpMs;
            this.measureMs = measureMs;
        }

        long measureStartNs()
        {
            return startNs + TimeUnit.MILLISECONDS.toNanos(warmUpMs);
        }

        long endNs()
        {
            return measureStartNs() + TimeUnit.MILLISECONDS.toNanos(measureMs);
        }

        /** Closed loop: answers completing in the measured time; open loop: requests intended in it. */
        boolean measured(final long intendedNs, final long answeredNs)
        {
            return inWindow(offeredPerSecond == 0 ? answeredNs : intendedNs);
        }

        boolean inWindow(final long timeNs)
        {
            return timeNs >= measureStartNs() && timeNs < endNs();
        }

        void onAnswer(final long intendedNs, final long answeredNs, final int statusCode, final Operation operation)
        {
            allAnswered++;
            if (inWindow(answeredNs))
            {
                completed++;
            }
            if (measured(intendedNs, answeredNs))
            {
                answered++;
                statusCounts.merge(statusCode, 1L, Long::sum);
                final long latency = Math.min(MAX_LATENCY_US, Math.max(0, (answeredNs - intendedNs) / 1000));
                latencyUs.recordValue(latency);
                if (statusCode == ACKNOWLEDGED && (operation == Operation.LIMIT_RESTING ||
                    operation == Operation.LIMIT_CROSSING))
                {
                    orderLatencyUs.recordValue(latency);
                }
            }
        }

        void onFailure(final long intendedNs)
        {
            if (measured(intendedNs, System.nanoTime()) || offeredPerSecond == 0)
            {
                failed++;
            }
        }

        void stopSending()
        {
            sending = false;
            completeIfDrained();
        }

        void completeIfDrained()
        {
            if (!sending && inFlight == 0 && !done.isDone())
            {
                done.complete(new LoadResult(offeredPerSecond, TimeUnit.MILLISECONDS.toNanos(measureMs), answered,
                    completed, failed, statusCounts, latencyUs, orderLatencyUs, allAnswered));
            }
        }
    }
}
