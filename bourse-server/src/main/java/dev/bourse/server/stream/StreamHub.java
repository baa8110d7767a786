package dev.bourse.server.stream;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.server.auth.ApiKeyAuthenticator;
import dev.bourse.server.gateway.ApiResponse;
import dev.bourse.server.gateway.EngineGateway;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.sequencer.AppliedCommand;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The WebSocket endpoint {@code /v1/ws} of the public port: what every event loop's {@link StreamLoop} shares (the
 * publisher's window, the authenticator, the engine, the caps, the counters). Create one {@link StreamLoop} on each
 * event loop that serves the public API.
 */
public final class StreamHub
{
    /** The path of the endpoint. */
    public static final String PATH = "/v1/ws";

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

    private final StreamConfiguration configuration;
    private final StreamPublisher publisher;
    private final ApiKeyAuthenticator authenticator;
    private final EngineGateway engine;
    private final EpochClock clock;
    private final StreamQuotas quotas;
    private final StreamStats stats = new StreamStats();
    private final StreamCodec codec;
    private final Set<CompletableFuture<ApiResponse>> cancelling = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param configuration the bounds.
     * @param publisher     the publisher, bound to the read model already.
     * @param authenticator the REST API's authenticator: logins share its windows, replay memory and rate limits.
     * @param engine        where cancel-on-disconnect sends its cancel-alls.
     * @param clock         server time, for login timestamps.
     */
    public StreamHub(final StreamConfiguration configuration, final StreamPublisher publisher,
        final ApiKeyAuthenticator authenticator, final EngineGateway engine, final EpochClock clock)
    {
        this.configuration = configuration;
        this.publisher = publisher;
        this.authenticator = authenticator;
        this.engine = engine;
        this.clock = clock;
        this.quotas = new StreamQuotas(configuration);
        this.codec = new StreamCodec(publisher.readModel().markets());
    }

    /**
     * @param request an HTTP request on the public port.
     * @return whether it asks for a WebSocket on {@link #PATH} (anything else goes to the HTTP gateway).
     */
    public static boolean isStreamRequest(final HttpServerRequest request)
    {
        return PATH.equals(request.path()) && request.canUpgradeToWebSocket();
    }

    /**
     * Creates the stream side of the current event loop; call on that event loop.
     *
     * @param vertx the Vert.x instance.
     * @return the loop's dispatcher, which takes the loop's upgrade requests.
     */
    public StreamLoop newLoop(final Vertx vertx)
    {
        final StreamLoop loop = new StreamLoop(this, vertx, Vertx.currentContext());
        publisher.onAppended(loop::wake);
        return loop;
    }

    /**
     * Stops waking the event loops; call after the HTTP servers closed the connections and before Vert.x closes. Waits
     * (at most {@code waitMs}) for the cancel-alls that cancel-on-disconnect submitted, so that a clean shutdown
     * applies them before the engine stops.
     */
    public void close(final long waitMs)
    {
        closed = true;
        try
        {
            CompletableFuture.allOf(cancelling.toArray(CompletableFuture[]::new)).get(waitMs, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            LOG.warn("cancel-on-disconnect: not every cancel-all was answered at shutdown: {}", ex.toString());
        }
    }

    boolean isClosed()
    {
        return closed;
    }

    /** @return the counters. */
    public StreamStats stats()
    {
        return stats;
    }

    StreamConfiguration configuration()
    {
        return configuration;
    }

    StreamPublisher publisher()
    {
        return publisher;
    }

    ApiKeyAuthenticator authenticator()
    {
        return authenticator;
    }

    EpochClock clock()
    {
        return clock;
    }

    StreamQuotas quotas()
    {
        return quotas;
    }

    StreamCodec codec()
    {
        return codec;
    }

    /**
     * Cancel-on-disconnect: one journaled cancel-all per pair, submitted now (in the engine's order, after every
     * command already submitted). Called on the connection's event loop.
     *
     * @param accountId the account.
     * @param coinPairs the pairs, or null for every pair of the exchange.
     */
    void cancelOnDisconnect(final long accountId, final List<String> coinPairs)
    {
        final List<String> pairs = coinPairs != null ? coinPairs :
            publisher.readModel().markets().pairs().stream().map(MarketDirectory.Pair::coinPair).toList();
        for (final String coinPair : pairs)
        {
            stats.cancelOnDisconnectCommand();
            final CompletableFuture<ApiResponse> answer = engine.send(new CancelAllOrders(accountId, coinPair),
                applied -> cancelled(accountId, coinPair, applied));
            cancelling.add(answer);
            answer.whenComplete((response, failure) ->
            {
                cancelling.remove(answer);
                if (failure != null || !response.status().isSuccess())
                {
                    LOG.warn("cancel-on-disconnect: the cancel-all of account {} on {} was not applied: {}",
                        accountId, coinPair, failure != null ? failure.toString() : response.status());
                }
            });
        }
    }

    private static ApiResponse cancelled(final long accountId, final String coinPair, final AppliedCommand applied)
    {
        LOG.info("cancel-on-disconnect: account {} cancelled {} orders on {} (command {})", accountId,
            applied.first(AllOrdersCancelled.class).orderIds().size(), coinPair, applied.sequence());
        return ApiResponse.ok(null);
    }
}
