package dev.bourse.cli;

import dev.bourse.history.PostgresHistory;
import dev.bourse.cluster.ClusterConfiguration;
import dev.bourse.cluster.ClusteredExchange;
import dev.bourse.server.BourseServer;
import dev.bourse.server.HistoryService;
import dev.bourse.server.ServerContext;
import dev.bourse.simulator.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
        "Environment: BOURSE_PORT, BOURSE_ADMIN_PORT, BOURSE_DATA_DIR, BOURSE_FSYNC, BOURSE_CONFIG,",
        "BOURSE_ADMIN_TOKEN, BOURSE_SECRET_KEY (Base64 of 32 bytes; encrypts API secrets at rest),",
        "BOURSE_SIMULATED_MARKET (true/false), BOURSE_SIMULATED_PAIRS, BOURSE_SIMULATOR_SETTINGS, BOURSE_HISTORY,",
        "BOURSE_DATABASE_URL, BOURSE_DATABASE_USER, BOURSE_DATABASE_PASSWORD, BOURSE_JOURNAL_ARCHIVE_DIR, BOURSE_LOG_FORMAT, BOURSE_HEAP.",
        "",
        "History: with no database settings the server starts a PostgreSQL of its own in DATA_DIR/postgres and keeps",
        "every order, fill, trade and transfer there; --database-url points at an external PostgreSQL instead.",
        "",
        "A new data directory starts with the demo pairs and a simulated market on them (docs/SIMULATOR.md).",
        "",
        "Clustered: --cluster-config (or --node-id and --cluster-members) runs one node of a replicated cluster",
        "(docs/CLUSTER.md); every node needs the same secret key and members. Demo pairs, the simulated market and",
        "the PostgreSQL history are not run then.",
        "",
        "Examples:",
        "  ./bourse serve --port 8080 --admin-port 8081 --data-dir ./data",
        "  ./bourse serve --no-simulated-market",
        "  ./bourse serve --simulated-pairs BTC.USDT,SOL.USDT --simulator-settings sim.properties",
        "  ./bourse serve --data-dir ./node0 --node-id 0 \\",
        "      --cluster-members 0=10.0.0.1:9000,1=10.0.0.2:9000,2=10.0.0.3:9000"})
public final class ServeCommand implements Callable<Integer>
{
    /** The keys of the configuration file that belong to the simulated market, not to the server. */
    private static final Set<String> SIMULATOR_KEYS = Set.of("simulatedMarket", "simulatedPairs", "simulatorSettings");

    @Option(names = "--port", description = "Port of the public API (default 8080).")
    private Integer port;

    @Option(names = "--admin-port", description = "Port of the admin API, bound to 127.0.0.1 (default 8081).")
    private Integer adminPort;

    @Option(names = "--data-dir", description = "Directory of the exchange's files (default ./data).")
    private Path dataDir;

    @Option(names = "--fsync", paramLabel = "MODE", description = "per-batch (default): the journal is forced to "
        + "disk before replies are released; none: unsafe, a power loss can lose acknowledged commands (sandboxes).")
    private String fsync;

