package dev.bourse.engine;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.Arrays;

/**
 * An account: its label, balances and reserves per currency (indexed by currency ID, side by side in one array, so
 * that both come in one cache line), its open orders per pair (the last pair used at hand without a lookup), its dead
 * man's switch and the client order IDs it remembers.
 */
final class Account
{
    final long id;
    final String label;
    /** The balance of currency {@code i} at {@code 2i}, its reserve at {@code 2i + 1}. */
    private long[] amounts;
    int openOrderCount;
    int apiKeyCount;
    /** When the dead man's switch fires; 0 while it is disarmed. */
    long deadMansSwitchDeadlineMs;
    /** The pair the dead man's switch covers; null for every pair. */
    Pair deadMansSwitchPair;
    /** Null until the account places its first order with a client order ID. */
    ClientOrderIds clientOrderIds;
    private final Int2ObjectHashMap<AccountOrders> openOrdersByPair = new Int2ObjectHashMap<>();
    private int lastPairId = -1;
    private AccountOrders lastPairOrders;

    Account(final long id, final String label, final int currencyCount)
    {
        this.id = id;
        this.label = label;
        this.amounts = new long[2 * currencyCount];
    }

    long balance(final Currency currency)
    {
        return 2 * currency.id < amounts.length ? amounts[2 * currency.id] : 0;
    }

    long reserved(final Currency currency)
    {
        return 2 * currency.id < amounts.length ? amounts[2 * currency.id + 1] : 0;
    }

    /** Sets a balance read from a snapshot. */
    void restoreBalance(final Currency currency, final long balance)
    {
        ensureCapacity(currency.id);
        amounts[2 * currency.id] = balance;
    }

    long available(final Currency currency)
    {
        return balance(currency) - reserved(currency);
    }

    /** Adds to the balance (negative to take away) and checks the invariants 0 &lt;= reserved &lt;= balance. */
    void credit(final Currency currency, final long amount)
    {
        ensureCapacity(currency.id);
        amounts[2 * currency.id] = Math.addExact(amounts[2 * currency.id], amount);
        checkInvariant(currency);
    }

    /** Moves an amount from available into reserved (negative to release). */
    void reserve(final Currency currency, final long amount)
    {
        ensureCapacity(currency.id);
        amounts[2 * currency.id + 1] = Math.addExact(amounts[2 * currency.id + 1], amount);
        checkInvariant(currency);
    }

    /** @return the account's list of open orders on the pair, or null when it has none there. */
    AccountOrders openOrders(final Pair pair)
    {
        if (pair.id == lastPairId)
        {
            return lastPairOrders;
        }
        final AccountOrders orders = openOrdersByPair.get(pair.id);
        if (orders != null)
        {
            lastPairId = pair.id;
            lastPairOrders = orders;
        }
        return orders;
    }

    AccountOrders openOrdersOrCreate(final Pair pair)
    {
        AccountOrders orders = openOrders(pair);
        if (orders == null)
        {
            orders = new AccountOrders();
            openOrdersByPair.put(pair.id, orders);
            lastPairId = pair.id;
            lastPairOrders = orders;
        }
        return orders;
    }

    /** @return the IDs of the pairs the account has open orders on, ascending (one array; cost in their count). */
    int[] pairIdsWithOpenOrders()
    {
        final int[] pairIds = new int[openOrdersByPair.size()];
        int count = 0;
        final Int2ObjectHashMap<AccountOrders>.KeyIterator keys = openOrdersByPair.keySet().iterator();
        while (keys.hasNext())
        {
            pairIds[count++] = keys.nextInt();
        }
        Arrays.sort(pairIds);
        return pairIds;
    }

    ClientOrderIds clientOrderIdsOrCreate()
    {
        if (clientOrderIds == null)
        {
            clientOrderIds = new ClientOrderIds();
        }
        return clientOrderIds;
    }

    void forgetIfEmpty(final Pair pair, final AccountOrders orders)
    {
        if (orders.count == 0)
        {
            openOrdersByPair.remove(pair.id);
            if (pair.id == lastPairId)
            {
                lastPairId = -1;
                lastPairOrders = null;
            }
        }
    }

    private void ensureCapacity(final int currencyId)
    {
        if (2 * currencyId >= amounts.length)
        {
            amounts = Arrays.copyOf(amounts, 2 * (currencyId + 1));
        }
    }

    private void checkInvariant(final Currency currency)
    {
        final long balance = amounts[2 * currency.id];
        final long reservedAmount = amounts[2 * currency.id + 1];
        if (reservedAmount < 0 || reservedAmount > balance)
        {
            throw new IllegalStateException("account " + id + " " + currency.code + ": balance " + balance +
                " reserved " + reservedAmount);
        }
    }
}
