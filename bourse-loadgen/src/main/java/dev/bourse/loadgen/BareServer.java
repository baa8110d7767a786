package dev.bourse.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling: a bare Vert.x HTTP server, set up like Bourse's public gateway (same Vert.x, same event loops, one
 * server bound from outside a verticle), that answers every request, once its body has arrived, with the constant
 * BITFRONT envelope {@code {"timezone":"UTC","responseTime":<now>,"statusCode":1000,"statusMessage":"SUCCESS",
 * "responseData":{}}}. No parsing, no signature check, no engine, no journal.
 * <p>
 * It is also the streams' baseline: a WebSocket on {@code /v1/ws} that, for every message any connection sends it,
 * echoes a constant message shaped like Bourse's trade message (its {@code publishedAtUs} the server's clock then) to
 * every connection, on each connection's own event loop as Bourse does: the fan-out without a publisher, a window or
 * JSON encoding.
 */
public final class BareServer implements AutoCloseable
{
    /** Event loops, as Bourse's default. */
    public static final int EVENT_LOOPS = 2;

    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("application/json; charset=utf-8");
    private static final byte[] HEAD = "{\"timezone\":\"UTC\",\"responseTime\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = ",\"statusCode\":1000,\"statusMessage\":\"SUCCESS\",\"responseData\":{}}"
        .getBytes(StandardCharsets.US_ASCII);

    /** The path of the WebSocket baseline. */
    public static final String STREAM_PATH = "/v1/ws";

    private static final String STREAM_HEAD = "{\"type\":\"trade\",\"seq\":1000000,\"idx\":1,\"timestamp\":" +
        "1700000000000,\"publishedAtUs\":";
    private static final String STREAM_TAIL = ",\"coinPair\":\"BTC.USDT\",\"trade\":{\"transactionID\":" +
        "20100000000001,\"market\":\"USDT\",\"currency\":\"BTC\",\"price\":50000,\"amount\":0.001," +
        "\"totalValue\":50,\"orderSide\":\"BUY\",\"createdAt\":1700000000000,\"createAt\":1700000000000}}";

    private final Vertx vertx;
    private final HttpServer server;

    private BareServer(final Vertx vertx, final HttpServer server)
    {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * @param host the address to bind.
     * @param port the port, 0 for any free one.
     * @return the started server.
     */
    public static BareServer start(final String host, final int port)
    {
        final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        final Map<Context, List<ServerWebSocket>> sockets = new ConcurrentHashMap<>();
        final HttpServer server = vertx.createHttpServer(new HttpServerOptions())
            .requestHandler(request ->
            {
                if (STREAM_PATH.equals(request.path()) && request.canUpgradeToWebSocket())
                {
                    request.toWebSocket().onSuccess(socket -> stream(sockets, socket));
                    return;
                }
                request.body().onComplete(ignored -> request.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                    .end(envelope(System.currentTimeMillis())));
            });
        try
        {
            return new BareServer(vertx, server.listen(port, host).await());
        }
        catch (final RuntimeException ex)
        {
            vertx.close().await();
            throw ex;
        }
    }

    private static void stream(final Map<Context, List<ServerWebSocket>> sockets, final ServerWebSocket socket)
    {
        final Context context = Vertx.currentContext();
        final List<ServerWebSocket> own = sockets.computeIfAbsent(context, loop -> new ArrayList<>());
        own.add(socket);
        socket.closeHandler(ignored -> own.remove(socket));
        socket.textMessageHandler(ignored ->
        {
            final Instant now = Instant.now();
            final String message = STREAM_HEAD + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000) +
                STREAM_TAIL;
            sockets.forEach((loop, connections) -> loop.runOnContext(v ->
            {
                for (final ServerWebSocket connection : connections)
                {
                    connection.writeFinalTextFrame(message);
                }
            }));
        });
    }

    /** @return the envelope answered at a time. */
    static Buffer envelope(final long responseTimeMs)
    {
        return Buffer.buffer(HEAD.length + TAIL.length + 20)
            .appendBytes(HEAD)
            .appendString(Long.toString(responseTimeMs))
            .appendBytes(TAIL);
    }

    /** @return the bound port. */
    public int port()
    {
        return server.actualPort();
    }

    @Override
    public void close()
    {
        vertx.close().await();
    }
}
