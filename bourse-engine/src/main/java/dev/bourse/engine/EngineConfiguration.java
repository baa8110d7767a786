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
 * @param selfTradePrevention         what an order meeting a resting order of its own account does, unless the
 *                                    order names its own mode.
 * @param maxClientOrderIdsPerAccount client order IDs an account remembers at most; when it would remember more,
 *                                    it forgets its oldest before its window is up.
 * @param clientOrderIdWindowMs       how long after its order was accepted a client order ID is remembered: a
 *                                    repeat within it answers the first order, and cancels can name it.
 */
public record EngineConfiguration(
    int maxAccounts,
    int maxCurrencies,
    int maxPairs,
    int maxApiKeysPerAccount,
    int maxOpenOrdersPerAccount,
    int maxOpenOrdersPerPair,
    SelfTradePrevention selfTradePrevention,
    int maxClientOrderIdsPerAccount,
    long clientOrderIdWindowMs)
{
    /** Client order IDs an account remembers by default. */
    public static final int DEFAULT_MAX_CLIENT_ORDER_IDS_PER_ACCOUNT = 100_000;
    /** How long a client order ID is remembered by default: 24 hours. */
    public static final long DEFAULT_CLIENT_ORDER_ID_WINDOW_MS = 24L * 3600 * 1000;

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
        requirePositive(maxClientOrderIdsPerAccount, "maxClientOrderIdsPerAccount");
        if (clientOrderIdWindowMs <= 0)
        {
            throw new IllegalArgumentException("clientOrderIdWindowMs must be positive: " + clientOrderIdWindowMs);
        }
        if (selfTradePrevention == null)
        {
            throw new IllegalArgumentException("selfTradePrevention must be given");
        }
    }

    /** Limits with the default memory of client order IDs. */
    public EngineConfiguration(
        final int maxAccounts,
        final int maxCurrencies,
        final int maxPairs,
        final int maxApiKeysPerAccount,
        final int maxOpenOrdersPerAccount,
        final int maxOpenOrdersPerPair,
        final SelfTradePrevention selfTradePrevention)
    {
        this(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount, maxOpenOrdersPerAccount,
            maxOpenOrdersPerPair, selfTradePrevention, DEFAULT_MAX_CLIENT_ORDER_IDS_PER_ACCOUNT,
            DEFAULT_CLIENT_ORDER_ID_WINDOW_MS);
    }

    /** @return a copy with another per-account open-order limit. */
    public EngineConfiguration withMaxOpenOrdersPerAccount(final int limit)
    {
        return new EngineConfiguration(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount, limit,
            maxOpenOrdersPerPair, selfTradePrevention, maxClientOrderIdsPerAccount, clientOrderIdWindowMs);
    }

    /** @return a copy with another per-pair open-order limit. */
    public EngineConfiguration withMaxOpenOrdersPerPair(final int limit)
    {
        return new EngineConfiguration(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount,
            maxOpenOrdersPerAccount, limit, selfTradePrevention, maxClientOrderIdsPerAccount, clientOrderIdWindowMs);
    }

    /** @return a copy with another default self-trade prevention. */
    public EngineConfiguration withSelfTradePrevention(final SelfTradePrevention prevention)
    {
        return new EngineConfiguration(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount,
            maxOpenOrdersPerAccount, maxOpenOrdersPerPair, prevention, maxClientOrderIdsPerAccount,
            clientOrderIdWindowMs);
    }

    /** @return a copy with another memory of client order IDs. */
    public EngineConfiguration withClientOrderIds(final int maxPerAccount, final long windowMs)
    {
        return new EngineConfiguration(maxAccounts, maxCurrencies, maxPairs, maxApiKeysPerAccount,
            maxOpenOrdersPerAccount, maxOpenOrdersPerPair, selfTradePrevention, maxPerAccount, windowMs);
    }

    private static void requirePositive(final int value, final String name)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
