package dev.bourse.server;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.PutPair;
import dev.bourse.server.admin.AdminApi;
import dev.bourse.server.admin.AdminTokenAuthorizer;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.auth.ApiKeyAuthenticator;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.gateway.EngineGateway;
import dev.bourse.server.gateway.HttpGateway;
import dev.bourse.server.gateway.PublicApi;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.SnapshotTaker;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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

/**
 * The running exchange: an {@link ExchangeCore} (the recovered data directory, the engine thread, the projection
 * thread, the journal and snapshots) behind two HTTP gateways on Vert.x: the public API, with the WebSocket streams
 * of {@link StreamHub} on {@code /v1/ws}, and the admin API (bound to 127.0.0.1 by default). Every command is
 * durable before anything derived from it is visible. {@link #close()} stops the gateways first, then the core (the
 * engine thread, then the projection thread, which answers every durable command, then a last snapshot), so no
 * request is left waiting.
 * <p>
 * Fail-stop: when the journal cannot append or force, or the engine or a projection throws, the server stops
 * accepting writes at once, shuts down without snapshotting its live state, abandons what the journal did not commit,
 * and {@link #awaitTermination()} returns {@link #EXIT_FAIL_STOP}, so that a supervisor restarts it and recovery
 * rebuilds exactly the durable prefix.
 */
public final class BourseServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(BourseServer.class);
    private static final long STOP_TIMEOUT_MS = 10_000;
    /** How long answers already on their way (a fail-stop's 5000s among them) may take to leave at shutdown. */
    private static final long SHUTDOWN_GRACE_MS = 2_000;
    private static final List<String> DOCUMENTS = List.of("/openapi.yaml", "/asyncapi.yaml");
    private static final String ADMIN_TOKEN_FILE = "admin.token";

    /** What {@link #awaitTermination()} returns after a clean shutdown. */
    public static final int EXIT_OK = 0;
    /** What {@link #awaitTermination()} returns after a fail-stop (EX_SOFTWARE of sysexits.h). */
    public static final int EXIT_FAIL_STOP = 70;
    private static final String SECRET_KEY_FILE = "secret.key";

    private final ServerContext context;
    private final ExchangeCore core;
    private final ReadModel readModel;
    private final StreamHub streams;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile int exitCode = EXIT_OK;
    private final Vertx vertx;
    private final String adminToken;
    private final Path adminTokenFile;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private HttpServer publicServer;
    private HttpServer adminServer;
    private volatile boolean closed;

    private BourseServer(final ServerContext context) throws IOException
    {
        this.context = context;
        final long constructedAtMs = context.clock().time();
        Files.createDirectories(context.dataDir());
        final SecretCipher cipher = new SecretCipher(secretKey(context));
        this.adminTokenFile = context.adminToken() == null ? context.dataDir().resolve(ADMIN_TOKEN_FILE) : null;
        this.adminToken = context.adminToken() != null ? context.adminToken() :
            OwnerOnlyFiles.readOrCreate(adminTokenFile, () -> randomHex(32));
        final StreamPublisher publisher = new StreamPublisher(context.streamConfiguration().windowMessages());
        this.core = new ExchangeCore(new ExchangeCore.Settings(context.journalConfiguration(),
            context.engineConfiguration(), context.readModelConfiguration(), cipher, context.clock(),
            context.queueCapacity(), context.batchLimit(),
            new SnapshotTaker.Interval(context.snapshotIntervalCommands(), context.snapshotIntervalMs())),
            List.of(publisher), this::onFailStop, SnapshotTaker.background());
        this.readModel = core.readModel();
        publisher.bind(readModel, core.recovered().lastSequence());
        final EngineGateway engine = new EngineGateway(core.engineAgent());
        this.vertx = Vertx.vertx(new VertxOptions()
            .setEventLoopPoolSize(context.eventLoops())
            .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                .setClassPathResolvingEnabled(false)));
        final long startedAtMs = core.recovered().hadState() ?
            waitUntil(context.clock(), constructedAtMs + context.authConfiguration().aheadMs()) :
            context.clock().time();
        final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(readModel.apiKeys(), context.authConfiguration(), startedAtMs);
        final HttpGateway publicGateway = new HttpGateway("public", new PublicApi(readModel, engine).routes(),
            (route, request, body, nowMs) -> authenticator.authenticate(signedRequest(request, body),
                route.tradeHistory(), nowMs).accountId(),
            context.clock(), context.maxBodyBytes(), context.maxUriLength());
        final HttpGateway adminGateway = new HttpGateway("admin",
            new AdminApi(readModel, engine, cipher, core.health()).routes(), new AdminTokenAuthorizer(adminToken),
            context.clock(), context.maxBodyBytes(), context.maxUriLength());
        this.streams = new StreamHub(context.streamConfiguration(), publisher, authenticator, engine, context.clock());
        final Map<String, Buffer> documents = documents();
        core.start();
        try
        {
            this.publicServer = listen(publicGateway, documents, streams, context.publicHost(), context.publicPort(),
                context.eventLoops());
            this.adminServer = listen(adminGateway, documents, null, context.adminHost(), context.adminPort(), 1);
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
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
        final BourseServer server = new BourseServer(context);
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
        return await(core.engineAgent().submit(command)).status();
    }

    /**
     * Listens with {@code instances} servers on the same port, each on an event loop of its own (Vert.x shares the
     * port among them and spreads the connections; a server created outside a verticle would put every connection on
     * one event loop). Port 0 becomes Vert.x's -1: one random port shared by the instances. With {@code streams},
     * each instance also serves the WebSocket streams of its event loop.
     *
     * @return the first server, which knows the actual port.
     */
    private HttpServer listen(final HttpGateway gateway, final Map<String, Buffer> documents, final StreamHub streams,
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
                    .setMaxHeaderSize(16_384)
                    .setIdleTimeout(120)
                    .setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setMaxWebSocketFrameSize(maxWebSocketMessage)
                    .setMaxWebSocketMessageSize(maxWebSocketMessage))
                .invalidRequestHandler(gateway::handleInvalid)
                .requestHandler(request -> serve(gateway, documents, streamLoop, request))
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
            await(vertx.close());
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("HTTP servers did not stop cleanly", ex);
        }
        if (core.stop())
        {
            LOG.info("Bourse stopped");
        }
        else
        {
            LOG.error("Bourse stopped after a failure ({}); restart it to recover what is durable",
                core.health().stopCause());
        }
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
