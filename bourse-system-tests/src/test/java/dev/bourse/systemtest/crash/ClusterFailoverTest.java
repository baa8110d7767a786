package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.cluster.ClusterConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes of a cluster as child processes on this machine (separate data directories, driver directories and
 * ports), driven by concurrent signed traffic through all three gateways; the leader is killed with SIGKILL at a
 * random moment, round after round. After each kill: a new leader within a bound; the traffic carries on through the
 * survivors' gateways; the killed node restarts and catches up; all three nodes report the same applied sequence,
 * state hash and funds; the funds add up; and every node shows every acknowledged order, with the acknowledged
 * cancels and cancel-alls. {@code -Dbourse.cluster.rounds=N} and {@code -Dbourse.cluster.seed=S} change the rounds
 * and the randomness.
 */
class ClusterFailoverTest
{
    private static final int NODES = 3;
    private static final int TRADERS = 6;
    private static final int ROUNDS = Integer.getInteger("bourse.cluster.rounds", 3);
    private static final long SEED = Long.getLong("bourse.cluster.seed", System.nanoTime());
    private static final long ROUND_TIMEOUT_MS = 120_000;
    private static final long NEW_LEADER_BOUND_MS = 30_000;
    private static final long ACKS_AFTER_FAILOVER = 50;
    private static final String ADMIN_TOKEN = "cluster-failover-test-token";

    @TempDir
    Path dir;

    private final Acknowledgements acks = new Acknowledgements();
    private final Random random = new Random(SEED);
    private final ServerProcess[] nodes = new ServerProcess[NODES];
    private final ExchangeConnection[] connections = new ExchangeConnection[NODES];
    private Path driverDirs;
    private List<ClusterConfiguration.Member> members;
    private Path serverConfig;

