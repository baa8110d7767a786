package dev.bourse.systemtest.client;

import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseClient;
import dev.bourse.client.IssuedApiKey;
import dev.bourse.client.TransferRequest;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real in-process server (ephemeral ports, temp data directory, demo pairs BTC.USDT, ETH.BTC, BCH.ETH, the real
 * clock) with an admin client, and helpers that open funded accounts with SDK clients matching their keys.
 */
final class ClientExchange implements AutoCloseable
{
    static final String PAIR = "BTC.USDT";

    /** An account, its key and an SDK client configured for the key's limits. */
    record Trader(long accountId, IssuedApiKey key, BourseClient client)
    {
    }

    final Path dataDir;
    final BourseServer server;
    final BourseAdminClient admin;
    private final List<AutoCloseable> clients = new ArrayList<>();

    ClientExchange() throws IOException
    {
        this(context -> context);
    }

    /** @param customise changes the server's settings. */
    ClientExchange(final UnaryOperator<ServerContext> customise) throws IOException
    {
        dataDir = Files.createTempDirectory("bourse-client-test");
        server = BourseServer.start(customise.apply(new ServerContext()
            .publicPort(0)
            .adminPort(0)
            .publicHost("127.0.0.1")
            .dataDir(dataDir)
            .demoPairs(true)));
        admin = track(BourseAdminClient.builder(adminUri(), server.adminToken()).build());
    }

    URI publicUri()
    {
        return URI.create("http://127.0.0.1:" + server.publicPort());
    }

    URI adminUri()
    {
        return URI.create("http://127.0.0.1:" + server.adminPort());
    }

    /** @return a new account with a key of these limits and a client that keeps to them. */
    Trader trader(final int rps, final int rpm)
    {
        return trader(ApiKeyRequest.defaults().withRateLimit(rps, rpm), builder -> builder.rateLimit(rps, rpm));
    }

    /** @return a new account with a key issued by {@code request}, and a client customised by {@code customise}. */
    Trader trader(final ApiKeyRequest request, final UnaryOperator<BourseClient.Builder> customise)
    {
        final long accountId = admin.createAccount();
        final IssuedApiKey key = admin.issueApiKey(accountId, request);
        return new Trader(accountId, key, client(key, customise));
    }

    /** @return a client of this key, customised. */
    BourseClient client(final IssuedApiKey key, final UnaryOperator<BourseClient.Builder> customise)
    {
        return track(customise.apply(BourseClient.builder(publicUri()).credentials(key.apiKey(), key.apiSecret()))
            .build());
    }

    /** @return a new account as {@link #trader(int, int)}, with a deposit in one currency. */
    Trader fundedTrader(final int rps, final int rpm, final String currency, final String amount)
    {
        final Trader trader = trader(rps, rpm);
        deposit(trader.accountId(), currency, amount);
        return trader;
    }

    /** Deposits into an account. */
    void deposit(final long accountId, final String currency, final String amount)
    {
        admin.deposit(accountId, TransferRequest.of(currency, new BigDecimal(amount)));
    }

    private <T extends AutoCloseable> T track(final T client)
    {
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws Exception
    {
        for (final AutoCloseable client : clients)
        {
            client.close();
        }
        server.close();
        try (Stream<Path> files = Files.walk(dataDir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
