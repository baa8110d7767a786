package dev.bourse.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * N WebSocket connections to {@code /v1/ws} (Vert.x, one event loop of their own), each taking trade messages and
 * recording, for those published in the measured window, the latency from {@code publishedAtUs} (the server's clock
 * when the message was made) to receipt (this machine's clock: client and server share it). Everything but the
 * constructor and {@link #result} runs on the event loop.
 */
final class StreamSubscribers implements AutoCloseable
{
    private static final long MAX_LATENCY_US = TimeUnit.MINUTES.toMicros(2);
    private static final String STAMP = "\"publishedAtUs\":";
    private static final String TRADE = "{\"type\":\"trade\"";
    private static final long CONNECT_TIMEOUT_MS = 60_000;

    /**
     * What the connections received in the measured window.
     *
     * @param messages  trade messages published in the window, all connections together.
     * @param fewest    the fewest one connection received.
     * @param closed    connections the server closed during the run.
     * @param latencyUs publication-to-receipt latency, microseconds.
     */
    record Result(long messages, long fewest, int closed, Histogram latencyUs)
    {
        double percentileMs(final double percentile)
        {
            return latencyUs.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final Vertx vertx;
    private final Context context;
    private final WebSocketClient client;
    private final List<WebSocket> sockets = new ArrayList<>();
    private final Histogram latencyUs = new Histogram(MAX_LATENCY_US, 3);
    private long[] received;
    private long fromUs;
    private long toUs;
    private int closed;
    private boolean closing;
    private int pongsAwaited;
    private CompletableFuture<Void> pongs;
    private int afterWindowAwaited;
    private boolean[] seenAfterWindow;
    private CompletableFuture<Void> afterWindow;

    StreamSubscribers(final Vertx vertx)
    {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
            .setConnectTimeout((int)CONNECT_TIMEOUT_MS));
    }

    /**
     * Opens the connections and sends each the subscription, if any; returns once every one is subscribed.
     *
     * @param subscribe the subscribe request, or null to subscribe to nothing (the baseline sends to everyone).
     */
    void open(final String host, final int port, final int count, final String subscribe) throws Exception
    {
        received = new long[count];
        seenAfterWindow = new boolean[count];
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        context.runOnContext(ignored ->
        {
            final List<Future<?>> subscribed = new ArrayList<>();
            for (int i = 0; i < count; i++)
            {
                final int index = i;
                subscribed.add(client.connect(port, host, BareServer.STREAM_PATH).compose(socket ->
                {
                    sockets.add(socket);
                    socket.closeHandler(closedSocket -> closed += closing ? 0 : 1);
                    final Promise<Void> ack = Promise.promise();
                    socket.textMessageHandler(text -> onText(index, text, ack));
                    if (subscribe == null)
                    {
                        ack.tryComplete();
                    }
                    else
                    {
                        socket.writeFinalTextFrame(subscribe);
                    }
                    return ack.future();
                }));
            }
            Future.all(subscribed).onComplete(all ->
            {
                if (all.succeeded())
                {
                    ready.complete(null);
                }
                else
                {
                    ready.completeExceptionally(all.cause());
                }
            });
        });
        ready.get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private void onText(final int index, final String text, final Promise<Void> ack)
    {
        if (!text.startsWith(TRADE))
        {
            if (text.contains("\"subscribed\""))
            {
                ack.tryComplete();
            }
            else if (text.startsWith("{\"type\":\"pong\"") && pongs != null && --pongsAwaited == 0)
            {
                pongs.complete(null);
            }
            return;
        }
        final Instant now = Instant.now();
        final long nowUs = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        final int stamp = text.indexOf(STAMP) + STAMP.length();
        long publishedUs = 0;
        for (int i = stamp; i < text.length() && Character.isDigit(text.charAt(i)); i++)
        {
            publishedUs = publishedUs * 10 + (text.charAt(i) - '0');
        }
        if (publishedUs >= fromUs && publishedUs < toUs)
        {
            received[index]++;
            latencyUs.recordValue(Math.min(MAX_LATENCY_US, Math.max(0, nowUs - publishedUs)));
        }
        else if (publishedUs >= toUs && afterWindow != null && !seenAfterWindow[index])
        {
            seenAfterWindow[index] = true;
            if (--afterWindowAwaited == 0)
            {
                afterWindow.complete(null);
            }
        }
    }

    /** Measures messages published from now + warm-up for the measured time. */
    void window(final long warmUpMs, final long measureMs)
    {
        final Instant now = Instant.now();
        final long nowUs = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        context.runOnContext(ignored ->
        {
            fromUs = nowUs + warmUpMs * 1_000;
            toUs = fromUs + measureMs * 1_000;
        });
    }

    /**
     * Bourse's barrier: a ping on every connection; once every pong is in, every message published before the pings
     * has arrived.
     */
    void awaitPongs() throws Exception
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored ->
        {
            pongsAwaited = sockets.size();
            pongs = done;
            sockets.forEach(socket -> socket.writeFinalTextFrame("{\"op\":\"ping\"}"));
        });
        done.get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * The baseline's barrier: asks for one more message (published after the window) and waits until every connection
     * has it, so every message published in the window has arrived.
     */
    void awaitOneAfterWindow() throws Exception
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored ->
        {
            afterWindowAwaited = sockets.size();
            afterWindow = done;
            sockets.getFirst().writeFinalTextFrame("x");
        });
        done.get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the baseline's trigger messages on the first connection, open loop, for a time.
     *
     * @return completes when the last one is sent.
     */
    CompletableFuture<Void> drive(final double perSecond, final long durationMs)
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored ->
        {
            final long startNs = System.nanoTime();
            final long endNs = startNs + TimeUnit.MILLISECONDS.toNanos(durationMs);
            final long[] sent = new long[1];
            vertx.setPeriodic(1, timer ->
            {
                final long nowNs = System.nanoTime();
                while (startNs + (long)(sent[0] * 1e9 / perSecond) <= Math.min(nowNs, endNs))
                {
                    sockets.getFirst().writeFinalTextFrame("x");
                    sent[0]++;
                }
                if (nowNs >= endNs)
                {
                    vertx.cancelTimer(timer);
                    done.complete(null);
                }
            });
        });
        return done;
    }

    /** @return what was received in the window, once messages published in it had time to arrive. */
    Result result() throws Exception
    {
        final CompletableFuture<Result> result = new CompletableFuture<>();
        context.runOnContext(ignored ->
        {
            long total = 0;
            long fewest = Long.MAX_VALUE;
            for (final long count : received)
            {
                total += count;
                fewest = Math.min(fewest, count);
            }
            result.complete(new Result(total, fewest, closed, latencyUs.copy()));
        });
        return result.get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored ->
        {
            closing = true;
            Future.all(sockets.stream().map(socket -> (Future<?>)socket.close()).toList())
                .onComplete(all -> client.close().onComplete(closedClient -> done.complete(null)));
        });
        done.get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
