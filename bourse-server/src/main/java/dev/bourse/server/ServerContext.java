package dev.bourse.server;

import dev.bourse.engine.EngineConfiguration;
import dev.bourse.journal.FsyncMode;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.SegmentChannels;
import dev.bourse.server.auth.ApiKeyAuthenticator;
import dev.bourse.server.edge.ConnectionLimits;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.CommitDelay;
import dev.bourse.server.stream.StreamConfiguration;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Everything a {@link BourseServer} is started with, set fluently; defaults serve a small venue on 8080 and
 * 127.0.0.1:8081. A properties file (the {@code --config} of {@code bourse serve}) can set the same values, see
 * {@link #apply(Properties)}.
 */
public final class ServerContext
{
    private String publicHost = "0.0.0.0";
    private int publicPort = 8080;
    private String adminHost = "127.0.0.1";
    private int adminPort = 8081;
    private Path dataDir = Path.of("data");
    private String adminToken;
    private String secretKeyBase64;
    private boolean demoPairs = true;
    private EpochClock clock = SystemEpochClock.INSTANCE;
    private FsyncMode fsyncMode = FsyncMode.PER_BATCH;
    private long snapshotIntervalCommands = 10_000_000;
    private long snapshotIntervalMs = 600_000;
    private int snapshotsToKeep = JournalConfiguration.DEFAULT_SNAPSHOTS_TO_KEEP;
    private SegmentChannels segmentChannels = SegmentChannels.FILES;
    private EngineConfiguration engineConfiguration = EngineConfiguration.DEFAULT;
    private ReadModel.Configuration readModelConfiguration = ReadModel.Configuration.DEFAULT;
    private ApiKeyAuthenticator.Configuration authConfiguration = ApiKeyAuthenticator.Configuration.DEFAULT;
    private StreamConfiguration streamConfiguration = StreamConfiguration.DEFAULT;
    private int queueCapacity = 65_536;
    private int batchLimit = 1_024;
    private int commitDelayUs = CommitDelay.DEFAULT_DELAY_US;
    private int commitDelayMinBatch = CommitDelay.DEFAULT_MIN_PREVIOUS_BATCH;
    private int maxBodyBytes = 65_536;
    private int maxUriLength = 8_192;
    private int eventLoops = 2;
    private boolean historyEnabled = true;
    private String databaseUrl;
    private String databaseUser;
    private String databasePassword;
    private Path journalArchiveDir;
    private HistoryService.Factory historyFactory = HistoryService.Factory.NONE;
    private ExchangeCore.Factory exchangeCore = JournaledExchange::open;
    private int maxConnections = 10_000;
    private int maxConnectionsPerIp = 1_000;
    private int maxConnectionsPerKey = 8;
    private int adminMaxConnections = 64;
    private long requestTimeoutMs = 10_000;
    private long idleTimeoutMs = 120_000;
    private boolean jsonLogs;
    private String heap = DEFAULT_HEAP;

    /** The heap {@code ./bourse serve} gives the server's JVM unless told otherwise. */
    public static final String DEFAULT_HEAP = "4g";

    /**
     * Applies the keys of a configuration file: {@code port}, {@code adminPort}, {@code host}, {@code adminHost},
     * {@code dataDir}, {@code adminToken}, {@code secretKey} (Base64 of 32 bytes), {@code demo} (true/false),
     * {@code queueCapacity}, {@code batchLimit}, {@code commitDelayUs}, {@code commitDelayMinBatch} (see
     * {@link #commitDelay()}), {@code maxBodyBytes}, {@code maxOpenOrdersPerAccount},
     * {@code fsync} ({@code per-batch} or {@code none}), {@code snapshotIntervalCommands}, {@code snapshotIntervalMs},
     * {@code snapshotsToKeep}, {@code history} ({@code on} or {@code off}), {@code databaseUrl}, {@code databaseUser},
     * {@code databasePassword}, {@code journalArchiveDir}, the bounds of the recent history kept in memory:
     * {@code historyWindowCompletedOrders}, {@code historyWindowTradesPerPair}, {@code historyWindowFillsPerAccount},
     * {@code historyWindowTransfersPerAccount}, and {@code maxConnections}, {@code maxConnectionsPerIp},
     * {@code maxConnectionsPerKey}, {@code adminMaxConnections}, {@code requestTimeoutMs}, {@code idleTimeoutMs},
     * {@code logFormat} ({@code text} or {@code json}), {@code heap} (read by {@code ./bourse serve}, which sizes
     * the JVM's heap before the server starts), and the bounds of the WebSocket streams as {@code stream} followed by
     * a name of {@link StreamConfiguration#KEYS} ({@code streamWindowMessages}, ...); each may carry a {@code bourse.}
     * prefix. Unknown keys are refused so that typos do not pass silently.
     *
     * @param properties the configuration.
     * @return this.
     */
    public ServerContext apply(final Properties properties)
    {
        for (final String rawKey : properties.stringPropertyNames())
        {
            final String key = rawKey.startsWith("bourse.") ? rawKey.substring("bourse.".length()) : rawKey;
            final String value = properties.getProperty(rawKey).trim();
            switch (key)
            {
                case "port" -> publicPort(Integer.parseInt(value));
                case "adminPort" -> adminPort(Integer.parseInt(value));
                case "host" -> publicHost(value);
                case "adminHost" -> adminHost(value);
                case "dataDir" -> dataDir(Path.of(value));
                case "adminToken" -> adminToken(value);
                case "secretKey" -> secretKeyBase64(value);
                case "demo" -> demoPairs(Boolean.parseBoolean(value));
                case "queueCapacity" -> queueCapacity(Integer.parseInt(value));
                case "batchLimit" -> batchLimit(Integer.parseInt(value));
                case "commitDelayUs" -> commitDelayUs(Integer.parseInt(value));
                case "commitDelayMinBatch" -> commitDelayMinBatch(Integer.parseInt(value));
                case "maxBodyBytes" -> maxBodyBytes(Integer.parseInt(value));
                case "fsync" -> fsyncMode(parseFsyncMode(value));
                case "snapshotIntervalCommands" -> snapshotIntervalCommands(Long.parseLong(value));
                case "snapshotIntervalMs" -> snapshotIntervalMs(Long.parseLong(value));
                case "snapshotsToKeep" -> snapshotsToKeep(Integer.parseInt(value));
                case "history" -> historyEnabled(parseOnOff(value));
                case "databaseUrl" -> databaseUrl(value);
                case "databaseUser" -> databaseUser(value);
                case "databasePassword" -> databasePassword(value);
                case "journalArchiveDir" -> journalArchiveDir(value.isEmpty() ? null : Path.of(value));
                case "historyWindowCompletedOrders" -> readModelConfiguration(window(readModelConfiguration,
                    Integer.parseInt(value), -1, -1, -1));
                case "historyWindowTradesPerPair" -> readModelConfiguration(window(readModelConfiguration,
                    -1, Integer.parseInt(value), -1, -1));
                case "historyWindowFillsPerAccount" -> readModelConfiguration(window(readModelConfiguration,
                    -1, -1, Integer.parseInt(value), -1));
                case "historyWindowTransfersPerAccount" -> readModelConfiguration(window(readModelConfiguration,
                    -1, -1, -1, Integer.parseInt(value)));
                case "maxOpenOrdersPerAccount" -> engineConfiguration(
                    engineConfiguration.withMaxOpenOrdersPerAccount(Integer.parseInt(value)));
                case "maxConnections" -> maxConnections(Integer.parseInt(value));
                case "maxConnectionsPerIp" -> maxConnectionsPerIp(Integer.parseInt(value));
                case "maxConnectionsPerKey" -> maxConnectionsPerKey(Integer.parseInt(value));
                case "adminMaxConnections" -> adminMaxConnections(Integer.parseInt(value));
                case "requestTimeoutMs" -> requestTimeoutMs(Long.parseLong(value));
                case "idleTimeoutMs" -> idleTimeoutMs(Long.parseLong(value));
                case "logFormat" -> jsonLogs(parseLogFormat(value));
                case "heap" -> heap(value);
                default ->
                {
                    if (!key.startsWith("stream"))
                    {
                        throw new IllegalArgumentException("unknown configuration key: " + rawKey);
                    }
                    streamConfiguration(streamConfiguration.with(key.substring("stream".length()), value));
                }
            }
        }
        return this;
    }

    public String publicHost()
    {
        return publicHost;
    }

    public ServerContext publicHost(final String publicHost)
    {
        this.publicHost = publicHost;
        return this;
    }

    /** @return the public API's port (0 for any free port). */
    public int publicPort()
    {
        return publicPort;
    }

    public ServerContext publicPort(final int publicPort)
    {
        this.publicPort = publicPort;
        return this;
    }

    public String adminHost()
    {
        return adminHost;
    }

    public ServerContext adminHost(final String adminHost)
    {
        this.adminHost = adminHost;
        return this;
    }

    /** @return the admin API's port (0 for any free port). */
    public int adminPort()
    {
        return adminPort;
    }

    public ServerContext adminPort(final int adminPort)
    {
        this.adminPort = adminPort;
        return this;
    }

    /** @return where the server keeps its files. */
    public Path dataDir()
    {
        return dataDir;
    }

    public ServerContext dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    /** @return the admin token, or null to read or generate {@code admin.token} in the data directory. */
    public String adminToken()
    {
        return adminToken;
    }

    public ServerContext adminToken(final String adminToken)
    {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
        return this;
    }

    /** @return the key encrypting API secrets, or null to read or generate {@code secret.key} in the data dir. */
    public String secretKeyBase64()
    {
        return secretKeyBase64;
    }

    public ServerContext secretKeyBase64(final String secretKeyBase64)
    {
        this.secretKeyBase64 = secretKeyBase64 == null || secretKeyBase64.isBlank() ? null : secretKeyBase64.trim();
        return this;
    }

    /** @return whether demo pairs are created when the exchange has no pair at start. */
    public boolean demoPairs()
    {
        return demoPairs;
    }

    public ServerContext demoPairs(final boolean demoPairs)
    {
        this.demoPairs = demoPairs;
        return this;
    }

    /** @return server time: command timestamps, time windows, responseTime. */
    public EpochClock clock()
    {
        return clock;
    }

    public ServerContext clock(final EpochClock clock)
    {
        this.clock = clock;
        return this;
    }

    /** @return the window with the bounds given (each -1 keeps the current one). */
    private static ReadModel.Configuration window(
        final ReadModel.Configuration current, final int completedOrders, final int tradesPerPair,
        final int fillsPerAccount, final int transfersPerAccount)
    {
        return new ReadModel.Configuration(
            completedOrders < 0 ? current.maxCompletedOrders() : completedOrders, current.tradeRetentionMs(),
            tradesPerPair < 0 ? current.maxTradesPerPair() : tradesPerPair,
            fillsPerAccount < 0 ? current.maxFillsPerAccount() : fillsPerAccount,
            transfersPerAccount < 0 ? current.maxTransfersPerAccount() : transfersPerAccount);
    }

    /**
     * @param value {@code on} or {@code off} (also true/false), in any case.
     * @return whether it says on.
     */
    public static boolean parseOnOff(final String value)
    {
        return switch (value.trim().toLowerCase(Locale.ROOT))
        {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("history must be on or off, not " + value);
        };
    }

    /**
     * @param value {@code per-batch} or {@code none}, in any case.
     * @return the fsync mode it names.
     */
    public static FsyncMode parseFsyncMode(final String value)
    {
        return switch (value.trim().toLowerCase(Locale.ROOT))
        {
            case "per-batch" -> FsyncMode.PER_BATCH;
            case "none" -> FsyncMode.NONE;
            default -> throw new IllegalArgumentException("fsync must be per-batch or none, not " + value);
        };
    }

    /**
     * @return whether the journal is forced to disk before each batch's replies ({@link FsyncMode#PER_BATCH}, the
     * default) or left to the operating system ({@link FsyncMode#NONE}: unsafe, a power loss can lose acknowledged
     * commands; for sandboxes only).
     */
    public FsyncMode fsyncMode()
    {
        return fsyncMode;
    }

    public ServerContext fsyncMode(final FsyncMode fsyncMode)
    {
        this.fsyncMode = fsyncMode;
        return this;
    }

    /** @return commands after which a snapshot is taken (default 10,000,000). */
    public long snapshotIntervalCommands()
    {
        return snapshotIntervalCommands;
    }

    public ServerContext snapshotIntervalCommands(final long snapshotIntervalCommands)
    {
        this.snapshotIntervalCommands = snapshotIntervalCommands;
        return this;
    }

    /** @return time after which a snapshot is taken if any command was applied since the last (default 10 min). */
    public long snapshotIntervalMs()
    {
        return snapshotIntervalMs;
    }

    public ServerContext snapshotIntervalMs(final long snapshotIntervalMs)
    {
        this.snapshotIntervalMs = snapshotIntervalMs;
        return this;
    }

    /** @return snapshots kept; journal segments older than the oldest kept are deleted (default 3). */
    public int snapshotsToKeep()
    {
        return snapshotsToKeep;
    }

    public ServerContext snapshotsToKeep(final int snapshotsToKeep)
    {
        this.snapshotsToKeep = snapshotsToKeep;
        return this;
    }

    /** @return how the journal writes its segments: the files themselves, unless a fault-injection test says so. */
    public SegmentChannels segmentChannels()
    {
        return segmentChannels;
    }

    public ServerContext segmentChannels(final SegmentChannels segmentChannels)
    {
        this.segmentChannels = segmentChannels;
        return this;
    }

    /** @return the journal's configuration: {@code journal/} and {@code snapshots/} in the data directory. */
    public JournalConfiguration journalConfiguration()
    {
        return JournalConfiguration.defaults(dataDir).withFsyncMode(fsyncMode).withSnapshotsToKeep(snapshotsToKeep)
            .withSegmentChannels(segmentChannels).withArchiveDirectory(journalArchiveDir);
    }

    /**
     * @return whether {@code bourse serve} keeps the history in a database (default true): an embedded PostgreSQL
     * under {@code postgres/} in the data directory, or the one {@link #databaseUrl()} names.
     */
    public boolean historyEnabled()
    {
        return historyEnabled;
    }

    public ServerContext historyEnabled(final boolean historyEnabled)
    {
        this.historyEnabled = historyEnabled;
        return this;
    }

    /** @return the JDBC URL of an external PostgreSQL for the history, or null for the embedded one. */
    public String databaseUrl()
    {
        return databaseUrl;
    }

    public ServerContext databaseUrl(final String databaseUrl)
    {
        this.databaseUrl = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl.trim();
        return this;
    }

    /** @return the user of the external database, or null (the URL may carry it). */
    public String databaseUser()
    {
        return databaseUser;
    }

    public ServerContext databaseUser(final String databaseUser)
    {
        this.databaseUser = databaseUser == null || databaseUser.isBlank() ? null : databaseUser.trim();
        return this;
    }

    /** @return the password of the external database, or null. */
    public String databasePassword()
    {
        return databasePassword;
    }

    public ServerContext databasePassword(final String databasePassword)
    {
        this.databasePassword = databasePassword == null || databasePassword.isEmpty() ? null : databasePassword;
        return this;
    }

    /** @return where journal segments go when retention no longer needs them, or null to delete them. */
    public Path journalArchiveDir()
    {
        return journalArchiveDir;
    }

    public ServerContext journalArchiveDir(final Path journalArchiveDir)
    {
        this.journalArchiveDir = journalArchiveDir;
        return this;
    }

    /** @return opens the durable history ({@link HistoryService.Factory#NONE} unless a history module sets one). */
    public HistoryService.Factory historyFactory()
    {
        return historyFactory;
    }

    public ServerContext historyFactory(final HistoryService.Factory historyFactory)
    {
        this.historyFactory = historyFactory;
        return this;
    }

    public EngineConfiguration engineConfiguration()
    {
        return engineConfiguration;
    }

    public ServerContext engineConfiguration(final EngineConfiguration engineConfiguration)
    {
        this.engineConfiguration = engineConfiguration;
        return this;
    }

    public ReadModel.Configuration readModelConfiguration()
    {
        return readModelConfiguration;
    }

    public ServerContext readModelConfiguration(final ReadModel.Configuration readModelConfiguration)
    {
        this.readModelConfiguration = readModelConfiguration;
        return this;
    }

    public ApiKeyAuthenticator.Configuration authConfiguration()
    {
        return authConfiguration;
    }

    public ServerContext authConfiguration(final ApiKeyAuthenticator.Configuration authConfiguration)
    {
        this.authConfiguration = authConfiguration;
        return this;
    }

    /** @return the bounds of the WebSocket streams on {@code /v1/ws}. */
    public StreamConfiguration streamConfiguration()
    {
        return streamConfiguration;
    }

    public ServerContext streamConfiguration(final StreamConfiguration streamConfiguration)
    {
        this.streamConfiguration = streamConfiguration;
        return this;
    }

    /** @return commands that may wait for the engine; beyond, requests get 5001. */
    public int queueCapacity()
    {
        return queueCapacity;
    }

    public ServerContext queueCapacity(final int queueCapacity)
    {
        this.queueCapacity = queueCapacity;
        return this;
    }

    /** @return commands the engine applies before it commits the log and releases replies. */
    public int batchLimit()
    {
        return batchLimit;
    }

    public ServerContext batchLimit(final int batchLimit)
    {
        this.batchLimit = batchLimit;
        return this;
    }

    /**
     * @return group commit under load: the engine thread pauses {@code commitDelayUs} (default
     * {@value CommitDelay#DEFAULT_DELAY_US}; 0 never) before a batch when its last batch held at least
     * {@code commitDelayMinBatch} commands (default {@value CommitDelay#DEFAULT_MIN_PREVIOUS_BATCH}), so that each
     * journal sync carries more commands; never with fsync {@code none}, which has no sync to share.
     */
    public CommitDelay commitDelay()
    {
        return fsyncMode == FsyncMode.NONE ? CommitDelay.NONE : CommitDelay.of(commitDelayUs, commitDelayMinBatch);
    }

    public ServerContext commitDelayUs(final int commitDelayUs)
    {
        this.commitDelayUs = CommitDelay.of(commitDelayUs, commitDelayMinBatch).delayUs();
        return this;
    }

    public ServerContext commitDelayMinBatch(final int commitDelayMinBatch)
    {
        this.commitDelayMinBatch =
            new CommitDelay(commitDelayUs, commitDelayMinBatch, CommitDelay.ENOUGH_WAITING).minPreviousBatch();
        return this;
    }

    /** @return the largest request body accepted. */
    public int maxBodyBytes()
    {
        return maxBodyBytes;
    }

    public ServerContext maxBodyBytes(final int maxBodyBytes)
    {
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    /** @return the longest request URI accepted. */
    public int maxUriLength()
    {
        return maxUriLength;
    }

    public ServerContext maxUriLength(final int maxUriLength)
    {
        this.maxUriLength = maxUriLength;
        return this;
    }

    /** @return Vert.x event-loop threads. */
    public int eventLoops()
    {
        return eventLoops;
    }

    public ServerContext eventLoops(final int eventLoops)
    {
        this.eventLoops = eventLoops;
        return this;
    }

    /** @return what the gateways are put in front of: by default one node with its journal in {@link #dataDir()}. */
    public ExchangeCore.Factory exchangeCore()
    {
        return exchangeCore;
    }

    public ServerContext exchangeCore(final ExchangeCore.Factory exchangeCore)
    {
        this.exchangeCore = exchangeCore;
        return this;
    }

    /** @return connections the public port holds at once; beyond, new ones are closed at once (default 10,000). */
    public int maxConnections()
    {
        return maxConnections;
    }

    public ServerContext maxConnections(final int maxConnections)
    {
        this.maxConnections = maxConnections;
        return this;
    }

    /** @return connections the public port holds at once from one client IP (default 1,000). */
    public int maxConnectionsPerIp()
    {
        return maxConnectionsPerIp;
    }

    public ServerContext maxConnectionsPerIp(final int maxConnectionsPerIp)
    {
        this.maxConnectionsPerIp = maxConnectionsPerIp;
        return this;
    }

    /** @return long-lived connections (streams) one API key may hold at once on the public port (default 8). */
    public int maxConnectionsPerKey()
    {
        return maxConnectionsPerKey;
    }

    public ServerContext maxConnectionsPerKey(final int maxConnectionsPerKey)
    {
        this.maxConnectionsPerKey = maxConnectionsPerKey;
        return this;
    }

    /** @return connections the admin port holds at once, whatever the public port does (default 64). */
    public int adminMaxConnections()
    {
        return adminMaxConnections;
    }

    public ServerContext adminMaxConnections(final int adminMaxConnections)
    {
        this.adminMaxConnections = adminMaxConnections;
        return this;
    }

    /**
     * @return the time a request may take to arrive, head and body, from its first bytes; beyond, the connection is
     * closed without an answer (default 10 s).
     */
    public long requestTimeoutMs()
    {
        return requestTimeoutMs;
    }

    public ServerContext requestTimeoutMs(final long requestTimeoutMs)
    {
        this.requestTimeoutMs = requestTimeoutMs;
        return this;
    }

    /** @return the time a connection may stay without traffic before it is closed (default 120 s). */
    public long idleTimeoutMs()
    {
        return idleTimeoutMs;
    }

    public ServerContext idleTimeoutMs(final long idleTimeoutMs)
    {
        this.idleTimeoutMs = idleTimeoutMs;
        return this;
    }

    /** @return the public port's limits. */
    public ConnectionLimits publicLimits()
    {
        return new ConnectionLimits(maxConnections, maxConnectionsPerIp, maxConnectionsPerKey, requestTimeoutMs,
            idleTimeoutMs);
    }

    /** @return the admin port's limits: its own connection cap, every connection may come from one IP. */
    public ConnectionLimits adminLimits()
    {
        return new ConnectionLimits(adminMaxConnections, adminMaxConnections, adminMaxConnections, requestTimeoutMs,
            idleTimeoutMs);
    }

    /**
     * @param value {@code text} or {@code json}, in any case.
     * @return whether it names JSON logs.
     */
    public static boolean parseLogFormat(final String value)
    {
        return switch (value.trim().toLowerCase(Locale.ROOT))
        {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("logFormat must be text or json, not " + value);
        };
    }

    /** @return whether logs are written as one JSON object a line (default: text lines). */
    public boolean jsonLogs()
    {
        return jsonLogs;
    }

    public ServerContext jsonLogs(final boolean jsonLogs)
    {
        this.jsonLogs = jsonLogs;
        return this;
    }

    /**
     * @param size a size as {@code -Xmx} takes it: digits and an optional k, m or g.
     * @return the bytes it names.
     */
    public static long sizeInBytes(final String size)
    {
        final char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        final int shift = switch (unit)
        {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        return Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1)) << shift;
    }

    /** @return the JVM heap {@code ./bourse serve} starts the server with, as {@code -Xmx} takes it (default 4g). */
    public String heap()
    {
        return heap;
    }

    public ServerContext heap(final String heap)
    {
        if (!heap.matches("[1-9][0-9]*[kKmMgG]?"))
        {
            throw new IllegalArgumentException("heap must be a size as -Xmx takes it (4g, 512m), not " + heap);
        }
        this.heap = heap;
        return this;
    }
}
