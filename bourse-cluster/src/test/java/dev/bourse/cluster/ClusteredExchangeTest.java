package dev.bourse.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bourse.engine.Side;
import dev.bourse.engine.Status;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.command.Transfer;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import dev.bourse.server.admin.DemoPairs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes of a cluster as {@link BourseServer}s in this JVM: commands sent through any node go through the replicated
 * log and come back applied on every node; a node that was stopped catches up from its snapshot and the log.
 */
class ClusteredExchangeTest
{
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String ADMIN_TOKEN = "cluster-test-token";
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<BourseServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop()
    {
        servers.forEach(BourseServer::close);
    }

    @Test
    void shouldRecoverWhatOneNodeAppliedAfterARestart() throws Exception
    {
        final List<ClusterConfiguration.Member> members = ClusterConfiguration.localMembers(1);
        BourseServer node = start(0, members);
        trade(node);
        final long sequence = node.health().committedSequence();
        assertThat(sequence).as("every command has a sequence").isEqualTo(6);
        final JsonNode before = status(node);
        stop(node);

        node = start(0, members);
        final BourseServer restarted = node;
        await(() -> restarted.health().committedSequence() == sequence);
        assertThat(status(node).get("stateHash")).isEqualTo(before.get("stateHash"));
        assertThat(node.readModel().orders().openOrders(1, order -> true, 10)).hasSize(1);
        assertThat(untilALeaderTakesIt(node, new CreateAccount())).isEqualTo(Status.SUCCESS);
        assertThat(node.health().committedSequence()).isEqualTo(sequence + 1);
    }

    @Test
    void shouldFireADeadMansSwitchByAClusterTimerAndKeepItArmedAcrossARestart() throws Exception
    {
        final List<ClusterConfiguration.Member> members = ClusterConfiguration.localMembers(1);
        BourseServer node = start(0, members);
        trade(node);
        assertThat(node.submitAndWait(new SetDeadMansSwitch(1, null, 60_000))).isEqualTo(Status.SUCCESS);
        final long armedAt = node.health().committedSequence();
        stop(node);

        node = start(0, members);
        final BourseServer restarted = node;
        await(() -> restarted.health().committedSequence() == armedAt);
        assertThat(restarted.submitAndWait(new SetDeadMansSwitch(1, null, 1_000))).isEqualTo(Status.SUCCESS);

        await(() -> restarted.readModel().orders().openOrders(1, order -> true, 10).isEmpty()
            && restarted.health().committedSequence() > armedAt + 1);
        assertThat(restarted.health().committedSequence()).as("the switch fired as one command of the log")
            .isEqualTo(armedAt + 2);
    }

