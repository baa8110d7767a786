package dev.bourse.systemtest;

import dev.bourse.engine.Engine;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange's conservation of funds, checked on an engine recovered from a data directory. */
public final class Funds
{
    private Funds()
    {
    }

    /**
     * Checks, for each currency, that the balances of every account plus the fees collected equal the deposits less
     * the withdrawals.
     *
     * @param engine the engine.
     * @param when   what the check is about, for the failure message.
     */
    public static void assertAddUp(final Engine engine, final String when)
    {
        for (final String currency : engine.currencies())
        {
            long balances = 0;
            for (long accountId = 1; accountId <= engine.accountCount(); accountId++)
            {
                balances = Math.addExact(balances, engine.balance(accountId, currency));
            }
            assertThat(Math.addExact(balances, engine.feesCollected(currency)))
                .as("%s: %s balances + fees = deposits - withdrawals", when, currency)
                .isEqualTo(engine.netDeposits(currency));
        }
    }
}