    @AfterEach
    void stopNodes() throws Exception
    {
        for (final ServerProcess node : nodes)
        {
            if (node != null)
            {
                node.kill();
            }
        }
        if (driverDirs != null)
        {
            try (Stream<Path> files = Files.walk(driverDirs))
            {
                for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void shouldHonourEveryAcknowledgementWhenTheLeaderIsKilledUnderLoad() throws Exception
    {
        System.out.println("cluster failover test seed " + SEED + " (-Dbourse.cluster.seed=" + SEED +
            " to repeat the choices)");
        members = ClusterConfiguration.localMembers(NODES);
        driverDirs = Files.isDirectory(Path.of("/dev/shm")) ?
            Files.createTempDirectory(Path.of("/dev/shm"), "bourse-cluster-test") : dir.resolve("drivers");
        serverConfig = dir.resolve("bourse.properties");
        Files.writeString(serverConfig, "demo=false\nfsync=per-batch\nsnapshotIntervalCommands=300\n" +
            "adminToken=" + ADMIN_TOKEN + "\nsecretKey=" + Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        startAll();
        awaitLeader(List.of(0, 1, 2));
        awaitEveryGatewayConnected();
        final List<ExchangeConnection.Trader> traders = TrafficWorker.fundedTraders(connections[0], TRADERS, acks);
        final Map<Long, ExchangeConnection.Trader> traderByAccount = traders.stream()
            .collect(Collectors.toMap(ExchangeConnection.Trader::accountId, trader -> trader));
        for (int round = 1; round <= ROUNDS; round++)
        {
            final Set<Long> ordersBefore = new HashSet<>(acks.ownerByOrderId.keySet());
            final int killed = driveAndKillTheLeader(traders, round);
            nodes[killed] = startNode(killed);
            connections[killed] = connect(nodes[killed]);
            final JsonNode state = awaitSameStateOnEveryNode(round);
            checkFunds(state, round);
            final Set<Long> ordersOfRound = new HashSet<>(acks.ownerByOrderId.keySet());
            ordersOfRound.removeAll(ordersBefore);
            checkOrders(ordersOfRound, traderByAccount, round);
        }
        assertThat(acks.cancelAlls.get()).as("cancel-alls acknowledged").isPositive();
        assertThat(acks.marketOrders.get()).as("market orders acknowledged").isPositive();
        assertThat(acks.cancelledOrderIds).as("cancels acknowledged").isNotEmpty();
        assertThat(acks.withdrawals.acknowledged()).as("withdrawals acknowledged").isNotEmpty();
        for (int id = 0; id < NODES; id++)
        {
            assertThat(nodes[id].stop()).as("exit code of node %d after SIGTERM", id).isEqualTo(143);
            nodes[id] = null;
        }
    }

    /**
     * Drives traffic through every gateway, kills the leader at a random number of acknowledgements, waits for a new
     * leader and for more acknowledgements through the survivors, then stops the traffic.
     *
     * @return the node killed.
     */
    private int driveAndKillTheLeader(final List<ExchangeConnection.Trader> traders, final int round)
        throws Exception
    {
        final long ackedBefore = acks.acknowledged.get();
        final CompletableFuture<Void> killMoment = new CompletableFuture<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<ExchangeConnection> gateways = List.of(connections);
        final List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < traders.size(); i++)
        {
            final ExchangeConnection.Trader trader = traders.get(i);
            final Thread worker = new Thread(new TrafficWorker(gateways, i, stop, trader, acks,
                ackedBefore + 100 + random.nextInt(900), killMoment, random.nextLong()),
                "traffic-" + trader.accountId());
            worker.start();
            workers.add(worker);
        }
        try
        {
            killMoment.get(ROUND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final int leader = awaitLeader(List.of(0, 1, 2));
            nodes[leader].kill();
            final long killedAtNs = System.nanoTime();
            final List<Integer> survivors = new ArrayList<>(List.of(0, 1, 2));
            survivors.remove(Integer.valueOf(leader));
            final int newLeader = awaitLeader(survivors);
            final long failoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAtNs);
            System.out.println("round " + round + ": killed leader " + leader + " after " +
                (acks.acknowledged.get() - ackedBefore) + " acknowledgements; node " + newLeader + " leads after " +
                failoverMs + " ms");
            assertThat(failoverMs).as("round %d: a new leader within the bound", round)
                .isLessThanOrEqualTo(NEW_LEADER_BOUND_MS);
            final long ackedAtFailover = acks.acknowledged.get();
            await(() -> acks.acknowledged.get() >= ackedAtFailover + ACKS_AFTER_FAILOVER ? Boolean.TRUE : null,
                ROUND_TIMEOUT_MS, "round " + round + ": acknowledgements through the survivors");
            return leader;
        }
        finally
        {
            stop.set(true);
            for (final Thread worker : workers)
            {
                worker.join(ROUND_TIMEOUT_MS);
                assertThat(worker.isAlive()).as("worker stopped").isFalse();
            }
        }
    }

    /**
     * Every node applied the same commands: the same sequence, state hash and funds, once the traffic stopped. When
     * they do not in time, the failure says what each node answered last (or that it did not answer).
     */
    private JsonNode awaitSameStateOnEveryNode(final int round) throws Exception
    {
        final List<String> lastAnswers = new ArrayList<>();
        try
        {
            return await(() ->
            {
                final List<JsonNode> states = new ArrayList<>();
                lastAnswers.clear();
                for (int id = 0; id < NODES; id++)
                {
                    final JsonNode state = status(id);
                    lastAnswers.add("node " + id + ": " + (state == null ? "no answer" : state.toString()));
                    states.add(state);
                }
                if (states.contains(null))
                {
                    return null;
                }
                final JsonNode first = states.getFirst();
                final boolean same = states.stream().allMatch(state ->
                    state.get("appliedSequence").equals(first.get("appliedSequence")) &&
                    state.get("stateHash").equals(first.get("stateHash")) &&
                    state.get("funds").equals(first.get("funds")));
                return same ? first : null;
            }, ROUND_TIMEOUT_MS, "round " + round + ": the same state on every node");
        }
        catch (final AssertionError ex)
        {
            throw new AssertionError(ex.getMessage() + "; last answers: " + lastAnswers, ex);
        }
    }

    /** Balances and fees add up to deposits less withdrawals, which lie within what was acknowledged and sent. */
    private void checkFunds(final JsonNode state, final int round)
    {
        assertThat(state.get("funds")).as("round %d: currencies", round).hasSize(2);
        for (final JsonNode funds : state.get("funds"))
        {
            final String currency = funds.get("currency").asText();
            final BigDecimal netDeposits = funds.get("netDeposits").decimalValue();
            assertThat(funds.get("balances").decimalValue().add(funds.get("feesCollected").decimalValue()))
                .as("round %d: %s balances + fees = deposits - withdrawals", round, currency)
                .isEqualByComparingTo(netDeposits);
            assertThat(netDeposits).as("round %d: %s deposits - withdrawals within what was acknowledged and sent",
                    round, currency)
                .isGreaterThanOrEqualTo(acks.leastNetDeposits(currency))
                .isLessThanOrEqualTo(acks.mostNetDeposits(currency));
        }
    }

    /**
     * Every node shows each acknowledged order of the round (earlier rounds' orders were checked then, and the
     * nodes' states are equal since); one whose cancel (or a cancel-all) was acknowledged is complete.
     */
    private void checkOrders(final Set<Long> orderIds, final Map<Long, ExchangeConnection.Trader> traderByAccount,
        final int round) throws Exception
    {
        for (int id = 0; id < NODES; id++)
        {
            for (final long orderId : orderIds)
            {
                final ExchangeConnection.Trader owner = traderByAccount.get(acks.ownerByOrderId.get(orderId));
                final JsonNode order =
                    connections[id].signedOk(owner, "GET", "/v2/account/orders/" + orderId, null, null);
                if (acks.cancelledOrderIds.contains(orderId))
                {
                    assertThat(order.get("status").asText())
                        .as("round %d, node %d: order %d whose cancel was acknowledged", round, id, orderId)
                        .isEqualTo("COMPLETE");
                }
            }
        }
    }

    private int awaitLeader(final List<Integer> candidates) throws Exception
    {
        return await(() ->
        {
            for (final int id : candidates)
            {
                final JsonNode state = status(id);
                if (state != null && "LEADER".equals(state.get("role").asText()))
                {
                    return id;
                }
            }
            return null;
        }, NEW_LEADER_BOUND_MS, "a leader among " + candidates);
    }

    private void awaitEveryGatewayConnected() throws Exception
    {
        for (int id = 0; id < NODES; id++)
        {
            final int node = id;
            await(() ->
            {
                final JsonNode state = status(node);
                return state != null && state.get("ingressLeaderNodeId").asInt() >= 0 ? Boolean.TRUE : null;
            }, ROUND_TIMEOUT_MS, "node " + id + " connected to the leader");
        }
    }

    /** @return the node's cluster status, or null while it does not answer. */
    private JsonNode status(final int id)
    {
        try
        {
            final JsonNode answer = connections[id].admin("GET", "/admin/v1/cluster", null);
            return ExchangeConnection.isSuccess(answer) ? answer.get("responseData") : null;
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

    private static <T> T await(final Supplier<T> found, final long timeoutMs, final String what) throws Exception
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
                throw new AssertionError(what + ": not within " + timeoutMs + " ms");
            }
            Thread.sleep(20);
        }
    }

    private void startAll() throws Exception
    {
        final List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
        for (int id = 0; id < NODES; id++)
        {
            final int node = id;
            starting.add(CompletableFuture.supplyAsync(() ->
            {
                try
                {
                    return startNode(node);
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            }, task -> new Thread(task, "start-node").start()));
        }
        for (int id = 0; id < NODES; id++)
        {
            nodes[id] = starting.get(id).get(ROUND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            connections[id] = connect(nodes[id]);
        }
    }

    private ServerProcess startNode(final int id) throws Exception
    {
        final Path clusterConfig = dir.resolve("node-" + id + ".cluster.properties");
        Files.writeString(clusterConfig, "nodeId=" + id + "\nmembers=" + ClusterConfiguration.membersText(members) +
            "\naeronDir=" +
            driverDirs.resolve("node-" + id) + "\nleaderHeartbeatTimeoutMs=1500\nreplyTimeoutMs=3000\n");
        return ServerProcess.start(dir.resolve("node-" + id), serverConfig,
            List.of("--cluster-config=" + clusterConfig));
    }

    private static ExchangeConnection connect(final ServerProcess node)
    {
        return new ExchangeConnection(node.publicPort(), node.adminPort(), ADMIN_TOKEN);
    }
}
