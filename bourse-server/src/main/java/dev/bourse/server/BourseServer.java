package dev.bourse.server;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.PutPair;
import dev.bourse.server.admin.AdminApi;
import dev.bourse.server.admin.AdminTokenAuthorizer;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.admin.HealthRoutes;
import dev.bourse.server.auth.ApiKeyAuthenticator;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.edge.ConnectionGuard;
import dev.bourse.server.edge.DescriptorBudget;
import dev.bourse.server.gateway.EngineGateway;
import dev.bourse.server.gateway.HttpGateway;
import dev.bourse.server.gateway.PublicApi;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.metrics.ServerMetrics;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.AppliedCommand;
import dev.bourse.server.sequencer.SequencerHealth;
import dev.bourse.server.stream.StreamHub;
import dev.bourse.server.stream.StreamLoop;
import dev.bourse.server.stream.StreamPublisher;
import dev.bourse.server.stream.StreamStats;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The running exchange: two HTTP gateways on Vert.x, the public API (with the WebSocket streams of {@link StreamHub} on
 * {@code /v1/ws}) and the admin API (bound to 127.0.0.1 by default), in front of an {@link ExchangeCore} that
 * sequences, applies and projects the commands. The core is the single node with its journal ({@link
 * JournaledExchange}: engine thread, projection thread, recovery of the data directory and periodic snapshots) unless
 * {@link ServerContext#exchangeCore(ExchangeCore.Factory)} names another, such as a node of a cluster. Every command is
 * durable before anything derived from it is visible. {@link #close()} stops the gateways first, then the core, which
 * answers every command still waiting, so no request is left waiting.
 * <p>
 * Fail-stop: when the core cannot make a command durable, or the engine or a projection throws, the server stops
 * accepting writes at once, shuts down without snapshotting its live state, and {@link #awaitTermination()} returns
 * {@link #EXIT_FAIL_STOP}, so that a supervisor restarts it and recovery rebuilds exactly the durable prefix.
 */
public final class BourseServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(BourseServer.class);
    private static final long STOP_TIMEOUT_MS = 10_000;
    /** How long answers already on their way (a fail-stop's 5000s among them) may take to leave at shutdown. */
    private static final long SHUTDOWN_GRACE_MS = 2_000;
    private static final List<String> DOCUMENTS = List.of("/openapi.yaml", "/asyncapi.yaml");
    private static final String METRICS_PATH = "/metrics";
    private static final int MAX_HEADER_BYTES = 16_384;
    private static final String ADMIN_TOKEN_FILE = "admin.token";

    /** What {@link #awaitTermination()} returns after a clean shutdown. */
    public static final int EXIT_OK = 0;
    /** What {@link #awaitTermination()} returns after a fail-stop (EX_SOFTWARE of sysexits.h). */
    public static final int EXIT_FAIL_STOP = 70;
    private static final String SECRET_KEY_FILE = "secret.key";

    private final ServerContext context;
    private final HistoryService history;
    private final ExchangeCore core;
    private final ReadModel readModel;
    private final StreamPublisher publisher;
    private StreamHub streams;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile int exitCode = EXIT_OK;
    private final Vertx vertx;
    private final String adminToken;
    private final Path adminTokenFile;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final ServerMetrics metrics = new ServerMetrics();
    private ConnectionGuard publicGuard;
    private ConnectionGuard adminGuard;
    private HttpServer publicServer;
    private HttpServer adminServer;
    private volatile boolean closed;
    private volatile boolean listening;

    private BourseServer(final ServerContext context, final HistoryService history) throws IOException
    {
        this.context = context;
        this.history = history;
        final long constructedAtMs = context.clock().time();
        OwnerOnlyFiles.dataDirectory(context.dataDir());
        final SecretCipher cipher = new SecretCipher(secretKey(context));
        this.adminTokenFile = context.adminToken() == null ? context.dataDir().resolve(ADMIN_TOKEN_FILE) : null;
        this.adminToken = context.adminToken() != null ? context.adminToken() :
            OwnerOnlyFiles.readOrCreate(adminTokenFile, () -> randomHex(32));
        this.publisher = new StreamPublisher(context.streamConfiguration().windowMessages());
        try
        {
            this.core = context.exchangeCore().open(context, cipher, history, metrics, List.of(publisher),
                this::onFailStop);
        }
        catch (final IOException | RuntimeException ex)
        {
            metrics.close();
            throw ex;
        }
        this.readModel = core.readModel();
        try
        {
            this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(context.eventLoops())
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                    .setClassPathResolvingEnabled(false)));
            serve(cipher, constructedAtMs);
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    /** Starts both gateways in front of the core. */
    private void serve(final SecretCipher cipher, final long constructedAtMs)
    {
        final EngineGateway engine = new EngineGateway(core.commands(), metrics);
        final long startedAtMs = core.hadState() ?
            waitUntil(context.clock(), constructedAtMs + context.authConfiguration().aheadMs()) :
            context.clock().time();
        final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(readModel.apiKeys(), context.authConfiguration(), startedAtMs);
        final List<Route> publicRoutes = new PublicApi(readModel, history.store(), engine).routes();
        final HttpGateway publicGateway = new HttpGateway("public", publicRoutes,
            (route, request, body, nowMs) -> authenticator.authenticate(signedRequest(request, body),
                route.tradeHistory(), nowMs).accountId(),
            context.clock(), context.maxBodyBytes(), context.maxUriLength(), metrics.requests("public", publicRoutes));
        final List<Route> adminRoutes = new ArrayList<>(new AdminApi(readModel, engine, cipher).routes());
        adminRoutes.addAll(new HealthRoutes(core.health(), () -> listening, history.store()).routes());
        adminRoutes.addAll(core.adminRoutes());
        final HttpGateway adminGateway = new HttpGateway("admin", adminRoutes, new AdminTokenAuthorizer(adminToken),
            context.clock(), context.maxBodyBytes(), context.maxUriLength(), metrics.requests("admin", adminRoutes));
        this.streams = new StreamHub(context.streamConfiguration(), publisher, authenticator, engine, context.clock());
        final Map<String, Buffer> documents = documents();
        this.publicGuard = new ConnectionGuard("public",
            DescriptorBudget.fit(context.publicLimits(), context.adminLimits(), DescriptorBudget.maxDescriptors()));
        this.adminGuard = new ConnectionGuard("admin", context.adminLimits());
        metrics.bindConnections(publicGuard);
        metrics.bindConnections(adminGuard);
        this.publicServer = listen(publicGateway, publicGuard, request -> false, documents, streams,
            context.publicHost(), context.publicPort(), context.eventLoops());
        this.adminServer = listen(adminGateway, adminGuard, this::serveMetrics, documents, null, context.adminHost(),
            context.adminPort(), 1);
        listening = true;
    }

    /**
     * Starts the exchange; with demo pairs enabled and no pair yet, creates them and prints how to begin.
     *
     * @param context the configuration.
     * @return the running server.
     * @throws IOException when the data directory or its key files cannot be used.
     */
    public static BourseServer start(final ServerContext context) throws IOException
    {
        final HistoryService history;
        try
        {
            history = context.historyFactory().open(context);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new IOException("the history database could not be opened: " + ex.getMessage(), ex);
        }
        final BourseServer server;
        try
        {
            server = new BourseServer(context, history);
        }
        catch (final IOException | RuntimeException ex)
        {
            history.close();
            throw ex;
        }
        try
        {
            if (context.demoPairs() && server.readModel.markets().pairs().isEmpty())
            {
                server.createDemoPairs(System.out);
            }
        }
        catch (final RuntimeException ex)
        {
            server.close();
            throw ex;
        }
        LOG.info("Bourse serves the public API on {}:{} and the admin API on {}:{}", context.publicHost(),
            server.publicPort(), context.adminHost(), server.adminPort());
        final long maxHeapBytes = Runtime.getRuntime().maxMemory();
        if (maxHeapBytes < ServerContext.sizeInBytes(context.heap()) * 9 / 10)
        {
            LOG.warn("the JVM's heap is {} MiB, less than the heap configured ({}): start the server with " +
                "./bourse serve, or give the JVM -Xmx{}", maxHeapBytes >> 20, context.heap(), context.heap());
        }
        if (server.adminTokenFile != null)
        {
            LOG.info("the admin token is in {}", server.adminTokenFile.toAbsolutePath());
        }
        return server;
    }

    /**
     * Requests accepted before a crash were signed at most {@code aheadMs} past the crash, which came before this
     * process (or this server object) began; refusing everything signed before {@code notBeforeMs} therefore refuses
     * every replay of them, although the replay memory did not survive. The server waits until then before serving.
     */
    private static long waitUntil(final EpochClock clock, final long notBeforeMs)
    {
        final long waitMs = notBeforeMs - clock.time();
        if (waitMs > 0)
        {
            LOG.info("serving in {} ms: requests signed before {} are refused so that none from before the restart " +
                "can be replayed", waitMs, notBeforeMs);
            try
            {
                Thread.sleep(waitMs);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", ex);
            }
        }
        return notBeforeMs;
    }

    private void createDemoPairs(final PrintStream out)
    {
        for (final PutPair pair : DemoPairs.commands())
        {
            final Status status = submitAndWait(pair);
            if (!status.isSuccess())
            {
                throw new IllegalStateException("the demo pair " + pair.coinPair() + " was refused: " + status);
            }
        }
        final String tokenHint = adminTokenFile == null ? "<your BOURSE_ADMIN_TOKEN>" :
            "$(cat " + adminTokenFile.toAbsolutePath() + ")";
        out.println(DemoPairs.gettingStarted(publicPort(), adminPort(), tokenHint));
        out.flush();
    }

    /**
     * Applies a command and waits for the engine (for set-up and tools, not for the event loops).
     *
     * @param command the command.
     * @return its status.
     */
    public Status submitAndWait(final Command command)
    {
        return await(submit(command)).status();
    }

    /**
     * Submits a command (for tools and tests that load an exchange fast, not for the event loops).
     *
     * @param command the command.
     * @return what it did, once it is durable and every projection followed it.
     */
    public CompletableFuture<AppliedCommand> submit(final Command command)
    {
        return core.commands().submit(command);
    }

    /** @return the durable history's queries and health. */
    public HistoryStore history()
    {
        return history.store();
    }

    /**
     * Listens with {@code instances} servers on the same port, each on an event loop of its own (Vert.x shares the
     * port among them and spreads the connections; a server created outside a verticle would put every connection on
     * one event loop). Port 0 becomes Vert.x's -1: one random port shared by the instances. HTTP/1.1 and HTTP/1.0
     * only: cleartext HTTP/2 (h2c) is off, so every client gets the same limits and envelopes. With {@code streams},
     * each instance also serves the WebSocket streams of its event loop.
     *
     * @return the first server, which knows the actual port.
     */
    private HttpServer listen(final HttpGateway gateway, final ConnectionGuard guard,
        final Predicate<HttpServerRequest> extra, final Map<String, Buffer> documents, final StreamHub streams,
        final String host, final int port, final int instances)
    {
        final int sharedPort = port == 0 && instances > 1 ? -1 : port;
        final int maxWebSocketMessage = Math.max(HttpServerOptions.DEFAULT_MAX_WEBSOCKET_FRAME_SIZE,
            context.streamConfiguration().maxMessageBytes());
        final List<HttpServer> listening = new CopyOnWriteArrayList<>();
        await(vertx.deployVerticle(() -> (Deployable)deploymentContext ->
        {
            final StreamLoop streamLoop = streams == null ? null : streams.newLoop(vertx);
            return vertx.createHttpServer(new HttpServerOptions()
                    .setMaxInitialLineLength(context.maxUriLength() * 2)
                    .setMaxHeaderSize(MAX_HEADER_BYTES)
                    .setHttp2ClearTextEnabled(false)
                    .setIdleTimeout(Math.toIntExact(guard.limits().idleTimeoutMs()))
                    .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setMaxWebSocketFrameSize(maxWebSocketMessage)
                    .setMaxWebSocketMessageSize(maxWebSocketMessage))
                .connectionHandler(guard)
                .invalidRequestHandler(gateway::handleInvalid)
                .requestHandler(request ->
                {
                    if (!extra.test(request))
                    {
                        serve(gateway, documents, streamLoop, request);
                    }
                })
                .listen(sharedPort, host)
                .onSuccess(listening::add);
        }, new DeploymentOptions().setInstances(instances)));
        servers.addAll(listening);
        return listening.getFirst();
    }

    private static void serve(final HttpGateway gateway, final Map<String, Buffer> documents,
        final StreamLoop streamLoop, final HttpServerRequest request)
    {
        final Buffer document = documents.get(request.path());
        if (document != null && "GET".equals(request.method().name()))
        {
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(document);
            return;
        }
        if (streamLoop != null && StreamHub.isStreamRequest(request))
        {
            streamLoop.accept(request);
            return;
        }
        gateway.handle(request);
    }

    /** Answers {@code GET /metrics} (the admin port): every meter in Prometheus's text format. */
    private boolean serveMetrics(final HttpServerRequest request)
    {
        if (!METRICS_PATH.equals(request.path()) || !"GET".equals(request.method().name()))
        {
            return false;
        }
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, ServerMetrics.CONTENT_TYPE).end(metrics.scrape());
        return true;
    }

    private static ApiKeyAuthenticator.SignedRequest signedRequest(final HttpServerRequest request, final byte[] body)
    {
        final String query = request.query();
        return new ApiKeyAuthenticator.SignedRequest(request.getHeader("X-API-KEY"),
            request.getHeader("X-API-TIMESTAMP"), request.getHeader("X-API-NONCE"), request.getHeader("X-API-SIGN"),
            request.method().name(), request.path(), query == null ? "" : query, body,
            request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
    }

    /** @return the public API's port. */
    public int publicPort()
    {
        return publicServer.actualPort();
    }

    /** @return the admin API's port. */
    public int adminPort()
    {
        return adminServer.actualPort();
    }

    /** @return the public port's connection guard: its limits, what it holds and refused, the per-key cap. */
    public ConnectionGuard publicConnections()
    {
        return publicGuard;
    }

    /** @return the admin port's connection guard. */
    public ConnectionGuard adminConnections()
    {
        return adminGuard;
    }

    /** @return the server's metrics: what {@code GET /metrics} on the admin port shows. */
    public ServerMetrics metrics()
    {
        return metrics;
    }

    /** @return the admin token in force. */
    public String adminToken()
    {
        return adminToken;
    }

    /** @return the read model (for tools and tests). */
    public ReadModel readModel()
    {
        return readModel;
    }

    /** @return the counters of the WebSocket streams. */
    public StreamStats streamStats()
    {
        return streams.stats();
    }

    /** @return whether the server accepts writes, and how far the durable stream and its projections are. */
    public SequencerHealth health()
    {
        return core.health();
    }

    /**
     * Waits until the server has stopped: closed, or stopped itself after a failure.
     *
     * @return {@link #EXIT_OK} after {@link #close()}, {@link #EXIT_FAIL_STOP} after a fail-stop.
     * @throws InterruptedException when interrupted while waiting.
     */
    public int awaitTermination() throws InterruptedException
    {
        terminated.await();
        return exitCode;
    }

    /** On the failing thread: shuts down on another thread, never snapshotting the live state. */
    private void onFailStop(final String cause, final Throwable error)
    {
        exitCode = EXIT_FAIL_STOP;
        final Thread stopper = new Thread(this::close, "bourse-fail-stop");
        stopper.setDaemon(false);
        stopper.start();
    }

    /**
     * Stops the server; safe to call from any thread, more than once (later calls wait for the first). After a clean
     * run it snapshots the live state, which is then exactly the durable one; after a fail-stop it does not, and the
     * journal is abandoned rather than committed.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        listening = false;
        try
        {
            for (final HttpServer server : servers)
            {
                await(server.shutdown(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS));
            }
            if (streams != null)
            {
                streams.close(SHUTDOWN_GRACE_MS);
            }
            if (vertx != null)
            {
                await(vertx.close());
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("HTTP servers did not stop cleanly", ex);
        }
        if (core != null)
        {
            core.close();
        }
        try
        {
            history.close();
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("the history did not stop cleanly; it resumes from the journal at the next start", ex);
        }
        metrics.close();
        terminated.countDown();
    }

    private static <T> T await(final Future<T> future)
    {
        return await(future.toCompletionStage().toCompletableFuture());
    }

    private static <T> T await(final CompletableFuture<T> future)
    {
        try
        {
            return future.get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("no answer within " + STOP_TIMEOUT_MS + " ms", ex);
        }
    }

    private static byte[] secretKey(final ServerContext context) throws IOException
    {
        final String base64 = context.secretKeyBase64() != null ? context.secretKeyBase64() :
            OwnerOnlyFiles.readOrCreate(context.dataDir().resolve(SECRET_KEY_FILE),
                () -> Base64.getEncoder().encodeToString(randomBytes(SecretCipher.KEY_BYTES)));
        final byte[] key;
        try
        {
            key = Base64.getDecoder().decode(base64);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("the secret key is not Base64", ex);
        }
        if (key.length != SecretCipher.KEY_BYTES)
        {
            throw new IllegalArgumentException("the secret key must be Base64 of " + SecretCipher.KEY_BYTES + " bytes");
        }
        return key;
    }

    private static byte[] randomBytes(final int length)
    {
        final byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String randomHex(final int bytes)
    {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    /** @return the API descriptions served at their paths on both ports: OpenAPI and AsyncAPI. */
    private static Map<String, Buffer> documents()
    {
        final Map<String, Buffer> documents = new HashMap<>();
        for (final String path : DOCUMENTS)
        {
            try (InputStream in = BourseServer.class.getResourceAsStream(path))
            {
                if (in == null)
                {
                    throw new IllegalStateException(path + " is missing from the class path");
                }
                documents.put(path, Buffer.buffer(in.readAllBytes()));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return Map.copyOf(documents);
    }
}
