package dev.bourse.engine;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.Arrays;

/**
 * An account: its label, balances and reserves per currency (indexed by currency ID), its open orders per pair, its
 * dead man's switch and the client order IDs it remembers.
 */
final class Account
{
    final long id;
    final String label;
    long[] balances;
    long[] reserved;
    int openOrderCount;
    int apiKeyCount;
    /** When the dead man's switch fires; 0 while it is disarmed. */
    long deadMansSwitchDeadlineMs;
    /** The pair the dead man's switch covers; null for every pair. */
    Pair deadMansSwitchPair;
    /** Null until the account places its first order with a client order ID. */
    ClientOrderIds clientOrderIds;
    private final Int2ObjectHashMap<AccountOrders> openOrdersByPair = new Int2ObjectHashMap<>();

    Account(final long id, final String label, final int currencyCount)
    {
        this.id = id;
        this.label = label;
        this.balances = new long[currencyCount];
        this.reserved = new long[currencyCount];
    }

    long balance(final Currency currency)
    {
        return currency.id < balances.length ? balances[currency.id] : 0;
    }

    long reserved(final Currency currency)
    {
        return currency.id < reserved.length ? reserved[currency.id] : 0;
    }

    long available(final Currency currency)
    {
        return balance(currency) - reserved(currency);
    }

    /** Adds to the balance (negative to take away) and checks the invariants 0 &lt;= reserved &lt;= balance. */
    void credit(final Currency currency, final long amount)
    {
        ensureCapacity(currency.id);
        balances[currency.id] = Math.addExact(balances[currency.id], amount);
        checkInvariant(currency);
    }

    /** Moves an amount from available into reserved (negative to release). */
    void reserve(final Currency currency, final long amount)
    {
        ensureCapacity(currency.id);
        reserved[currency.id] = Math.addExact(reserved[currency.id], amount);
        checkInvariant(currency);
    }

    AccountOrders openOrders(final Pair pair)
    {
        return openOrdersByPair.get(pair.id);
    }

    AccountOrders openOrdersOrCreate(final Pair pair)
    {
        return openOrdersByPair.computeIfAbsent(pair.id, ignore -> new AccountOrders());
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
        }
    }

    private void ensureCapacity(final int currencyId)
    {
        if (currencyId >= balances.length)
        {
            balances = Arrays.copyOf(balances, currencyId + 1);
            reserved = Arrays.copyOf(reserved, currencyId + 1);
        }
    }

    private void checkInvariant(final Currency currency)
    {
        final long balance = balances[currency.id];
        final long reservedAmount = reserved[currency.id];
        if (reservedAmount < 0 || reservedAmount > balance)
        {
            throw new IllegalStateException("account " + id + " " + currency.code + ": balance " + balance +
                " reserved " + reservedAmount);
        }
    }
}
