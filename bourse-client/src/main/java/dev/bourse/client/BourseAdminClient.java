package dev.bourse.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import static dev.bourse.client.HttpTransport.await;

/**
 * The client of Bourse's admin API (its own port, default 127.0.0.1:8081, {@code Authorization: Bearer TOKEN}).
 * Calls block and return typed results; a statusCode other than 1000 raises {@link BourseException}. The same calls
 * exist in asynchronous form on {@link #async()}. The admin API has no rate limit. Thread-safe; close it when done.
 */
public final class BourseAdminClient implements AutoCloseable
{
    private final HttpTransport transport;
    private final BourseAdminAsyncClient async;

    private BourseAdminClient(final TransportConfiguration configuration)
    {
        this.transport = new HttpTransport(configuration);
        this.async = new BourseAdminAsyncClient(transport);
    }

    /**
     * @param baseUri    the admin API, e.g. {@code http://127.0.0.1:8081}.
     * @param adminToken the admin token.
     * @return a builder.
     */
    public static Builder builder(final URI baseUri, final String adminToken)
    {
        return new Builder(baseUri, adminToken);
    }

    /** @return the asynchronous form of this client. */
    public BourseAdminAsyncClient async()
    {
        return async;
    }

    /** @return the new account's ID. */
    public long createAccount()
    {
        return await(async.createAccount());
    }

    /** @return the new account's ID; the label (empty for none, or 1..32 of [A-Za-z0-9_.-]) is an extension. */
    public long createAccount(final String label)
    {
        return await(async.createAccount(label));
    }

    /** @return the IDs of the accounts with the label, ascending (an extension). */
    public List<Long> accountIds(final String label)
    {
        return await(async.accountIds(label));
    }

    /** @return an account's label, balances and open-order counts; 4101 when unknown. */
    public AccountSummary account(final long accountId)
    {
        return await(async.account(accountId));
    }

    /** @return a new key with the server's default limits, and its secret (shown once). */
    public IssuedApiKey issueApiKey(final long accountId)
    {
        return await(async.issueApiKey(accountId, ApiKeyRequest.defaults()));
    }

    /** @return a new key with these limits, and its secret (shown once). */
    public IssuedApiKey issueApiKey(final long accountId, final ApiKeyRequest request)
    {
        return await(async.issueApiKey(accountId, request));
    }

    /** @return an account's keys, without secrets. */
    public List<ApiKeyInfo> apiKeys(final long accountId)
    {
        return await(async.apiKeys(accountId));
    }

    /** Revokes a key; 6001 when unknown. */
    public void revokeApiKey(final String apiKey)
    {
        await(async.revokeApiKey(apiKey));
    }

    /** @return the deposit as transactionHistory shows it. */
    public Transfer deposit(final long accountId, final TransferRequest request)
    {
        return await(async.deposit(accountId, request));
    }

    /** @return the withdrawal as transactionHistory shows it; 3301 beyond the available balance. */
    public Transfer withdraw(final long accountId, final TransferRequest request)
    {
        return await(async.withdraw(accountId, request));
    }

    /** @return the pair's policy after creating or updating it. */
    public PairPolicy putPair(final String coinPair, final PairPolicyUpdate update)
    {
        return await(async.putPair(coinPair, update));
    }

    /** Closes the connections and the scheduler. */
    @Override
    public void close()
    {
        transport.close();
    }

    /** The settings of a {@link BourseAdminClient}. */
    public static final class Builder extends ClientBuilder<Builder>
    {
        private final String adminToken;

        private Builder(final URI baseUri, final String adminToken)
        {
            super(baseUri);
            this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
        }

        /** @return the client. */
        public BourseAdminClient build()
        {
            return new BourseAdminClient(TransportConfiguration.of(this, null, null, adminToken, null, 0, 1, false));
        }
    }
}
