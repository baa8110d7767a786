package dev.bourse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.bench.Figures;
import dev.bourse.cluster.ClusterConfiguration;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.command.PutPair;
import dev.bourse.server.admin.DemoPairs;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The cluster part of the suite: Bourse as a three-node cluster and as one node, on this machine, in the same run,
 * each in JVMs of its own ({@code bourse-cli.jar serve}, the journal or the archive forced to disk), driven by the
 * same generator with the same traders' sessions and request mix:
 * <ol>
 *     <li>the cluster: a closed loop through all three gateways at once (the sessions split among them), its
 *     throughput; an open loop at half of it, the latency of acknowledged orders; then the leader is killed with
 *     SIGKILL, and the time until a survivor reports itself leader and until the first order is acknowledged;</li>
 *     <li>one node: the same closed loop, and the open loop at the same offered rate as the cluster's.</li>
 * </ol>
 * On one machine the three nodes share its cores and its disk, so the figures show the cost of replication (three
 * engines, three archives, the consensus round trip) rather than what three machines would do.
 */
public final class ClusterRun
{
    private static final int NODES = 3;
    private static final long START_TIMEOUT_MS = 120_000;
    private static final long FAILOVER_TIMEOUT_MS = 60_000;
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(10);

    /** A server started, and the admin client of its admin port. */
    private record Node(ServerProcess server, AdminClient admin)
    {
    }

