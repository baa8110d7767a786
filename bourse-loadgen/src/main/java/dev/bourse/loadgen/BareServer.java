package dev.bourse.loadgen;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import java.nio.charset.StandardCharsets;

/**
 * The ceiling: a bare Vert.x HTTP server, set up like Bourse's public gateway (same Vert.x, same event loops, one
 * server bound from outside a verticle), that answers every request, once its body has arrived, with the constant
 * BITFRONT envelope {@code {"timezone":"UTC","responseTime":<now>,"statusCode":1000,"statusMessage":"SUCCESS",
 * "responseData":{}}}. No parsing, no signature check, no engine, no journal.
 */
public final class BareServer implements AutoCloseable
{
    /** Event loops, as Bourse's default. */
    public static final int EVENT_LOOPS = 2;

    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("application/json; charset=utf-8");
    private static final byte[] HEAD = "{\"timezone\":\"UTC\",\"responseTime\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = ",\"statusCode\":1000,\"statusMessage\":\"SUCCESS\",\"responseData\":{}}"
        .getBytes(StandardCharsets.US_ASCII);

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
        final HttpServer server = vertx.createHttpServer(new HttpServerOptions())
            .requestHandler(request -> request.body().onComplete(ignored -> request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(envelope(System.currentTimeMillis()))));
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
