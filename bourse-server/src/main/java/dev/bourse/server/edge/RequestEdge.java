package dev.bourse.server.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

import java.util.concurrent.TimeUnit;

/**
 * What one HTTP/1.x connection must get right before the gateway sees a request, as two Netty handlers around Vert.x's
 * request decoder ({@code httpDecoder}):
 * <ul>
 *     <li><b>The request deadline.</b> From the first read that carries a part of a request to the end of its body,
 *     at most {@code requestTimeoutMs} may pass; otherwise the connection is closed without an answer (nothing of
 *     the request reached the gateway, so nothing was applied). A request that arrives within one read, as nearly
 *     all do, costs no timer; one spread over reads gets one timer, and so does a slow-headers ("slowloris")
 *     client, which is how it is cut off. Between requests only the idle timeout applies.</li>
 *     <li><b>The versions served</b>: {@code HTTP/1.1} and {@code HTTP/1.0}, exactly (the version is case-sensitive).
 *     Any other request line ({@code HTTP/2.0}, {@code HTTP/1.2}, {@code http/1.1}, the HTTP/2 preface) is marked
 *     as a request the decoder could not parse, so the gateway's invalid-request handler answers it (4000, HTTP/1.1,
 *     and the connection is closed) where Vert.x would answer {@code 501} with no body.</li>
 *     <li><b>A body the decoder cannot parse</b> (a bad chunk size, a chunk or trailer too long): the body is ended
 *     there and marked, so that the gateway answers 4000 and closes the connection where Vert.x would close it
 *     without an answer ({@link #bodyMalformed}).</li>
 * </ul>
 * After a protocol switch (a WebSocket upgrade answered 101) the handlers take themselves out of the pipeline.
 * Both run on the connection's event loop only.
 */
public final class RequestEdge
{
    private static final AttributeKey<RequestEdge> KEY = AttributeKey.valueOf("bourse.requestEdge");
    private static final String DECODER = "httpDecoder";
    private static final String VERTX_HANDLER = "handler";
    private static final String BYTES_HANDLER = "bourseRequestBytes";
    private static final String MESSAGES_HANDLER = "bourseRequestMessages";

    private final long timeoutNs;
    private final ConnectionGuard guard;
    private boolean inRequest;
    private long startedNs;
    private ScheduledFuture<?> timer;
    private boolean bodyMalformed;
    private boolean discarding;

    private RequestEdge(final long timeoutMs, final ConnectionGuard guard)
    {
        this.timeoutNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        this.guard = guard;
    }

    /**
     * Puts the handlers into a new HTTP/1.x connection's pipeline.
     *
     * @param channel   the connection.
     * @param timeoutMs the request deadline.
     * @param guard     counts cut-offs and malformed requests.
     */
    static void install(final Channel channel, final long timeoutMs, final ConnectionGuard guard)
    {
        final ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(DECODER) == null)
        {
            return;
        }
        final RequestEdge edge = new RequestEdge(timeoutMs, guard);
        channel.attr(KEY).set(edge);
        pipeline.addBefore(DECODER, BYTES_HANDLER, edge.new Bytes());
        pipeline.addBefore(VERTX_HANDLER, MESSAGES_HANDLER, edge.new Messages());
    }

    /**
     * @param request a request whose body has ended.
     * @return whether its body could not be parsed (the connection then has no more requests): answer 4000 and close.
     */
    public static boolean bodyMalformed(final HttpServerRequest request)
    {
        if (!(request.connection() instanceof ConnectionBase connection))
        {
            return false;
        }
        final RequestEdge edge = connection.channel().attr(KEY).get();
        return edge != null && edge.bodyMalformed;
    }

    private void started()
    {
        if (!inRequest)
        {
            inRequest = true;
            startedNs = System.nanoTime();
        }
    }

    private void ended()
    {
        inRequest = false;
    }

    private void armIfPending(final ChannelHandlerContext ctx)
    {
        if (inRequest && timer == null)
        {
            schedule(ctx, startedNs + timeoutNs - System.nanoTime());
        }
    }

    private void schedule(final ChannelHandlerContext ctx, final long delayNs)
    {
        timer = ctx.executor().schedule(() -> expire(ctx), Math.max(0, delayNs), TimeUnit.NANOSECONDS);
    }

    private void expire(final ChannelHandlerContext ctx)
    {
        timer = null;
        if (!inRequest || !ctx.channel().isActive())
        {
            return;
        }
        final long remainingNs = startedNs + timeoutNs - System.nanoTime();
        if (remainingNs > 0)
        {
            schedule(ctx, remainingNs);
            return;
        }
        guard.cutOff();
        ctx.channel().close();
    }

    private void cancelTimer()
    {
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
        }
    }

    private void remove(final ChannelPipeline pipeline)
    {
        cancelTimer();
        inRequest = false;
        if (pipeline.get(BYTES_HANDLER) != null)
        {
            pipeline.remove(BYTES_HANDLER);
        }
        if (pipeline.get(MESSAGES_HANDLER) != null)
        {
            pipeline.remove(MESSAGES_HANDLER);
        }
    }

    /** Before the decoder: notes when a request's first bytes arrive, and arms the deadline if it is not whole. */
    private final class Bytes extends ChannelInboundHandlerAdapter
    {
        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            if (msg instanceof ByteBuf bytes && bytes.isReadable())
            {
                started();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelReadComplete(final ChannelHandlerContext ctx)
        {
            armIfPending(ctx);
            ctx.fireChannelReadComplete();
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            cancelTimer();
            ctx.fireChannelInactive();
        }
    }

    /** After the decoder: the version check, bad bodies, the end of each request, and the protocol switch. */
    private final class Messages extends ChannelDuplexHandler
    {
        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            if (discarding)
            {
                ReferenceCountUtil.release(msg);
                return;
            }
            Object forward = msg;
            if (msg instanceof HttpRequest request)
            {
                if (request.decoderResult().isSuccess() && request.protocolVersion() != HttpVersion.HTTP_1_1 &&
                    request.protocolVersion() != HttpVersion.HTTP_1_0)
                {
                    request.setDecoderResult(DecoderResult.failure(
                        new IllegalArgumentException("only HTTP/1.1 and HTTP/1.0 are served")));
                }
                if (request.decoderResult().isFailure())
                {
                    request.setProtocolVersion(HttpVersion.HTTP_1_1);
                    discarding = true;
                }
            }
            else if (msg instanceof HttpContent content && content.decoderResult().isFailure())
            {
                ReferenceCountUtil.release(content);
                bodyMalformed = true;
                forward = LastHttpContent.EMPTY_LAST_CONTENT;
                discarding = true;
            }
            if (discarding)
            {
                guard.malformed();
                ended();
            }
            else if (forward instanceof LastHttpContent)
            {
                ended();
            }
            ctx.fireChannelRead(forward);
        }

        @Override
        public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise)
        {
            final boolean switching = msg instanceof HttpResponse response &&
                response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
            ctx.write(msg, promise);
            if (switching)
            {
                remove(ctx.pipeline());
            }
        }
    }
}
