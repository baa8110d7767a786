package dev.bourse.simulator;

import dev.bourse.client.AccountSummary;
import dev.bourse.client.ApiKeyInfo;
import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.Balance;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseClient;
import dev.bourse.client.BourseException;
import dev.bourse.client.IssuedApiKey;
import dev.bourse.client.OpenOrderCount;
import dev.bourse.client.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the simulator's accounts (those with its label, so that a restarted simulator trades on with them), opens
 * more when there are not enough, and issues each a fresh API key for this run with the simulator's rate limits (a
 * secret is shown only once, so the keys of an earlier run are of no use: they are revoked). What an earlier run
 * left on the book is cancelled. An account that cannot get another key (the exchange's limit of keys per account,
 * revoked ones included) is retired: its available funds are withdrawn and a new account takes its place.
 */
final class AccountProvisioner
{
    private static final Logger LOG = LoggerFactory.getLogger(AccountProvisioner.class);
    private static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(30);

    private final BourseAdminClient admin;
    private final Treasury treasury;
    private final SimulatorSettings settings;

    AccountProvisioner(final BourseAdminClient admin, final Treasury treasury, final SimulatorSettings settings)
    {
        this.admin = admin;
        this.treasury = treasury;
        this.settings = settings;
    }

    /**
     * @param count how many accounts.
     * @return that many accounts, each with a client of a fresh key; the oldest labelled accounts first.
     */
    List<TraderAccount> provision(final int count)
    {
        final List<TraderAccount> accounts = new ArrayList<>(count);
        try
        {
            for (final long accountId : admin.accountIds(settings.label()))
            {
                if (accounts.size() == count)
                {
                    break;
                }
                final TraderAccount account = reuse(accountId);
                if (account != null)
                {
                    accounts.add(account);
                }
            }
            while (accounts.size() < count)
            {
                final long accountId = admin.createAccount(settings.label());
                accounts.add(new TraderAccount(accountId, client(issueKey(accountId))));
            }
            return accounts;
        }
        catch (final RuntimeException ex)
        {
            accounts.forEach(account -> account.client().close());
            throw ex;
        }
    }

    private TraderAccount reuse(final long accountId)
    {
        final List<ApiKeyInfo> earlierKeys = admin.apiKeys(accountId);
        final IssuedApiKey key;
        try
        {
            key = issueKey(accountId);
        }
        catch (final BourseException ex)
        {
            if (ex.statusCode() != StatusCode.INVALID_PARAMETER)
            {
                throw ex;
            }
            retire(accountId);
            return null;
        }
        for (final ApiKeyInfo earlier : earlierKeys)
        {
            if (earlier.enabled())
            {
                admin.revokeApiKey(earlier.apiKey());
            }
        }
        final TraderAccount account = new TraderAccount(accountId, client(key));
        for (final OpenOrderCount open : admin.account(accountId).openOrders())
        {
            account.client().cancelAllOrders(open.coinPair());
        }
        return account;
    }

    private void retire(final long accountId)
    {
        final AccountSummary summary = admin.account(accountId);
        for (final Balance balance : summary.balances())
        {
            treasury.withdraw(accountId, balance.currency(), balance.availableBalance(), "retired");
        }
        if (summary.openOrderCount() > 0)
        {
            LOG.warn("simulated account {} cannot get another API key; it is retired, but its {} open orders stay " +
                "(no key can cancel them)", accountId, summary.openOrderCount());
        }
        else
        {
            LOG.info("simulated account {} cannot get another API key; it is retired", accountId);
        }
    }

    private IssuedApiKey issueKey(final long accountId)
    {
        return admin.issueApiKey(accountId, ApiKeyRequest.defaults().withRateLimit(settings.rps(), settings.rpm()));
    }

    private BourseClient client(final IssuedApiKey key)
    {
        return BourseClient.builder(settings.publicUri())
            .credentials(key.apiKey(), key.apiSecret())
            .rateLimit(key.rps(), key.rpm())
            .rateLimitWait(RATE_LIMIT_WAIT)
            .build();
    }
}
