package dev.bourse.engine;

/**
 * The limits of an engine: every collection that grows has one. A command that would exceed a limit is rejected
 * and changes nothing.
 *
 * @param maxAccounts                 accounts in the exchange.
 * @param maxCurrencies               currencies in the exchange.
 * @param maxPairs                    pairs in the exchange.
 * @param maxApiKeysPerAccount        API keys an account may hold, revoked ones included.
 * @param maxOpenOrdersPerAccount     open (PENDING, REQUEST, PROCESS) orders of one account on all pairs (3311).
 * @param maxOpenOrdersPerPair        open orders on one pair, book and stops together (3311); it bounds the
 *                                    price levels of the pair too.
 * @param selfTradePrevention         what an order meeting a resting order of its own account does.
 */
public record EngineConfiguration(
    int maxAccounts,
    int maxCurrencies,
    int maxPairs,
    int maxApiKeysPerAccount,
    int maxOpenOrdersPerAccount,
    int maxOpenOrdersPerPair,
    SelfTradePrevention selfTradePrevention)
{
    /** Defaults for a small venue. */
    public static final EngineConfiguration DEFAULT =
        new EngineConfiguration(1_000_000, 1_024, 1_024, 16, 1_000, 2_000_000, SelfTradePrevention.EXPIRE_MAKER);

    public EngineConfiguration
    {
        requirePositive(maxAccounts, "maxAccounts");
        requirePositive(maxCurrencies, "maxCurrencies");
        requirePositive(maxPairs, "maxPairs");
        requirePositive(maxApiKeysPerAccount, "maxApiKeysPerAccount");
        requirePositive(maxOpenOrdersPerAccount, "maxOpenOrdersPerAccount");
        requirePositive(maxOpenOrdersPerPair, "maxOpenOrdersPerPair");
        if (selfTradePrevention == null)
        {
            throw new IllegalArgumentException("selfTradePrevention must be given");
        }
    }

    /** @return a copy with another per-account open-order limit. */
    public EngineConfiguration withMaxOpenOrdersPerAccount(final int limit)
    {
        return new EngineConfiguration(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount, limit,
            maxOpenOrdersPerPair, selfTradePrevention);
    }

    /** @return a copy with another per-pair open-order limit. */
    public EngineConfiguration withMaxOpenOrdersPerPair(final int limit)
    {
        return new EngineConfiguration(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount,
            maxOpenOrdersPerAccount, limit, selfTradePrevention);
    }

    /** @return a copy with another self-trade prevention. */
    public EngineConfiguration withSelfTradePrevention(final SelfTradePrevention prevention)
    {
        return new EngineConfiguration(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount,
            maxOpenOrdersPerAccount, maxOpenOrdersPerPair, prevention);
    }

    private static void requirePositive(final int value, final String name)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
