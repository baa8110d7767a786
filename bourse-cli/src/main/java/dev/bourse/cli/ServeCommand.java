package dev.bourse.cli;

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
        "Environment: BOURSE_PORT, BOURSE_ADMIN_PORT, BOURSE_DATA_DIR, BOURSE_FSYNC, BOURSE_CONFIG,",
        "BOURSE_ADMIN_TOKEN, BOURSE_SECRET_KEY (Base64 of 32 bytes; encrypts API secrets at rest),",
        "BOURSE_LOG_FORMAT, BOURSE_HEAP.",
        "",
        "Example:  ./bourse serve --port 8080 --admin-port 8081 --data-dir ./data"})
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
        + "snapshotIntervalCommands, snapshotIntervalMs, snapshotsToKeep, maxOpenOrdersPerAccount, maxConnections, "
        + "maxConnectionsPerIp, maxConnectionsPerKey, adminMaxConnections, requestTimeoutMs, idleTimeoutMs, "
        + "logFormat, heap).")
    private Path config;

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
            final Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8))
            {
                properties.load(reader);
            }
            context.apply(properties);
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
        return context;
    }

    @Override
    public Integer call() throws Exception
    {
        final ServerContext context = context();
        if (context.jsonLogs())
        {
            JsonLogs.enable();
        }
        final BourseServer server = BourseServer.start(context);
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
