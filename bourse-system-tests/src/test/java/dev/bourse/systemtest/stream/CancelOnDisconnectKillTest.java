package dev.bourse.systemtest.stream;

import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseClient;
import dev.bourse.client.IssuedApiKey;
import dev.bourse.client.OpenOrdersQuery;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.TransferRequest;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel-on-disconnect when the client's process dies: {@code bourse watch orders --cancel-on-disconnect} runs as a
 * child process with open orders on every demo pair, is killed with SIGKILL (no shutdown hook, no close frame: the
 * kernel closes its socket), and the server cancels the account's orders with one journaled cancel-all per pair.
 */
class CancelOnDisconnectKillTest
{
    private static final long DEADLINE_MS = 60_000;
    private static final List<String> PAIRS = List.of("BTC.USDT", "ETH.BTC", "BCH.ETH");

    @TempDir
    Path dataDir;

    @Test
    void shouldCancelTheOrdersOfAClientKilledWithSigkill() throws Exception
    {
        try (BourseServer server = BourseServer.start(new ServerContext().publicPort(0).adminPort(0)
                .publicHost("127.0.0.1").dataDir(dataDir).demoPairs(true));
            BourseAdminClient admin = BourseAdminClient.builder(URI.create("http://127.0.0.1:" + server.adminPort()),
                server.adminToken()).build())
        {
            final long accountId = admin.createAccount();
            final IssuedApiKey key = admin.issueApiKey(accountId, ApiKeyRequest.defaults().withRateLimit(100, 6000));
            for (final String currency : List.of("USDT", "BTC", "ETH", "BCH"))
            {
                admin.deposit(accountId, TransferRequest.of(currency, new BigDecimal("1000")));
            }
            final String url = "http://127.0.0.1:" + server.publicPort();
            final ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Duser.home=" + dataDir,
                "-cp", System.getProperty("java.class.path"), "dev.bourse.cli.BourseCommand", "watch", "orders",
                "--cancel-on-disconnect")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().keySet().removeIf(name -> name.startsWith("BOURSE_"));
            builder.environment().put("BOURSE_URL", url);
            builder.environment().put("BOURSE_API_KEY", key.apiKey());
            builder.environment().put("BOURSE_API_SECRET", key.apiSecret());
            final Process watch = builder.start();
            try (BourseClient client = BourseClient.builder(URI.create(url)).credentials(key.apiKey(), key.apiSecret())
                .rateLimit(100, 6000).build())
            {
                final CompletableFuture<Void> watching = awaitLine(watch,
                    "bourse: watching orders; cancel-on-disconnect on every pair");
                watching.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
                for (final String pair : PAIRS)
                {
                    client.placeOrder(OrderRequest.limit(pair, OrderSide.BUY, BigDecimal.ONE, BigDecimal.ONE));
                    client.placeOrder(OrderRequest.limit(pair, OrderSide.SELL, BigDecimal.ONE, new BigDecimal("100")));
                }
                assertThat(openOrders(client)).isEqualTo(6);
                final long committedBefore = server.health().committedSequence();

                watch.destroyForcibly();
                assertThat(watch.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)).isTrue();
                assertThat(watch.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

                await("the killed client's orders are cancelled", () -> openOrders(client) == 0);
                assertThat(server.streamStats().cancelOnDisconnectCommands()).as("one cancel-all per pair")
                    .isEqualTo(PAIRS.size());
                assertThat(server.health().committedSequence()).as("the cancel-alls are journaled commands")
                    .isEqualTo(committedBefore + PAIRS.size());
            }
            finally
            {
                watch.destroyForcibly();
            }
        }
    }

    private static int openOrders(final BourseClient client)
    {
        int open = 0;
        for (final String market : List.of("USDT", "BTC", "ETH"))
        {
            open += client.openOrders(OpenOrdersQuery.forMarket(market)).size();
        }
        return open;
    }

    /** @return completes when the process prints the line on stderr; its stderr is read on a thread of its own. */
    private static CompletableFuture<Void> awaitLine(final Process process, final String text)
    {
        final CompletableFuture<Void> seen = new CompletableFuture<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)))
            {
                for (String line = lines.readLine(); line != null; line = lines.readLine())
                {
                    System.err.println("watch: " + line);
                    if (line.contains(text))
                    {
                        seen.complete(null);
                    }
                }
            }
            catch (final Exception ex)
            {
                seen.completeExceptionally(ex);
            }
            seen.completeExceptionally(new AssertionError("the watch process ended before printing: " + text));
        }, "watch-stderr");
        reader.setDaemon(true);
        reader.start();
        return seen;
    }

    private static void await(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("not within " + DEADLINE_MS + " ms: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