    @Option(names = "--history", paramLabel = "on|off", description = "on (default): keep the history in "
        + "PostgreSQL; off: only the recent window in memory (history reads beyond it answer 5001).")
    private String history;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "An external PostgreSQL for the "
        + "history, e.g. jdbc:postgresql://db.example:5432/bourse (default: an embedded one in DATA_DIR/postgres).")
    private String databaseUrl;

    @Option(names = "--database-user", description = "User of the external database.")
    private String databaseUser;

    @Option(names = "--database-password", description = "Password of the external database (prefer "
        + "BOURSE_DATABASE_PASSWORD: a flag shows in the process list).")
    private String databasePassword;

    @Option(names = "--journal-archive-dir", paramLabel = "DIR", description = "Move the journal segments that "
        + "retention no longer needs here instead of deleting them (the full command history, for audits).")
    private Path journalArchiveDir;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file (keys: port, adminPort, "
        + "dataDir, adminToken, secretKey, demo, host, adminHost, queueCapacity, batchLimit, commitDelayUs, "
        + "commitDelayMinBatch, maxBodyBytes, fsync, "
        + "snapshotIntervalCommands, snapshotIntervalMs, snapshotsToKeep, maxOpenOrdersPerAccount, simulatedMarket, "
        + "simulatedPairs, simulatorSettings, history, databaseUrl, databaseUser, databasePassword, "
        + "journalArchiveDir, maxConnections, maxConnectionsPerIp, maxConnectionsPerKey, adminMaxConnections, "
        + "requestTimeoutMs, idleTimeoutMs, logFormat, heap, and the stream bounds streamWindowMessages, ... of "
        + "docs/STREAMS.md).")
    private Path config;

    @Option(names = "--simulated-market", negatable = true, description = "Run the simulated market: on by "
        + "default on a new data directory and where it ran before; --no-simulated-market turns it off.")
    private Boolean simulatedMarket;

    @Option(names = "--simulated-pairs", split = ",", paramLabel = "PAIR",
        description = "The pairs the simulated market trades (default: the demo pairs); naming them starts it on any "
            + "data directory.")
    private List<String> simulatedPairs;

    @Option(names = "--simulator-settings", paramLabel = "FILE",
        description = "A properties file of simulator settings (docs/SIMULATOR.md), e.g. spread=0.001.")
    private Path simulatorSettings;

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

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (default): one line of text per "
        + "event; json: one JSON object a line, for a log collector.")
    private String logFormat;

    @Option(names = "--heap", paramLabel = "SIZE", description = "The JVM heap ./bourse serve starts the server "
        + "with, as -Xmx takes it (default 4g); the server warns when its JVM has less.")
    private String heap;

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

    /** @return the server's configuration from flags, environment and configuration file. */
    ServerContext context() throws IOException
    {
        final ServerContext context = new ServerContext();
        final Properties properties = configuration();
        final Properties serverProperties = new Properties();
        for (final String key : properties.stringPropertyNames())
        {
            if (!SIMULATOR_KEYS.contains(unprefixed(key)))
            {
                serverProperties.setProperty(key, properties.getProperty(key));
            }
        }
        context.apply(serverProperties);
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
        final String historyMode = history != null ? history : environment.get("BOURSE_HISTORY");
        if (historyMode != null && !historyMode.isBlank())
        {
            try
            {
                context.historyEnabled(ServerContext.parseOnOff(historyMode));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(new CommandLine(this), ex.getMessage());
            }
        }
        override(databaseUrl, "BOURSE_DATABASE_URL", context::databaseUrl);
        override(databaseUser, "BOURSE_DATABASE_USER", context::databaseUser);
        override(databasePassword, "BOURSE_DATABASE_PASSWORD", context::databasePassword);
        final Path envArchive = pathOf(environment.get("BOURSE_JOURNAL_ARCHIVE_DIR"));
        if (journalArchiveDir != null || envArchive != null)
        {
            context.journalArchiveDir(journalArchiveDir != null ? journalArchiveDir : envArchive);
        }
        if (context.historyEnabled())
        {
            context.historyFactory(PostgresHistory.FACTORY);
        }
        final String format = logFormat != null ? logFormat : environment.get("BOURSE_LOG_FORMAT");
        final String heapSize = heap != null ? heap : environment.get("BOURSE_HEAP");
        try
        {
            if (format != null && !format.isBlank())
            {
                context.jsonLogs(ServerContext.parseLogFormat(format));
            }
            if (heapSize != null && !heapSize.isBlank())
            {
                context.heap(heapSize.trim());
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), ex.getMessage());
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
            context.demoPairs(false).historyFactory(HistoryService.Factory.NONE)
                .exchangeCore(ClusteredExchange.factory(cluster));
        }
        return context;
    }

    /** @return the simulated market's settings from flags, environment and configuration file. */
    EmbeddedMarket simulatedMarket() throws IOException
    {
        final Map<String, String> file = new HashMap<>();
        final Properties properties = configuration();
        properties.stringPropertyNames().forEach(key -> file.put(unprefixed(key), properties.getProperty(key).trim()));
        final String enabled = firstOf(simulatedMarket == null ? null : simulatedMarket.toString(),
            environment.get("BOURSE_SIMULATED_MARKET"), file.get("simulatedMarket"));
        if (enabled != null && !enabled.equals("true") && !enabled.equals("false"))
        {
            throw new CommandLine.ParameterException(new CommandLine(this),
                "simulatedMarket must be true or false: " + enabled);
        }
        final String pairs = firstOf(simulatedPairs == null ? null : String.join(",", simulatedPairs),
            environment.get("BOURSE_SIMULATED_PAIRS"), file.get("simulatedPairs"));
        final String settings = firstOf(simulatorSettings == null ? null : simulatorSettings.toString(),
            environment.get("BOURSE_SIMULATOR_SETTINGS"), file.get("simulatorSettings"));
        return new EmbeddedMarket(!"false".equals(enabled),
            pairs == null ? null : Arrays.stream(pairs.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList(),
            settings == null ? null : Path.of(settings));
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
        final ServerContext context = context();
        if (context.jsonLogs())
        {
            JsonLogs.enable();
        }
        final EmbeddedMarket market = clusterConfiguration() == null ? simulatedMarket() :
            new EmbeddedMarket(false, null, null);
        final boolean newDataDirectory = EmbeddedMarket.isNewDataDirectory(context);
        final BourseServer server = BourseServer.start(context);
        final Simulator simulator;
        try
        {
            simulator = market.start(server, context, newDataDirectory, System.out);
        }
        catch (final RuntimeException ex)
        {
            server.close();
            throw ex;
        }
        return Foreground.runUntilServerStops(Arrays.asList(simulator, server), server);
    }

    private Properties configuration() throws IOException
    {
        final Path configFile = config != null ? config : pathOf(environment.get("BOURSE_CONFIG"));
        return configFile == null ? new Properties() : load(configFile);
    }

    private static String unprefixed(final String key)
    {
        return key.startsWith("bourse.") ? key.substring("bourse.".length()) : key;
    }

    private static String firstOf(final String... values)
    {
        for (final String value : values)
        {
            if (value != null && !value.isBlank())
            {
                return value.trim();
            }
        }
        return null;
    }

    /** Sets a value from its flag, else its environment variable, when either is given. */
    private void override(final String flag, final String variable, final java.util.function.Consumer<String> setter)
    {
        final String value = flag != null ? flag : environment.get(variable);
        if (value != null && !value.isBlank())
        {
            setter.accept(value);
        }
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
