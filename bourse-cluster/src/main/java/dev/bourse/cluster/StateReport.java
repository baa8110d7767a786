package dev.bourse.cluster;

import dev.bourse.engine.Engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's state at one point of the replicated log, taken on the service thread between two commands: nodes that
 * applied the same commands report the same sequence, hash and funds.
 *
 * @param appliedSequence the sequence of the last command applied.
 * @param stateHash       the engine's {@link Engine#stateHash()}.
 * @param logPosition     the position in the replicated log.
 * @param funds           per currency, in creation order.
 */
record StateReport(long appliedSequence, long stateHash, long logPosition, List<Funds> funds)
{
    /**
     * The money of one currency, in its base units: what the accounts hold and the fees collected add up to the
     * deposits less the withdrawals.
     *
     * @param currency      the currency.
     * @param scale         its decimals.
     * @param balances      the sum of every account's balance.
     * @param feesCollected the fees the exchange collected.
     * @param netDeposits   deposits less withdrawals.
     */
    record Funds(String currency, int scale, long balances, long feesCollected, long netDeposits)
    {
    }

    /** @return the report of the engine after the command of {@code appliedSequence}. */
    static StateReport of(final Engine engine, final long appliedSequence, final long logPosition)
    {
        final List<Funds> funds = new ArrayList<>();
        for (final String currency : engine.currencies())
        {
            long balances = 0;
            for (long accountId = 1; accountId <= engine.accountCount(); accountId++)
            {
                balances = Math.addExact(balances, engine.balance(accountId, currency));
            }
            funds.add(new Funds(currency, engine.currencyScale(currency), balances, engine.feesCollected(currency),
                engine.netDeposits(currency)));
        }
        return new StateReport(appliedSequence, engine.stateHash(), logPosition, List.copyOf(funds));
    }
}
