package dev.bourse.loadgen;

import dev.bourse.bench.Figures;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The whole-server part of the suite: starts the ceiling ({@link BareServerMain}, from this JVM's classpath) and Bourse
 * ({@code bourse-cli.jar serve --fsync per-batch}, otherwise default settings, on a fresh data directory) as separate
 * JVMs with the same flags,
 * sets up traders through the admin API, runs the {@link ServerBenchmark} from a one-event-loop generator in this JVM,
 * and stops both servers.
 */
public final class ServerRun
{
    private static final int MAX_LIVE_ORDERS_PER_SESSION = 400;
    private static final long SEED = 42;

    private final Path cliJar;
    private final Path workDir;

    /**
     * @param cliJar  the Bourse command-line jar whose {@code serve} is measured.
     * @param workDir where data directories and server logs go.
     */
    public ServerRun(final Path cliJar, final Path workDir)
    {
        this.cliJar = cliJar;
        this.workDir = workDir;
    }

    /**
     * @param configuration how long and how hard.
     * @param report        where figures go.
     * @param checks        where failed outcome checks go.
     * @return the sweep's points.
     */
    public List<SweepPoint> run(final ServerBenchmarkConfiguration configuration, final Figures report,
        final OutcomeChecks checks) throws IOException, InterruptedException
    {
        if (!Files.isRegularFile(cliJar))
        {
            throw new IOException("no Bourse server jar at " + cliJar + " (build it with ./bourse or mvnw package)");
        }
        final int barePort = ServerProcess.freePort();
        final int boursePort = ServerProcess.freePort();
        final int adminPort = ServerProcess.freePort();
        final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        final Path dataDir = Files.createDirectories(workDir.resolve("bourse-data"));
        try (ServerProcess ceilingServer = ServerProcess.start("the bare server",
                List.of("-cp", System.getProperty("java.class.path"), BareServerMain.class.getName(),
                    Integer.toString(barePort)), Map.of(), barePort, workDir.resolve("bare-server.log"));
            ServerProcess bourseServer = ServerProcess.start("Bourse",
                List.of("-jar", cliJar.toString(), "serve", "--port", Integer.toString(boursePort),
                    "--admin-port", Integer.toString(adminPort), "--data-dir", dataDir.toString(),
                    "--fsync", "per-batch"),
                // the simulated market off by the environment, which a jar older than the simulator ignores
                Map.of("BOURSE_ADMIN_TOKEN", token, "BOURSE_SIMULATED_MARKET", "false"), boursePort,
                workDir.resolve("bourse-server.log")))
        {
            final List<ApiCredentials> traders = new AdminClient(adminPort, token)
                .createTraders(configuration.traders());
            final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            try (LoadGenerator ceiling = new LoadGenerator(vertx, "127.0.0.1", ceilingServer.port(),
                    sessions(placeholderCredentials(configuration.traders())), configuration.connections());
                LoadGenerator bourse = new LoadGenerator(vertx, "127.0.0.1", bourseServer.port(), sessions(traders),
                    configuration.connections()))
            {
                final List<SweepPoint> sweep = new ServerBenchmark(configuration, report, checks,
                    ProcessCpu.of(ceilingServer.pid()),
                    ProcessCpu.of(bourseServer.pid(), dataDir.resolve("postgres").resolve("postmaster.pid")))
                    .run(ceiling, bourse);
                // shows whether the server measured journals (a server without a journal writes almost nothing)
                report.add("server.bourse.data_dir.size", DirectorySize.bytes(dataDir) / (1024.0 * 1024.0), "MiB");
                return sweep;
            }
            finally
            {
                vertx.close().await();
            }
        }
    }

    /** @return one session per key, seeded in a fixed order. */
    public static List<TradingSession> sessions(final List<ApiCredentials> credentials)
    {
        final List<TradingSession> sessions = new ArrayList<>(credentials.size());
        for (int i = 0; i < credentials.size(); i++)
        {
            sessions.add(new TradingSession(credentials.get(i), RequestMix.DEFAULT, SEED + i,
                MAX_LIVE_ORDERS_PER_SESSION));
        }
        return sessions;
    }

    /** @return credentials for the bare server, which checks none: the generator signs just the same. */
    public static List<ApiCredentials> placeholderCredentials(final int count)
    {
        final List<ApiCredentials> credentials = new ArrayList<>(count);
        for (int i = 1; i <= count; i++)
        {
            credentials.add(new ApiCredentials(i, "bareKey" + i, "bareSecret" + i));
        }
        return credentials;
    }
}
