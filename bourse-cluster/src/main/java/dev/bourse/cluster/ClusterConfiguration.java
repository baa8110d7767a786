package dev.bourse.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * One node's place in a cluster: its ID, every member's host and base port, where its files go and the timeouts of
 * failover; set fluently or from a properties file ({@link #apply(Properties)}, the {@code --cluster-config} of
 * {@code bourse serve}).
 * <p>
 * Every member uses five consecutive UDP ports from its base port {@code P}: {@code P} ingress (the cluster clients
 * of the gateways), {@code P+1} consensus, {@code P+2} the replicated log, {@code P+3} catch-up of a lagging follower,
 * {@code P+4} the archive's control channel (a follower fetches the log from the leader's archive). Every node of a
 * cluster must be given the same members.
 */
public final class ClusterConfiguration
{
    /** Ports a member uses from its base port. */
    public static final int PORTS_PER_MEMBER = 5;
    private static final int FIRST_LOCAL_PORT = 20_000;
    private static final int LAST_LOCAL_PORT = 60_000;
    private static final int MAX_PORT_ATTEMPTS = 1_000;

    /**
     * A member of the cluster.
     *
     * @param id       its ID, unique in the cluster.
     * @param host     the host name or address the others reach it at, and it binds to.
     * @param basePort the first of its {@link #PORTS_PER_MEMBER} UDP ports.
     */
    public record Member(int id, String host, int basePort)
    {
        public Member
        {
            if (id < 0 || host == null || host.isBlank() || basePort <= 0 || basePort + PORTS_PER_MEMBER - 1 > 65_535)
            {
                throw new IllegalArgumentException("not a valid member: " + id + "=" + host + ":" + basePort);
            }
        }

        /** @return the endpoint of its ingress port. */
        public String ingressEndpoint()
        {
            return host + ":" + basePort;
        }

        /** @return the member in Aeron's {@code id,ingress,consensus,log,catchup,archive} form. */
        String aeronEndpoints()
        {
            return id + "," + host + ":" + basePort + "," + host + ":" + (basePort + 1) + "," + host + ":" +
                (basePort + 2) + "," + host + ":" + (basePort + 3) + "," + host + ":" + (basePort + 4);
        }

        /** @return the archive's control endpoint. */
        String archiveEndpoint()
        {
            return host + ":" + (basePort + 4);
        }
    }

    private int nodeId = -1;
    private List<Member> members = List.of();
    private Path clusterDir;
    private String aeronDir;
    private long leaderHeartbeatTimeoutMs = 5_000;
    private long replyTimeoutMs = 10_000;

