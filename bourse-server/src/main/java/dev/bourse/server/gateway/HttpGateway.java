package dev.bourse.server.gateway;

import dev.bourse.engine.Status;
import dev.bourse.server.edge.RequestEdge;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Serves a list of routes over HTTP with no business state: collects the body (bounded), routes (4000 for an
 * unknown path, 4017 for a method the path does not serve), authorises, decodes the parameters and answers with the
 * envelope, always HTTP 200. Nothing a client sends can make it answer 5xx; an unexpected failure of a handler is
 * logged and answered 5000.
 */
public final class HttpGateway
{
    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json; charset=utf-8";
    /** The start time of an answer that is not measured: one to a request the decoder could not parse. */
    private static final long NOT_MEASURED = Long.MIN_VALUE;

    private final String name;
    private final List<Route> routes;
    private final RequestAuthorizer authorizer;
    private final EpochClock clock;
    private final int maxBodyBytes;
    private final int maxUriLength;
    private final RequestMetrics metrics;

    /**
     * @param name         for logs.
     * @param routes       the routes served.
     * @param authorizer   authorises routes that are not public.
     * @param clock        server time.
     * @param maxBodyBytes the largest body accepted (4000 beyond).
     * @param maxUriLength the longest URI accepted (4000 beyond).
     * @param metrics      told each answer's route, status and latency.
     */
    public HttpGateway(
        final String name,
        final List<Route> routes,
        final RequestAuthorizer authorizer,
        final EpochClock clock,
        final int maxBodyBytes,
        final int maxUriLength,
        final RequestMetrics metrics)
    {
        this.name = name;
        this.routes = List.copyOf(routes);
        this.authorizer = authorizer;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.maxUriLength = maxUriLength;
        this.metrics = metrics;
    }

    /** Handles one request; the HTTP server's request handler. */
    public void handle(final HttpServerRequest request)
    {
        final long startNs = System.nanoTime();
        if (request.uri().length() > maxUriLength)
        {
            request.pause();
            answerAndClose(request, ApiResponse.failure(Status.BAD_REQUEST), startNs);
            return;
        }
        final Buffer body = Buffer.buffer();
        request.handler(chunk ->
        {
            if (request.response().ended())
            {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes)
            {
                answerAndClose(request, ApiResponse.failure(Status.BAD_REQUEST), startNs);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(ex -> LOG.debug("{}: request failed: {}", name, ex.toString()));
        request.endHandler(end ->
        {
            if (request.response().ended())
            {
                return;
            }
            if (RequestEdge.bodyMalformed(request))
            {
                answerAndClose(request, ApiResponse.failure(Status.BAD_REQUEST), startNs);
                return;
            }
            dispatch(request, body.getBytes(), startNs);
        });
    }

    /**
     * Answers a request the HTTP decoder could not parse (line or headers too long, bad syntax, an HTTP version other
     * than 1.1 and 1.0): 4000, and the connection is closed.
     */
    public void handleInvalid(final HttpServerRequest request)
    {
        answerAndClose(request, ApiResponse.failure(Status.BAD_REQUEST), NOT_MEASURED);
    }

    private void dispatch(final HttpServerRequest request, final byte[] body, final long startNs)
    {
        final Context context = Vertx.currentContext();
        Route route = null;
        CompletableFuture<ApiResponse> answer;
        try
        {
            final String method = request.method().name();
            final String path = request.path();
            Map<String, String> captures = null;
            boolean pathKnown = false;
            for (final Route candidate : routes)
            {
                final Map<String, String> matched = candidate.path().match(path);
                if (matched == null)
                {
                    continue;
                }
                pathKnown = true;
                if (candidate.method().equals(method))
                {
                    route = candidate;
                    captures = matched;
                    break;
                }
            }
            if (route == null)
            {
                throw new ApiException(pathKnown ? Status.UNSUPPORTED_METHOD : Status.BAD_REQUEST);
            }
            answer = call(route, captures, request, body);
        }
        catch (final ApiException ex)
        {
            answer = CompletableFuture.completedFuture(ApiResponse.failure(ex.status()));
        }
        catch (final RuntimeException ex)
        {
            LOG.error("{}: {} {} failed", name, request.method(), request.path(), ex);
            answer = CompletableFuture.completedFuture(ApiResponse.failure(Status.INTERNAL_SERVER_ERROR));
        }
        final Route answering = route;
        answer.whenComplete((response, failure) ->
        {
            final ApiResponse result = failure == null ? response : failureOf(request, failure);
            if (context == null || Vertx.currentContext() == context)
            {
                answer(request, result, answering, startNs);
            }
            else
            {
                context.runOnContext(v -> answer(request, result, answering, startNs));
            }
        });
    }

    private ApiResponse failureOf(final HttpServerRequest request, final Throwable failure)
    {
        final Throwable cause = failure.getCause() != null && !(failure instanceof ApiException) ?
            failure.getCause() : failure;
        if (cause instanceof ApiException api)
        {
            return ApiResponse.failure(api.status());
        }
        LOG.error("{}: {} {} failed", name, request.method(), request.path(), cause);
        return ApiResponse.failure(Status.INTERNAL_SERVER_ERROR);
    }

    private CompletableFuture<ApiResponse> call(
        final Route route, final Map<String, String> captures, final HttpServerRequest request, final byte[] body)
    {
        final long nowMs = clock.time();
        final long accountId = route.access() == Route.Access.PUBLIC ? 0 :
            authorizer.authorize(route, request, body, nowMs);
        final RequestParameters params = RequestParameters.decode(request.query(), formBody(request, body));
        final CompletableFuture<ApiResponse> answer =
            route.handler().handle(new ApiRequest(request.method().name(), captures, params, accountId, nowMs));
        if (answer == null)
        {
            throw new IllegalStateException("route " + route.path() + " answered null");
        }
        return answer;
    }

    private static String formBody(final HttpServerRequest request, final byte[] body)
    {
        if (body.length == 0)
        {
            return null;
        }
        final String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        final boolean form = contentType != null &&
            contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals(FORM);
        if ("GET".equals(request.method().name()) || !form)
        {
            throw new ApiException(Status.BAD_REQUEST);
        }
        for (final byte b : body)
        {
            if (b < 0x20 || b > 0x7e)
            {
                throw new ApiException(Status.BAD_REQUEST);
            }
        }
        return new String(body, StandardCharsets.US_ASCII);
    }

    private Future<Void> answer(
        final HttpServerRequest request, final ApiResponse response, final Route route, final long startNs)
    {
        final HttpServerResponse http = request.response();
        if (http.ended() || http.closed())
        {
            return Future.succeededFuture();
        }
        final Future<Void> written = http.setStatusCode(200)
            .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
            .end(Buffer.buffer(EnvelopeWriter.write(response, clock.time())));
        if (startNs != NOT_MEASURED)
        {
            metrics.requestAnswered(route, response.status(), System.nanoTime() - startNs);
        }
        return written;
    }

    private void answerAndClose(final HttpServerRequest request, final ApiResponse response, final long startNs)
    {
        final HttpServerResponse http = request.response();
        if (http.ended() || http.closed())
        {
            return;
        }
        http.putHeader(HttpHeaders.CONNECTION, "close");
        answer(request, response, null, startNs).onComplete(done -> request.connection().close());
    }
}
