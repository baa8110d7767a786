package dev.bourse.loadgen;

import dev.bourse.bench.Figures;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The streams part of the suite: starts the baseline ({@link BareServerMain}) and Bourse ({@code bourse-cli.jar serve
 * --fsync per-batch}, with caps raised for 1,000 connections from one address) as separate JVMs with the same flags,
 * sets up traders through the admin API, runs the {@link StreamBenchmark} from this JVM and stops both servers.
 */
public final class StreamRun
{
    /** Every connection of the run comes from 127.0.0.1: the per-IP caps of the edge and of the streams go up. */
    private static final String STREAM_CAPS =
        "maxConnectionsPerIp=10000\nstreamMaxConnectionsPerIp=10000\nstreamMaxSubscriptionsPerIp=10000\n";

    private final Path cliJar;
    private final Path workDir;

    /**
     * @param cliJar  the Bourse command-line jar whose {@code serve} is measured.
     * @param workDir where the data directory, the configuration and the server logs go.
     */
    public StreamRun(final Path cliJar, final Path workDir)
    {
        this.cliJar = cliJar;
        this.workDir = workDir;
    }

    /**
     * @param configuration how long and how hard.
     * @param report        where figures go.
     * @param checks        where failed outcome checks go.
     */
    public void run(final StreamBenchmarkConfiguration configuration, final Figures report, final OutcomeChecks checks)
        throws Exception
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
        final Path config = Files.writeString(workDir.resolve("bourse.properties"), STREAM_CAPS);
        try (ServerProcess bare = ServerProcess.start("the bare server",
                List.of("-cp", System.getProperty("java.class.path"), BareServerMain.class.getName(),
                    Integer.toString(barePort)), Map.of(), barePort, workDir.resolve("bare-server.log"));
            ServerProcess bourse = ServerProcess.start("Bourse",
                List.of("-jar", cliJar.toString(), "serve", "--port", Integer.toString(boursePort),
                    "--admin-port", Integer.toString(adminPort), "--data-dir", dataDir.toString(),
                    "--fsync", "per-batch", "--config", config.toString()),
                Map.of("BOURSE_ADMIN_TOKEN", token), boursePort, workDir.resolve("bourse-server.log")))
        {
            final List<ApiCredentials> traders =
                new AdminClient(adminPort, token).createTraders(configuration.traders());
            final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            try (LoadGenerator orders = new LoadGenerator(vertx, "127.0.0.1", bourse.port(),
                ServerRun.sessions(traders), configuration.httpConnections()))
            {
                new StreamBenchmark(configuration, report, checks).run(orders, "127.0.0.1", bourse.port(), bare.port());
            }
            finally
            {
                vertx.close().await();
            }
        }
    }
}
