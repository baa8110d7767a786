package dev.bourse.simulator;

import dev.bourse.client.Balance;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.TransferRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Moves the simulator's money across the exchange's boundary through the admin API: deposits that fund its accounts,
 * and the withdrawal plus deposit of a market maker's hedge. Every transfer is an ordinary deposit or withdrawal
 * (address {@value #ADDRESS}), so the exchange's funds still add up: balances plus fees equal deposits less
 * withdrawals. Thread-safe.
 */
final class Treasury
{
    /** The address every transfer of the simulator records. */
    static final String ADDRESS = "simulator";

    private static final Logger LOG = LoggerFactory.getLogger(Treasury.class);

    private final BourseAdminClient admin;

    Treasury(final BourseAdminClient admin)
    {
        this.admin = admin;
    }

    /** Deposits {@code amount} (nothing when it is not positive); {@code why} is recorded as the tag. */
    void deposit(final long accountId, final String currency, final BigDecimal amount, final String why)
    {
        if (amount.signum() > 0)
        {
            admin.deposit(accountId, request(currency, amount, why));
            LOG.debug("deposited {} {} into simulated account {} ({})", amount.toPlainString(), currency, accountId,
                why);
        }
    }

    /** Withdraws {@code amount} (nothing when it is not positive; 3301 beyond the available balance). */
    void withdraw(final long accountId, final String currency, final BigDecimal amount, final String why)
    {
        if (amount.signum() > 0)
        {
            admin.withdraw(accountId, request(currency, amount, why));
            LOG.debug("withdrew {} {} from simulated account {} ({})", amount.toPlainString(), currency, accountId,
                why);
        }
    }

    /** Deposits what lifts the balance to {@code target}; nothing when it is there already. */
    void topUp(final long accountId, final Balance balance, final BigDecimal target, final String why)
    {
        deposit(accountId, balance.currency(), target.subtract(balance.balance()).max(BigDecimal.ZERO)
            .setScale(target.scale(), RoundingMode.FLOOR), why);
    }

    private static TransferRequest request(final String currency, final BigDecimal amount, final String why)
    {
        return new TransferRequest(currency, amount, null, ADDRESS, why, null, null);
    }
}
