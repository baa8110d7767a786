package dev.bourse.cli;

import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.IssuedApiKey;
import dev.bourse.client.TransferRequest;
import dev.bourse.server.BourseServer;
import dev.bourse.server.ServerContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real Bourse server in this JVM on free ports, with a temporary data directory and the demo pairs (BTC.USDT,
 * ETH.BTC, BCH.ETH; 8 decimals, fees 0.1 % and 0.2 %). The admin token is the one the server generated into
 * {@code <dataDir>/admin.token}. Test set-up goes through the SDK; the behaviour under test through the CLI process.
 */
final class TestExchange implements AutoCloseable
{
    /** An account and its API key. */
    record Trader(long accountId, String apiKey, String apiSecret)
    {
    }

    final Path dataDir;
    final BourseServer server;

    TestExchange(final Path dataDir) throws IOException
    {
        this.dataDir = dataDir;
        this.server = BourseServer.start(new ServerContext()
            .publicPort(0)
            .adminPort(0)
            .publicHost("127.0.0.1")
            .dataDir(dataDir)
            .demoPairs(true));
    }

    String publicUrl()
    {
        return "http://127.0.0.1:" + server.publicPort();
    }

    String adminUrl()
    {
        return "http://127.0.0.1:" + server.adminPort();
    }

    /**
     * @param usdt USDT to deposit.
     * @param btc  BTC to deposit.
     * @return a new account with a key allowing 100 requests a second, and these deposits (none for 0).
     */
    Trader trader(final String usdt, final String btc)
    {
        try (BourseAdminClient admin = BourseAdminClient.builder(URI.create(adminUrl()), server.adminToken()).build())
        {
            final long accountId = admin.createAccount();
            final IssuedApiKey key = admin.issueApiKey(accountId, ApiKeyRequest.defaults().withRateLimit(100, 6000));
            deposit(admin, accountId, "USDT", new BigDecimal(usdt));
            deposit(admin, accountId, "BTC", new BigDecimal(btc));
            return new Trader(accountId, key.apiKey(), key.apiSecret());
        }
    }

    private static void deposit(
        final BourseAdminClient admin, final long accountId, final String currency, final BigDecimal amount)
    {
        if (amount.signum() > 0)
        {
            admin.deposit(accountId, TransferRequest.of(currency, amount));
        }
    }

    @Override
    public void close()
    {
        server.close();
    }
}
