package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bourse serve} with its data directory on a real filesystem of 256 KiB (tmpfs): orders until the disk is
 * full. The order that finds it full is answered 5000 and the process exits with 70 without writing a snapshot; with
 * room again, the restarted server holds every acknowledged order and gives the next order a new ID. Mounting needs
 * root (or CAP_SYS_ADMIN): where the mount is refused the test says so and is reported as skipped.
 */
class DiskFullTest
{
    private static final String PAIR = "BCH.ETH";
    private static final long COMMAND_TIMEOUT_MS = 30_000;

    @TempDir
    Path dir;

    private Path mountPoint;
    private ServerProcess server;

    @AfterEach
    void unmount() throws Exception
    {
        if (server != null)
        {
            server.kill(); // a failed assertion left it running; umount would find the filesystem busy
        }
        if (mountPoint != null)
        {
            run("umount", mountPoint.toString());
        }
    }

    @Test
    void shouldStopWhenTheDiskIsFullAndRecoverEveryAcknowledgedOrder() throws Exception
    {
        mountPoint = Files.createDirectories(dir.resolve("small-disk"));
        final String mountError = run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs",
            mountPoint.toString());
        if (mountError != null)
        {
            mountPoint = null;
            Assumptions.abort("cannot mount a small filesystem here (" + mountError + "): the fault-injection " +
                "test FailStopTest covers the same path without one");
        }
        final Path dataDir = mountPoint.resolve("data");
        final Path config = dir.resolve("bourse.properties");
        Files.writeString(config, "demo=false\nfsync=per-batch\nmaxOpenOrdersPerAccount=100000\nhistory=off\n");

        server = ServerProcess.start(dataDir, config);
        ExchangeConnection connection = connect(server, dataDir);
        connection.adminOk("PUT", "/admin/v1/pairs/" + PAIR, "minPrice=0.0001&minPriceDecimal=4" +
            "&minAmountDecimal=3&tradeMinAmount=0.001&tradeMaxAmount=100000&tradeMinVolume=0.0001" +
            "&tradeMaxVolume=10000000&makerFeeRate=0.1&takerFeeRate=0.2");
        final ExchangeConnection.Trader trader = connection.newTrader();
        connection.adminOk("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=ETH&amount=100000000");

        final List<Long> acknowledged = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < 100_000; i++)
        {
            try
            {
                last = connection.signed(trader, "POST", "/v1/trade/limitOrders", null,
                    "coinPair=" + PAIR + "&orderSide=BUY&price=0.01&quantity=1");
            }
            catch (final IOException ex)
            {
                last = null;
                break;
            }
            if (!ExchangeConnection.isSuccess(last))
            {
                break;
            }
            acknowledged.add(last.get("responseData").get("orderID").asLong());
        }

        if (last != null)
        {
            assertThat(last.get("statusCode").asInt()).as("the order that found the disk full: %s", last)
                .isEqualTo(5000);
        }
        assertThat(server.awaitExit()).as("exit code after a fail-stop").isEqualTo(70);
        assertThat(server.output()).contains("FAIL-STOP: the journal failed").doesNotContain("snapshot snapshot-");
        assertThat(acknowledged).as("orders acknowledged before the disk was full").hasSizeGreaterThan(100);
        try (Stream<Path> snapshots = Files.list(dataDir.resolve("snapshots")))
        {
            assertThat(snapshots).as("no snapshot of the live state after the failure").isEmpty();
        }

        assertThat(run("mount", "-o", "remount,size=4m", mountPoint.toString())).isNull();
        server = ServerProcess.start(dataDir, config);
        connection = connect(server, dataDir);
        for (final long orderId : List.of(acknowledged.getFirst(), acknowledged.getLast()))
        {
            assertThat(connection.signedOk(trader, "GET", "/v2/account/orders/" + orderId, null, null)
                .get("status").asText()).isEqualTo("REQUEST");
        }
        final JsonNode account = connection.adminOk("GET", "/admin/v1/accounts/" + trader.accountId(), null);
        assertThat(account.get("openOrderCount").asInt())
            .as("every acknowledged order is open, the one answered 5000 only if it was durable")
            .isBetween(acknowledged.size(), acknowledged.size() + 1);
        final long next = connection.signedOk(trader, "POST", "/v1/trade/limitOrders", null,
            "coinPair=" + PAIR + "&orderSide=BUY&price=0.01&quantity=1").get("orderID").asLong();
        assertThat(next).as("a new ID, never one a client saw").isGreaterThan(acknowledged.getLast());
        assertThat(server.stop()).isEqualTo(143);
    }

    private static ExchangeConnection connect(final ServerProcess server, final Path dataDir) throws IOException
    {
        return new ExchangeConnection(server.publicPort(), server.adminPort(),
            Files.readString(dataDir.resolve("admin.token")).trim());
    }

    /** @return null when the command succeeded, else what it printed. */
    private static String run(final String... command) throws Exception
    {
        final Process process;
        try
        {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            return ex.getMessage();
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
    }
}
