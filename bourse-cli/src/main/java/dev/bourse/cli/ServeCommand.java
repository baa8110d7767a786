package dev.bourse.cli;

import dev.bourse.cluster.ClusterConfiguration;
import dev.bourse.cluster.ClusteredExchange;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code bourse serve}: runs the exchange in the foreground until SIGTERM or Ctrl-C. Each setting comes from, in
 * this order of precedence: the flag, the environment variable, the configuration file, the default.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the exchange in the foreground: the public API and the admin API.",
    footer = {
        "",
        "Environment: BOURSE_PORT, BOURSE_ADMIN_PORT, BOURSE_DATA_DIR, BOURSE_FSYNC, BOURSE_CONFIG, BOURSE_ADMIN_TOKEN,",
        "BOURSE_SECRET_KEY (Base64 of 32 bytes; encrypts API secrets at rest).",
        "",
        "Clustered: --cluster-config (or --node-id and --cluster-members) runs one node of a replicated cluster",
        "(docs/CLUSTER.md); every node needs the same secret key and members. Demo pairs are not created then.",
        "",
        "Example:  ./bourse serve --port 8080 --admin-port 8081 --data-dir ./data",
        "          ./bourse serve --data-dir ./node0 --node-id 0 \\",
        "              --cluster-members 0=10.0.0.1:9000,1=10.0.0.2:9000,2=10.0.0.3:9000"})
public final class ServeCommand implements Callable<Integer>
{
    private static volatile boolean serving;

    @Option(names = "--port", description = "Port of the public API (default 8080).")
    private Integer port;

    @Option(names = "--admin-port", description = "Port of the admin API, bound to 127.0.0.1 (default 8081).")
    private Integer adminPort;

    @Option(names = "--data-dir", description = "Directory of the exchange's files (default ./data).")
    private Path dataDir;

    @Option(names = "--fsync", paramLabel = "MODE", description = "per-batch (default): the journal is forced to "
        + "disk before replies are released; none: unsafe, a power loss can lose acknowledged commands (sandboxes).")
    private String fsync;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file (keys: port, adminPort, "
        + "dataDir, adminToken, secretKey, demo, host, adminHost, queueCapacity, batchLimit, maxBodyBytes, fsync, "
        + "snapshotIntervalCommands, snapshotIntervalMs, snapshotsToKeep, maxOpenOrdersPerAccount).")
    private Path config;

    @Option(names = "--cluster-config", paramLabel = "FILE", description = "Run one node of a cluster: a properties "
        + "file (keys: nodeId, members, clusterDir, aeronDir, leaderHeartbeatTimeoutMs, replyTimeoutMs).")
    private Path clusterConfig;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's ID in the cluster (overrides the "
        + "cluster configuration file).")
    private Integer nodeId;

    @Option(names = "--cluster-members", paramLabel = "LIST", description = "Every member as id=host:basePort, "
        + "comma-separated; each uses 5 UDP ports from its base port (overrides the cluster configuration file).")
    private String clusterMembers;

    @Option(names = "--cluster-dir", paramLabel = "DIR", description = "Where this node keeps the replicated log "
        + "and the snapshots (default DATA_DIR/cluster).")
    private Path clusterDir;

    private final Map<String, String> environment;

    /** Reads the process's environment. */
    public ServeCommand()
    {
        this(System.getenv());
    }

    ServeCommand(final Map<String, String> environment)
    {
        this.environment = environment;
    }

    /** @return whether a server was started and runs until the JVM exits. */
    static boolean isServing()
    {
        return serving;
    }

    /** @return the server's configuration from flags, environment and configuration file. */
    ServerContext context() throws IOException
    {
        final ServerContext context = new ServerContext();
        final Path configFile = config != null ? config : pathOf(environment.get("BOURSE_CONFIG"));
        if (configFile != null)
        {
            context.apply(load(configFile));
        }
        final Integer envPort = intOf("BOURSE_PORT");
        final Integer envAdminPort = intOf("BOURSE_ADMIN_PORT");
        final Path envDataDir = pathOf(environment.get("BOURSE_DATA_DIR"));
        if (port != null || envPort != null)
        {
            context.publicPort(port != null ? port : envPort);
        }
        if (adminPort != null || envAdminPort != null)
        {
            context.adminPort(adminPort != null ? adminPort : envAdminPort);
        }
        if (dataDir != null || envDataDir != null)
        {
            context.dataDir(dataDir != null ? dataDir : envDataDir);
        }
        final String fsyncMode = fsync != null ? fsync : environment.get("BOURSE_FSYNC");
        if (fsyncMode != null && !fsyncMode.isBlank())
        {
            try
            {
                context.fsyncMode(ServerContext.parseFsyncMode(fsyncMode));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(new CommandLine(this), ex.getMessage());
            }
        }
        if (environment.get("BOURSE_ADMIN_TOKEN") != null && !environment.get("BOURSE_ADMIN_TOKEN").isBlank())
        {
            context.adminToken(environment.get("BOURSE_ADMIN_TOKEN"));
        }
        if (environment.get("BOURSE_SECRET_KEY") != null && !environment.get("BOURSE_SECRET_KEY").isBlank())
        {
            context.secretKeyBase64(environment.get("BOURSE_SECRET_KEY"));
        }
        final ClusterConfiguration cluster = clusterConfiguration();
        if (cluster != null)
        {
            context.demoPairs(false).exchangeCore(ClusteredExchange.factory(cluster));
        }
        return context;
    }

    /** @return the cluster this server is a node of, or null for a single node. */
    ClusterConfiguration clusterConfiguration() throws IOException
    {
        if (clusterConfig == null && nodeId == null && clusterMembers == null && clusterDir == null)
        {
            return null;
        }
        final ClusterConfiguration cluster = new ClusterConfiguration();
        try
        {
            if (clusterConfig != null)
            {
                cluster.apply(load(clusterConfig));
            }
            if (nodeId != null)
            {
                cluster.nodeId(nodeId);
            }
            if (clusterMembers != null)
            {
                cluster.members(ClusterConfiguration.parseMembers(clusterMembers));
            }
            if (clusterDir != null)
            {
                cluster.clusterDir(clusterDir);
            }
            return cluster.validate();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "cluster configuration: " +
                ex.getMessage());
        }
    }

    private static Properties load(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        return properties;
    }

    @Override
    public Integer call() throws Exception
    {
        final BourseServer server = BourseServer.start(context());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bourse-shutdown"));
        serving = true;
        return server.awaitTermination();
    }

    private Integer intOf(final String name)
    {
        final String value = environment.get(name);
        if (value == null || value.isBlank())
        {
            return null;
        }
        try
        {
            return Integer.valueOf(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), name + " is not a number: " + value);
        }
    }

    private static Path pathOf(final String value)
    {
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }
}