    private final Path cliJar;
    private final Path workDir;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final String secretKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));

    private final Path driverDirs;

    /**
     * @param cliJar  the Bourse command-line jar whose {@code serve} is measured.
     * @param workDir where data directories and server logs go.
     */
    public ClusterRun(final Path cliJar, final Path workDir)
    {
        this.cliJar = cliJar;
        this.workDir = workDir;
        // the nodes' media drivers in memory, as by default; here in one place that is removed after the run, since
        // the node killed for the failover cannot remove its own
        final Path shm = Path.of("/dev/shm");
        this.driverDirs = Files.isDirectory(shm) ? shm.resolve("bourse-bench-" + token) : workDir.resolve("drivers");
    }

    /**
     * @param configuration how long and how hard (the server part's).
     * @param report        where figures go.
     * @param checks        where failed outcome checks go.
     */
    public void run(final ServerBenchmarkConfiguration configuration, final Figures report, final OutcomeChecks checks)
        throws IOException, InterruptedException
    {
        if (!Files.isRegularFile(cliJar))
        {
            throw new IOException("no Bourse server jar at " + cliJar + " (build it with ./bourse or mvnw package)");
        }
        final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try
        {
            final LoadResult clusterClosed;
            final LoadResult clusterOpen;
            final long openRate;
            final List<Node> nodes = startCluster();
            try
            {
                final List<AdminClient> admins = nodes.stream().map(Node::admin).toList();
                final PutPair demo = DemoPairs.commands().getFirst();
                admins.getFirst().putPair(demo.coinPair(), pairForm(demo));
                final List<ApiCredentials> traders = admins.getFirst().createTraders(configuration.traders());
                awaitSameSequence(admins);
                final List<LoadGenerator> generators = generators(vertx, nodes, traders, configuration);
                try
                {
                    closedLoop(generators, configuration);
                    clusterClosed = closedLoop(generators, configuration);
                    checks.checkPhase("cluster closed loop", clusterClosed);
                    openRate = Math.max(NODES, Math.round(clusterClosed.throughputPerSecond() / 2));
                    clusterOpen = openLoop(generators, openRate, configuration);
                    checks.checkPhase("cluster open loop", clusterOpen);
                }
                finally
                {
                    generators.forEach(LoadGenerator::close);
                }
                failOver(nodes, admins, traders.getFirst(), report);
            }
            finally
            {
                nodes.forEach(node -> node.server().close());
            }
            final LoadResult singleClosed;
            final LoadResult singleOpen;
            final Node single = startServer("Bourse (one node)", "single", List.of());
            try
            {
                final List<ApiCredentials> traders = single.admin().createTraders(configuration.traders());
                final List<LoadGenerator> generators = generators(vertx, List.of(single), traders, configuration);
                try
                {
                    closedLoop(generators, configuration);
                    singleClosed = closedLoop(generators, configuration);
                    checks.checkPhase("single node closed loop", singleClosed);
                    singleOpen = openLoop(generators, openRate, configuration);
                    checks.checkPhase("single node open loop", singleOpen);
                }
                finally
                {
                    generators.forEach(LoadGenerator::close);
                }
            }
            finally
            {
                single.server().close();
            }
            report.add("cluster.single.closed.throughput", singleClosed.throughputPerSecond(), "req/s");
            report.add("cluster.three.closed.throughput", clusterClosed.throughputPerSecond(), "req/s");
            report.add("cluster.three.closed.share_of_single",
                100 * clusterClosed.throughputPerSecond() / singleClosed.throughputPerSecond(), "%");
            report.add("cluster.open.offered", openRate, "req/s");
            for (final Map.Entry<String, LoadResult> open : List.of(Map.entry("single", singleOpen),
                Map.entry("three", clusterOpen)))
            {
                final String prefix = "cluster." + open.getKey() + ".orders.";
                report.add(prefix + "acknowledged", open.getValue().orderLatencyUs().getTotalCount(), "orders");
                report.add(prefix + "p50", open.getValue().orderPercentileMs(50), "ms");
                report.add(prefix + "p99", open.getValue().orderPercentileMs(99), "ms");
                report.add(prefix + "p99_9", open.getValue().orderPercentileMs(99.9), "ms");
            }
        }
        finally
        {
            vertx.close().await();
            deleteRecursively(driverDirs);
        }
    }

    private static void deleteRecursively(final Path directory) throws IOException
    {
        if (!Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Kills the leader; reports when a survivor leads and when the first order is acknowledged again. */
    private void failOver(final List<Node> nodes, final List<AdminClient> admins,
        final ApiCredentials trader, final Figures report) throws IOException, InterruptedException
    {
        final int leader = leaderAmong(admins, List.of(0, 1, 2), FAILOVER_TIMEOUT_MS);
        final List<Integer> survivors = new ArrayList<>(List.of(0, 1, 2));
        survivors.remove(Integer.valueOf(leader));
        nodes.get(leader).server().kill();
        final long killedAtNs = System.nanoTime();
        final CompletableFuture<Double> firstAck = CompletableFuture.supplyAsync(() ->
            FailoverProbe.firstAcknowledgedMs(survivors.stream().map(id -> nodes.get(id).server().port()).toList(),
                trader,
                killedAtNs, FAILOVER_TIMEOUT_MS), runnable -> new Thread(runnable, "failover-probe").start());
        leaderAmong(admins, survivors, FAILOVER_TIMEOUT_MS);
        report.add("cluster.failover.new_leader", (System.nanoTime() - killedAtNs) / 1e6, "ms");
        report.add("cluster.failover.first_ack", firstAck.join(), "ms");
        report.add("cluster.failover.heartbeat_timeout", new ClusterConfiguration().leaderHeartbeatTimeoutMs(), "ms");
    }

    private static int leaderAmong(final List<AdminClient> admins, final List<Integer> candidates,
        final long timeoutMs)
    {
        return await(() ->
        {
            for (final int id : candidates)
            {
                final JsonNode status = statusOrNull(admins.get(id));
                if (status != null && "LEADER".equals(status.path("role").asText()))
                {
                    return id;
                }
            }
            return null;
        }, timeoutMs, "a leader among nodes " + candidates);
    }

    /** Waits until every node applied the set-up (the traders' keys), so each gateway knows them. */
    private static void awaitSameSequence(final List<AdminClient> admins)
    {
        await(() ->
        {
            final List<Long> sequences = new ArrayList<>();
            for (final AdminClient admin : admins)
            {
                final JsonNode status = statusOrNull(admin);
                sequences.add(status == null ? -1 : status.path("appliedSequence").asLong());
            }
            return sequences.stream().distinct().count() == 1 && sequences.getFirst() > 0 ? Boolean.TRUE : null;
        }, START_TIMEOUT_MS, "the same applied sequence on every node");
    }

    private static JsonNode statusOrNull(final AdminClient admin)
    {
        try
        {
            return admin.clusterStatus();
        }
        catch (final IOException ex)
        {
            return null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static <T> T await(final Supplier<T> found, final long timeoutMs, final String what)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (T value = found.get(); ; value = found.get())
        {
            if (value != null)
            {
                return value;
            }
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException(what + ": not within " + timeoutMs + " ms");
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }

    /** @return one generator per server, the traders' sessions split among them. */
    private static List<LoadGenerator> generators(final Vertx vertx, final List<Node> servers,
        final List<ApiCredentials> traders, final ServerBenchmarkConfiguration configuration)
    {
        final List<TradingSession> sessions = ServerRun.sessions(traders);
        final List<LoadGenerator> generators = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++)
        {
            final List<TradingSession> share = new ArrayList<>();
            for (int session = i; session < sessions.size(); session += servers.size())
            {
                share.add(sessions.get(session));
            }
            generators.add(new LoadGenerator(vertx, "127.0.0.1", servers.get(i).server().port(), share,
                Math.max(1, configuration.connections() / servers.size())));
        }
        return generators;
    }

    private static LoadResult closedLoop(final List<LoadGenerator> generators,
        final ServerBenchmarkConfiguration configuration)
    {
        final int inFlight = Math.max(1, configuration.closedInFlight() / generators.size());
        return together(generators, generator ->
            generator.runClosedLoop(inFlight, configuration.warmUpMs(), configuration.measureMs()));
    }

    private static LoadResult openLoop(final List<LoadGenerator> generators, final long rate,
        final ServerBenchmarkConfiguration configuration)
    {
        final long share = Math.max(1, rate / generators.size());
        return together(generators, generator ->
            generator.runOpenLoop(share, configuration.warmUpMs(), configuration.measureMs()));
    }

    /** Runs the same phase on every generator at once; @return what they saw together. */
    private static LoadResult together(final List<LoadGenerator> generators,
        final Function<LoadGenerator, LoadResult> phase)
    {
        final List<CompletableFuture<LoadResult>> running = generators.stream()
            .map(generator -> CompletableFuture.supplyAsync(() -> phase.apply(generator),
                runnable -> new Thread(runnable, "cluster-load").start()))
            .toList();
        LoadResult all = null;
        for (final CompletableFuture<LoadResult> result : running)
        {
            all = all == null ? result.join() : all.plus(result.join());
        }
        return all;
    }

    private List<Node> startCluster() throws IOException
    {
        final String members = ClusterConfiguration.membersText(ClusterConfiguration.localMembers(NODES));
        final List<CompletableFuture<Node>> starting = new ArrayList<>();
        for (int id = 0; id < NODES; id++)
        {
            final int nodeId = id;
            final Path clusterConfig = workDir.resolve("node-" + nodeId + ".cluster.properties");
            Files.writeString(clusterConfig, "nodeId=" + nodeId + "\nmembers=" + members + "\naeronDir=" +
                driverDirs.resolve("node-" + nodeId) + "\n");
            starting.add(CompletableFuture.supplyAsync(() -> startServer("cluster node " + nodeId, "node-" + nodeId,
                List.of("--cluster-config", clusterConfig.toString())),
                runnable -> new Thread(runnable, "start-node-" + nodeId).start()));
        }
        final List<Node> nodes = new ArrayList<>();
        try
        {
            for (final CompletableFuture<Node> node : starting)
            {
                nodes.add(node.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS));
            }
        }
        catch (final Exception ex)
        {
            starting.forEach(node -> node.thenAccept(started -> started.server().close()));
            throw new IOException("the cluster did not start", ex);
        }
        return nodes;
    }

    private Node startServer(final String name, final String dirName, final List<String> extraArguments)
    {
        try
        {
            final int port = ServerProcess.freePort();
            final int adminPort = ServerProcess.freePort();
            final Path dataDir = Files.createDirectories(workDir.resolve(dirName));
            final List<String> arguments = new ArrayList<>(List.of("-jar", cliJar.toString(), "serve",
                "--port", Integer.toString(port), "--admin-port", Integer.toString(adminPort),
                "--data-dir", dataDir.toString(), "--fsync", "per-batch"));
            arguments.addAll(extraArguments);
            return new Node(ServerProcess.start(name, arguments, Map.of("BOURSE_ADMIN_TOKEN", token,
                "BOURSE_SECRET_KEY", secretKey), port, workDir.resolve(dirName + ".log")),
                new AdminClient(adminPort, token));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the admin API's form of a pair the demo pairs define. */
    static String pairForm(final PutPair pair)
    {
        final PairPolicy policy = pair.policy();
        return "minPrice=" + decimal(policy.minPrice(), pair.marketScale()) +
            "&minPriceDecimal=" + policy.priceDecimals() +
            "&minAmountDecimal=" + policy.amountDecimals() +
            "&tradeMinAmount=" + decimal(policy.minAmount(), pair.currencyScale()) +
            "&tradeMaxAmount=" + decimal(policy.maxAmount(), pair.currencyScale()) +
            "&tradeMinVolume=" + decimal(policy.minVolume(), pair.marketScale()) +
            "&tradeMaxVolume=" + decimal(policy.maxVolume(), pair.marketScale()) +
            "&makerFeeRate=" + decimal(policy.makerFeePpm(), 4) +
            "&takerFeeRate=" + decimal(policy.takerFeePpm(), 4);
    }

    private static String decimal(final long units, final int scale)
    {
        return BigDecimal.valueOf(units, scale).stripTrailingZeros().toPlainString();
    }
}
