package dev.bourse.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous form of {@link BourseAdminClient}. Futures fail as described on {@link BourseAsyncClient}.
 * Creating accounts, issuing and revoking keys, deposits and withdrawals are not re-sent once they may have reached
 * the server ({@link OutcomeUnknownException}); reads and PUT pair (idempotent) are retried.
 */
public final class BourseAdminAsyncClient
{
    private static final String ACCOUNTS = "/admin/v1/accounts";
    private static final String API_KEYS = "/admin/v1/apiKeys/";
    private static final String PAIRS = "/admin/v1/pairs/";
    private static final int ACCOUNTS_PAGE = 1_000;

    private final HttpTransport transport;

    BourseAdminAsyncClient(final HttpTransport transport)
    {
        this.transport = transport;
    }

    /** @return the new account's ID ({@code POST /admin/v1/accounts}). */
    public CompletableFuture<Long> createAccount()
    {
        return createAccount("");
    }

    /**
     * Opens an account with a label, Bourse's extension ({@code POST /admin/v1/accounts} with {@code label}).
     *
     * @param label empty for none, or 1..32 of [A-Za-z0-9_.-] (4002 otherwise).
     * @return the new account's ID.
     */
    public CompletableFuture<Long> createAccount(final String label)
    {
        Objects.requireNonNull(label, "label");
        return transport.call(write("POST", ACCOUNTS, new Form().put("label", label.isEmpty() ? null : label), false),
                JsonNode.class)
            .thenApply(data -> data.get("accountId").asLong());
    }

    /**
     * Lists the accounts with a label, Bourse's extension ({@code GET /admin/v1/accounts?label=}, page after page).
     *
     * @param label the label, 1..32 of [A-Za-z0-9_.-].
     * @return their IDs, ascending.
     */
    public CompletableFuture<List<Long>> accountIds(final String label)
    {
        Objects.requireNonNull(label, "label");
        return accountIdsFrom(label, 1, new ArrayList<>());
    }

    private CompletableFuture<List<Long>> accountIdsFrom(
        final String label, final long fromAccountId, final List<Long> found)
    {
        final Form query = new Form().put("label", label).put("fromAccountId", fromAccountId)
            .put("max", ACCOUNTS_PAGE);
        return transport.callForList(ApiCall.read(ACCOUNTS, query, ApiCall.Access.ADMIN), JsonNode.class)
            .thenCompose(page ->
            {
                page.forEach(account -> found.add(account.get("accountId").asLong()));
                return page.size() < ACCOUNTS_PAGE ? CompletableFuture.completedFuture(List.copyOf(found)) :
                    accountIdsFrom(label, found.getLast() + 1, found);
            });
    }

    /** @return an account's balances and open-order counts ({@code GET /admin/v1/accounts/{accountId}}). */
    public CompletableFuture<AccountSummary> account(final long accountId)
    {
        return transport.call(ApiCall.read(ACCOUNTS + "/" + accountId, new Form(), ApiCall.Access.ADMIN),
            AccountSummary.class);
    }

    /**
     * Issues an API key ({@code POST /admin/v1/accounts/{accountId}/apiKeys}).
     *
     * @return the key and its secret, shown only this once.
     */
    public CompletableFuture<IssuedApiKey> issueApiKey(final long accountId, final ApiKeyRequest request)
    {
        return transport.call(write("POST", ACCOUNTS + "/" + accountId + "/apiKeys", request.form(), false),
            IssuedApiKey.class);
    }

    /** @return an account's keys, without secrets ({@code GET /admin/v1/accounts/{accountId}/apiKeys}). */
    public CompletableFuture<List<ApiKeyInfo>> apiKeys(final long accountId)
    {
        return transport.callForList(
            ApiCall.read(ACCOUNTS + "/" + accountId + "/apiKeys", new Form(), ApiCall.Access.ADMIN),
            ApiKeyInfo.class);
    }

    /** Revokes a key ({@code DELETE /admin/v1/apiKeys/{apiKey}}); it gets 6002 from then on. */
    public CompletableFuture<Void> revokeApiKey(final String apiKey)
    {
        Objects.requireNonNull(apiKey, "apiKey");
        return transport.call(write("DELETE", API_KEYS + Form.segment(apiKey), new Form(), false), JsonNode.class)
            .thenApply(data -> null);
    }

    /** @return the deposit as transactionHistory shows it ({@code POST .../deposits}). */
    public CompletableFuture<Transfer> deposit(final long accountId, final TransferRequest request)
    {
        return transport.call(write("POST", ACCOUNTS + "/" + accountId + "/deposits", request.form(), false),
            Transfer.class);
    }

    /** @return the withdrawal as transactionHistory shows it ({@code POST .../withdrawals}); 3301 beyond funds. */
    public CompletableFuture<Transfer> withdraw(final long accountId, final TransferRequest request)
    {
        return transport.call(write("POST", ACCOUNTS + "/" + accountId + "/withdrawals", request.form(), false),
            Transfer.class);
    }

    /**
     * Creates or updates a pair ({@code PUT /admin/v1/pairs/{coinPair}}).
     *
     * @return the pair's policy as pairPolicy shows it.
     */
    public CompletableFuture<PairPolicy> putPair(final String coinPair, final PairPolicyUpdate update)
    {
        Objects.requireNonNull(coinPair, "coinPair");
        return transport.call(write("PUT", PAIRS + Form.segment(coinPair), update.form(), true), PairPolicy.class);
    }

    private static ApiCall write(final String method, final String path, final Form params, final boolean retrySafe)
    {
        return new ApiCall(method, path, params, ApiCall.Access.ADMIN, retrySafe, false);
    }
}