    /**
     * Applies the keys of a cluster configuration file: {@code nodeId}, {@code members}
     * ({@code id=host:basePort,...}), {@code clusterDir}, {@code aeronDir}, {@code leaderHeartbeatTimeoutMs},
     * {@code replyTimeoutMs}; each may carry a {@code bourse.cluster.} prefix. Unknown keys are refused.
     *
     * @param properties the configuration.
     * @return this.
     */
    public ClusterConfiguration apply(final Properties properties)
    {
        for (final String rawKey : properties.stringPropertyNames())
        {
            final String key = rawKey.startsWith("bourse.cluster.") ? rawKey.substring("bourse.cluster.".length()) :
                rawKey;
            final String value = properties.getProperty(rawKey).trim();
            switch (key)
            {
                case "nodeId" -> nodeId(Integer.parseInt(value));
                case "members" -> members(parseMembers(value));
                case "clusterDir" -> clusterDir(Path.of(value));
                case "aeronDir" -> aeronDir(value);
                case "leaderHeartbeatTimeoutMs" -> leaderHeartbeatTimeoutMs(Long.parseLong(value));
                case "replyTimeoutMs" -> replyTimeoutMs(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown cluster configuration key: " + rawKey);
            }
        }
        return this;
    }

    /**
     * @param text {@code id=host:basePort} entries separated by commas, e.g.
     *             {@code 0=10.0.0.1:9000,1=10.0.0.2:9000,2=10.0.0.3:9000}.
     * @return the members.
     * @throws IllegalArgumentException when the text is not such a list.
     */
    public static List<Member> parseMembers(final String text)
    {
        final List<Member> parsed = new ArrayList<>();
        for (final String entry : text.split(","))
        {
            final String trimmed = entry.trim();
            final int equals = trimmed.indexOf('=');
            final int colon = trimmed.lastIndexOf(':');
            if (equals <= 0 || colon <= equals + 1 || colon == trimmed.length() - 1)
            {
                throw new IllegalArgumentException("a member is id=host:basePort, not '" + trimmed + "'");
            }
            try
            {
                parsed.add(new Member(Integer.parseInt(trimmed.substring(0, equals)),
                    trimmed.substring(equals + 1, colon), Integer.parseInt(trimmed.substring(colon + 1))));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("a member is id=host:basePort, not '" + trimmed + "'", ex);
            }
        }
        return parsed;
    }

    /**
     * @param members members.
     * @return them as {@link #parseMembers} reads them: {@code id=host:basePort,...}.
     */
    public static String membersText(final List<Member> members)
    {
        final StringBuilder text = new StringBuilder();
        for (final Member member : members)
        {
            text.append(text.isEmpty() ? "" : ",").append(member.id()).append('=').append(member.ingressEndpoint());
        }
        return text.toString();
    }

    /**
     * Members for a cluster on this machine (trying it out, tests, benchmarks): IDs 0 to {@code count - 1} on
     * 127.0.0.1, each on a block of UDP ports that was free a moment ago.
     *
     * @param count how many members.
     * @return the members.
     */
    public static List<Member> localMembers(final int count)
    {
        final List<Member> local = new ArrayList<>();
        final Random random = new Random();
        for (int attempt = 0; local.size() < count && attempt < MAX_PORT_ATTEMPTS; attempt++)
        {
            final int basePort = FIRST_LOCAL_PORT + random.nextInt(LAST_LOCAL_PORT - FIRST_LOCAL_PORT);
            if (local.stream().noneMatch(member -> Math.abs(member.basePort() - basePort) < PORTS_PER_MEMBER) &&
                freeUdpPorts(basePort))
            {
                local.add(new Member(local.size(), "127.0.0.1", basePort));
            }
        }
        if (local.size() < count)
        {
            throw new IllegalStateException("found no free UDP ports for " + count + " members");
        }
        return local;
    }

    private static boolean freeUdpPorts(final int basePort)
    {
        final List<DatagramSocket> sockets = new ArrayList<>();
        try
        {
            for (int port = basePort; port < basePort + PORTS_PER_MEMBER; port++)
            {
                sockets.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
        finally
        {
            sockets.forEach(DatagramSocket::close);
        }
    }

    /**
     * Checks that the configuration names a cluster this node belongs to.
     *
     * @return this.
     * @throws IllegalArgumentException when it does not.
     */
    public ClusterConfiguration validate()
    {
        if (members.isEmpty())
        {
            throw new IllegalArgumentException("the cluster has no members");
        }
        final Set<Integer> ids = new HashSet<>();
        for (final Member member : members)
        {
            if (!ids.add(member.id()))
            {
                throw new IllegalArgumentException("member " + member.id() + " is listed twice");
            }
            for (final Member other : members)
            {
                if (other != member && other.host().equals(member.host()) &&
                    Math.abs(other.basePort() - member.basePort()) < PORTS_PER_MEMBER)
                {
                    throw new IllegalArgumentException("members " + member.id() + " and " + other.id() +
                        " share ports on " + member.host() + " (each uses " + PORTS_PER_MEMBER + " from its base)");
                }
            }
        }
        if (!ids.contains(nodeId))
        {
            throw new IllegalArgumentException("node " + nodeId + " is not one of the members " + ids);
        }
        if (leaderHeartbeatTimeoutMs < 100 || replyTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("leaderHeartbeatTimeoutMs must be at least 100 and replyTimeoutMs " +
                "positive");
        }
        return this;
    }

    /** @return this node's ID. */
    public int nodeId()
    {
        return nodeId;
    }

    public ClusterConfiguration nodeId(final int nodeId)
    {
        this.nodeId = nodeId;
        return this;
    }

    /** @return every member of the cluster, this node included. */
    public List<Member> members()
    {
        return members;
    }

    public ClusterConfiguration members(final List<Member> members)
    {
        this.members = List.copyOf(members);
        return this;
    }

    /** @return this node's member entry. */
    public Member self()
    {
        for (final Member member : members)
        {
            if (member.id() == nodeId)
            {
                return member;
            }
        }
        throw new IllegalArgumentException("node " + nodeId + " is not a member");
    }

    /**
     * @param dataDir the server's data directory.
     * @return where the archive (the replicated log and the snapshots) and the consensus state go: the configured
     * directory, or {@code cluster/} in the data directory.
     */
    public Path clusterDirOf(final Path dataDir)
    {
        return clusterDir != null ? clusterDir : dataDir.resolve("cluster");
    }

    public ClusterConfiguration clusterDir(final Path clusterDir)
    {
        this.clusterDir = clusterDir;
        return this;
    }

    /**
     * @param clusterDir this node's cluster directory.
     * @return the directory of this node's media driver (memory-mapped buffers, nothing to back up): the configured
     * one, or one in {@code /dev/shm} named after the cluster directory, or {@code aeron/} in it without
     * {@code /dev/shm}.
     */
    public String aeronDir(final Path clusterDir)
    {
        if (aeronDir != null)
        {
            return aeronDir;
        }
        final Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm))
        {
            return clusterDir.resolve("aeron").toString();
        }
        final CRC32 crc = new CRC32();
        crc.update(clusterDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return shm.resolve("bourse-" + System.getProperty("user.name") + "-node" + nodeId + "-" +
            HexFormat.of().toHexDigits((int)crc.getValue())).toString();
    }

    public ClusterConfiguration aeronDir(final String aeronDir)
    {
        this.aeronDir = aeronDir == null || aeronDir.isBlank() ? null : aeronDir.trim();
        return this;
    }

    /** @return how long followers wait for the leader's heartbeat before electing a new one (default 5 s). */
    public long leaderHeartbeatTimeoutMs()
    {
        return leaderHeartbeatTimeoutMs;
    }

    public ClusterConfiguration leaderHeartbeatTimeoutMs(final long leaderHeartbeatTimeoutMs)
    {
        this.leaderHeartbeatTimeoutMs = leaderHeartbeatTimeoutMs;
        return this;
    }

    /**
     * @return how long a gateway waits for its command to come back applied before it answers 5000, outcome unknown
     * (default 10 s): the command was lost with a failed leader, or may still be committed.
     */
    public long replyTimeoutMs()
    {
        return replyTimeoutMs;
    }

    public ClusterConfiguration replyTimeoutMs(final long replyTimeoutMs)
    {
        this.replyTimeoutMs = replyTimeoutMs;
        return this;
    }

    /** @return the members in Aeron's {@code clusterMembers} form. */
    String aeronMembers()
    {
        final StringBuilder text = new StringBuilder();
        for (final Member member : members)
        {
            text.append(member.aeronEndpoints()).append('|');
        }
        return text.toString();
    }

    /** @return the members' ingress endpoints in Aeron's {@code id=host:port,...} form. */
    String ingressEndpoints()
    {
        return membersText(members);
    }
}
