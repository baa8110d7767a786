package dev.bourse.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.Transfer;
import dev.bourse.journal.FsyncMode;
import dev.bourse.protocol.RequestSigner;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;
import dev.bourse.server.admin.DemoPairs;
import dev.bourse.server.readmodel.ReadModel;
import org.agrona.concurrent.CachedEpochClock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** What the history tests share: databases of one embedded PostgreSQL, servers on a manual clock, signed reads. */
final class HistoryTestSupport
{
    static final long START_MS = 1_700_000_000_000L;
    /** The engine's first order ID is this plus 1. */
    static final long ORDER_ID_BASE = 10_100_000_000_000L;
    static final ObjectMapper JSON = new ObjectMapper();
    /** A window so small that nearly every history read needs the database. */
    static final ReadModel.Configuration TINY_WINDOW = new ReadModel.Configuration(3, 92L * 24 * 3600 * 1000, 2, 2, 1);
    /** A window that holds everything a test makes: the in-memory reference. */
    static final ReadModel.Configuration WHOLE = new ReadModel.Configuration(10_000_000, Long.MAX_VALUE / 4,
        10_000_000, 10_000_000, 10_000_000);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HistoryTestSupport()
    {
    }

    /** @return the URL of a new, empty database on the server. */
    static String newDatabase(final EmbeddedDatabase postgres)
    {
        final String name = "history_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedDatabase.USER, null);
            Statement statement = connection.createStatement())
        {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException(ex);
        }
        return postgres.jdbcUrl(name);
    }

    /** @return a server context on the data directory and manual clock; history in the database at the URL. */
    static ServerContext context(
        final Path dataDir, final CachedEpochClock clock, final String databaseUrl,
        final ReadModel.Configuration window)
    {
        final ServerContext context = new ServerContext().publicPort(0).adminPort(0).publicHost("127.0.0.1")
            .dataDir(dataDir).demoPairs(false).clock(clock).fsyncMode(FsyncMode.NONE)
            .readModelConfiguration(window).adminToken("test-admin-token");
        if (databaseUrl != null)
        {
            context.databaseUrl(databaseUrl).databaseUser(EmbeddedDatabase.USER).historyFactory(PostgresHistory.FACTORY);
        }
        return context;
    }

    /** Waits until the history has committed every command the journal has. */
    static void awaitHistoryCaughtUp(final BourseServer server)
    {
        await(() -> server.history().committedSequence() == server.health().committedSequence(),
            "the history to catch up with sequence " + server.health().committedSequence());
    }

    static void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    /**
     * A seeded run: accounts, deposits and withdrawals, limit, market and stop orders on two pairs around a mid price,
     * cancels and cancel-alls. The same seed gives the same commands.
     */
    static List<Command> seededRun(final long seed, final int accounts, final int orders)
    {
        final Random random = new Random(seed);
        final List<Command> commands = new ArrayList<>(DemoPairs.commands());
        for (int account = 1; account <= accounts; account++)
        {
            commands.add(new CreateAccount());
            for (final String currency : new String[] {"BCH", "ETH", "BTC"})
            {
                commands.add(new Transfer(account, TransferType.DEPOSIT, currency, 100_000_000_000L, 0,
                    new TransferDetails("addr-" + account, "tag\t\u00e9" + account, "", "")));
            }
        }
        for (int i = 0; i < orders; i++)
        {
            final long account = 1 + random.nextInt(accounts);
            final boolean bch = random.nextBoolean();
            final String pair = bch ? "BCH.ETH" : "ETH.BTC";
            final long price = bch ? (450 + random.nextInt(100)) * 10_000L : (6_500 + random.nextInt(1_000)) * 1_000L;
            final long quantity = (1 + random.nextInt(20)) * (bch ? 10_000_000L : 1_000_000L);
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final int kind = random.nextInt(100);
            if (kind < 70)
            {
                commands.add(PlaceOrder.limit(account, pair, side, price, quantity));
            }
            else if (kind < 78)
            {
                commands.add(PlaceOrder.market(account, pair, side, quantity));
            }
            else if (kind < 83)
            {
                commands.add(PlaceOrder.stopLimit(account, pair, side, price, price + (side == Side.BUY ? 1 : -1) *
                    (bch ? 10_000L : 1_000L), quantity));
            }
            else if (kind < 93)
            {
                commands.add(new CancelOrder(account, ORDER_ID_BASE + 1 + random.nextInt(Math.max(1, i))));
            }
            else if (kind < 97)
            {
                commands.add(new CancelAllOrders(account, pair));
            }
            else
            {
                commands.add(new Transfer(account, random.nextBoolean() ? TransferType.DEPOSIT : TransferType.WITHDRAW,
                    "ETH", 1 + random.nextInt(1_000_000_000), random.nextInt(1_000),
                    new TransferDetails("", "", "bank, \"quoted\" \\ name", "no-" + i)));
            }
        }
        return commands;
    }

    /** Applies the commands in order, one millisecond apart on the manual clock. */
    static void apply(final BourseServer server, final CachedEpochClock clock, final List<Command> commands)
    {
        for (final Command command : commands)
        {
            clock.advance(1);
            server.submitAndWait(command);
        }
    }

    /** An account's API key, issued over the admin API. */
    record Key(long accountId, String apiKey, String secret)
    {
    }

    static Key issueKey(final BourseServer server, final long accountId)
    {
        final JsonNode data = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() +
                "/admin/v1/accounts/" + accountId + "/apiKeys"))
            .header("Authorization", "Bearer " + server.adminToken())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("rps=100000&rpm=100000")).build()).path("responseData");
        return new Key(accountId, data.get("apiKey").asText(), data.get("apiSecret").asText());
    }

    /** @return the answer of a signed GET, without its responseTime. */
    static JsonNode signedGet(
        final BourseServer server, final CachedEpochClock clock, final Key key, final String path, final String query)
    {
        final String timestamp = Long.toString(clock.time());
        final String nonce = Integer.toString(10_000 + DATABASES.incrementAndGet() * 7 % 90_000);
        final String sign = RequestSigner.sign(key.secret().getBytes(StandardCharsets.UTF_8), nonce, timestamp, "GET",
            path, query == null ? "" : query, new byte[0]);
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.publicPort() + path +
                (query == null ? "" : "?" + query)))
            .header("X-API-KEY", key.apiKey()).header("X-API-TIMESTAMP", timestamp).header("X-API-NONCE", nonce)
            .header("X-API-SIGN", sign).GET().build());
    }

    /** @return the answer of a public GET, without its responseTime. */
    static JsonNode publicGet(final BourseServer server, final String pathAndQuery)
    {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.publicPort() + pathAndQuery))
            .GET().build());
    }

    /** @return the admin health answer. */
    static JsonNode health(final BourseServer server)
    {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/admin/v1/health"))
            .GET().build()).path("responseData");
    }

    private static JsonNode send(final HttpRequest request)
    {
        try
        {
            final HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            final JsonNode json = JSON.readTree(response.body());
            ((com.fasterxml.jackson.databind.node.ObjectNode)json).remove("responseTime");
            return json;
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