    @Test
    void shouldStreamTheBookOfARestartedNodeFromItsSnapshotOn() throws Exception
    {
        final List<ClusterConfiguration.Member> members = ClusterConfiguration.localMembers(1);
        BourseServer node = start(0, members);
        trade(node);
        final long sequence = node.health().committedSequence();
        stop(node);
        node = start(0, members);
        final BourseServer restarted = node;
        await(() -> restarted.health().committedSequence() == sequence);

        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final WebSocket webSocket = http.newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + node.publicPort() + "/v1/ws"), new WebSocket.Listener()
            {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(final WebSocket socket, final CharSequence data, final boolean last)
                {
                    text.append(data);
                    if (last)
                    {
                        received.add(readTree(text.toString()));
                        text.setLength(0);
                    }
                    socket.request(1);
                    return null;
                }
            }).get(DEADLINE_NS, TimeUnit.NANOSECONDS);
        try
        {
            assertThat(next(received, "welcome")).isNotNull();
            webSocket.sendText("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"book:BTC.USDT\"]}", true);
            final JsonNode snapshot = next(received, "bookSnapshot");
            assertThat(snapshot.get("seq").asLong()).isEqualTo(sequence);
            assertThat(snapshot.get("BID").get(0).get("price").decimalValue()).isEqualByComparingTo("30000");
            assertThat(snapshot.get("BID").get(0).get("amount").decimalValue()).isEqualByComparingTo("1");

            assertThat(node.submitAndWait(PlaceOrder.limit(1, "BTC.USDT", Side.BUY, 3_000_000_000_000L, 50_000_000L)))
                .isEqualTo(Status.SUCCESS);
            final JsonNode change = next(received, "book");
            assertThat(change.get("seq").asLong()).as("the next command of the log").isEqualTo(sequence + 1);
            assertThat(change.get("prevSeq").asLong()).isEqualTo(sequence);
            assertThat(change.get("BID").get(0).get("amount").decimalValue()).as("the level the snapshot loaded, grown")
                .isEqualByComparingTo("1.5");
        }
        finally
        {
            webSocket.abort();
        }
    }

    private static JsonNode next(final BlockingQueue<JsonNode> received, final String type)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        while (System.nanoTime() - deadline < 0)
        {
            final JsonNode message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && type.equals(message.get("type").asText()))
            {
                return message;
            }
        }
        throw new AssertionError("no " + type + " message within the deadline");
    }

    private static JsonNode readTree(final String text)
    {
        try
        {
            return JSON.readTree(text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void shouldApplyOnEveryNodeWhatAnyNodeSendsAndCatchUpAStoppedOne() throws Exception
    {
        final List<ClusterConfiguration.Member> members = ClusterConfiguration.localMembers(3);
        final List<CompletableFuture<BourseServer>> starting = new ArrayList<>();
        for (int id = 0; id < 3; id++)
        {
            final int nodeId = id;
            starting.add(CompletableFuture.supplyAsync(() -> start(nodeId, members),
                task -> new Thread(task, "start-node-" + nodeId).start()));
        }
        final List<BourseServer> nodes = new ArrayList<>();
        for (final CompletableFuture<BourseServer> node : starting)
        {
            nodes.add(node.get(DEADLINE_NS, TimeUnit.NANOSECONDS));
        }
        final BourseServer leader = await(() -> leaderOf(nodes));
        final BourseServer follower = nodes.stream().filter(node -> node != leader).findFirst().orElseThrow();
        trade(follower);
        assertThat(follower.readModel().orders().openOrders(1, order -> true, 10))
            .as("the node that sent a command answers once it applied it").hasSize(1);
        awaitSameState(nodes);

        final int stoppedId = nodes.indexOf(follower);
        stop(follower);
        for (int i = 0; i < 12; i++)
        {
            assertThat(untilALeaderTakesIt(leader, new CreateAccount())).isEqualTo(Status.SUCCESS);
        }
        nodes.set(stoppedId, start(stoppedId, members));
        awaitSameState(nodes);
        assertThat(nodes.get(stoppedId).health().committedSequence()).isEqualTo(18);

        stop(nodes.get(stoppedId));
        deleteRecursively(dir.resolve("node-" + stoppedId).resolve("cluster"));
        assertThat(untilALeaderTakesIt(leader, new CreateAccount())).isEqualTo(Status.SUCCESS);
        nodes.set(stoppedId, start(stoppedId, members));
        awaitSameState(nodes);
        assertThat(nodes.get(stoppedId).health().committedSequence())
            .as("a node replaced with an empty directory replicates the log").isEqualTo(19);
    }

    private static void deleteRecursively(final Path path) throws IOException
    {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(path))
        {
            for (final Path file : files.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                java.nio.file.Files.delete(file);
            }
        }
    }

    private void trade(final BourseServer node) throws InterruptedException
    {
        final TransferDetails details = new TransferDetails("address", "", "", "");
        assertThat(untilALeaderTakesIt(node, DemoPairs.commands().get(0))).isEqualTo(Status.SUCCESS);
        assertThat(node.submitAndWait(new CreateAccount())).isEqualTo(Status.SUCCESS);
        assertThat(node.submitAndWait(new CreateAccount())).isEqualTo(Status.SUCCESS);
        assertThat(node.submitAndWait(
            new Transfer(1, TransferType.DEPOSIT, "USDT", 100_000_000_000_000L, 0, details)))
            .isEqualTo(Status.SUCCESS);
        assertThat(node.submitAndWait(new Transfer(2, TransferType.DEPOSIT, "BTC", 100_000_000_000L, 0, details)))
            .isEqualTo(Status.SUCCESS);
        assertThat(node.submitAndWait(PlaceOrder.limit(1, "BTC.USDT", Side.BUY, 3_000_000_000_000L, 100_000_000L)))
            .isEqualTo(Status.SUCCESS);
    }

    /** Sends the command again while it is refused unapplied because the node has no leader yet (5001). */
    private static Status untilALeaderTakesIt(final BourseServer node, final Command command)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        Status status = node.submitAndWait(command);
        while (status == Status.INTERNAL_TIMEOUT && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(20);
            status = node.submitAndWait(command);
        }
        return status;
    }

    private BourseServer leaderOf(final List<BourseServer> nodes)
    {
        for (final BourseServer node : nodes)
        {
            if ("LEADER".equals(status(node).get("role").asText()))
            {
                return node;
            }
        }
        return null;
    }

    private void awaitSameState(final List<BourseServer> nodes) throws InterruptedException
    {
        await(() ->
        {
            final List<JsonNode> states = nodes.stream().map(this::status).toList();
            return states.stream().allMatch(state ->
                state.get("appliedSequence").equals(states.getFirst().get("appliedSequence")) &&
                state.get("stateHash").equals(states.getFirst().get("stateHash")) &&
                state.get("funds").equals(states.getFirst().get("funds")));
        });
    }

    private JsonNode status(final BourseServer node)
    {
        try
        {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.adminPort() + "/admin/v1/cluster"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            final JsonNode envelope = JSON.readTree(response.body());
            assertThat(envelope.get("statusCode").asInt()).as(response.body()).isEqualTo(1000);
            return envelope.get("responseData");
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static <T> T await(final java.util.function.Supplier<T> found) throws InterruptedException
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        T value = found.get();
        while (value == null && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(20);
            value = found.get();
        }
        assertThat(value).as("found within the deadline").isNotNull();
        return value;
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException
    {
        await(() -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private void stop(final BourseServer node)
    {
        node.close();
        servers.remove(node);
    }

    private BourseServer start(final int nodeId, final List<ClusterConfiguration.Member> members)
    {
        final ClusterConfiguration cluster = new ClusterConfiguration().nodeId(nodeId).members(members)
            .aeronDir(dir.resolve("aeron-" + nodeId).toString()).leaderHeartbeatTimeoutMs(2_000);
        try
        {
            final BourseServer server = BourseServer.start(new ServerContext()
                .publicPort(0).adminPort(0).demoPairs(false)
                .dataDir(dir.resolve("node-" + nodeId))
                .secretKeyBase64(SECRET_KEY)
                .adminToken(ADMIN_TOKEN)
                .snapshotIntervalCommands(5)
                .exchangeCore(ClusteredExchange.factory(cluster)));
            synchronized (servers)
            {
                servers.add(server);
            }
            return server;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
