package dev.bourse.systemtest.crash;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server acknowledged (statusCode 1000) to the traffic, and what was sent without an answer: the facts a
 * restart must honour.
 */
final class Acknowledgements
{
    /** Amounts per currency of one kind of transfer: all sent, and those acknowledged. */
    record Transfers(Map<String, BigDecimal> sent, Map<String, BigDecimal> acknowledged)
    {
        Transfers()
        {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        void sent(final String currency, final BigDecimal amount)
        {
            sent.merge(currency, amount, BigDecimal::add);
        }

        void acknowledged(final String currency, final BigDecimal amount)
        {
            acknowledged.merge(currency, amount, BigDecimal::add);
        }

        BigDecimal sentOf(final String currency)
        {
            return sent.getOrDefault(currency, BigDecimal.ZERO);
        }

        BigDecimal acknowledgedOf(final String currency)
        {
            return acknowledged.getOrDefault(currency, BigDecimal.ZERO);
        }
    }

    final Map<Long, Long> ownerByOrderId = new ConcurrentHashMap<>();
    final Set<Long> cancelledOrderIds = ConcurrentHashMap.newKeySet();
    final Transfers deposits = new Transfers();
    final Transfers withdrawals = new Transfers();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong cancelAlls = new AtomicLong();
    final AtomicLong marketOrders = new AtomicLong();

    void orderPlaced(final long orderId, final long accountId)
    {
        ownerByOrderId.put(orderId, accountId);
    }

    /** @return the least deposits minus withdrawals of the currency that the acknowledgements allow. */
    BigDecimal leastNetDeposits(final String currency)
    {
        return deposits.acknowledgedOf(currency).subtract(withdrawals.sentOf(currency));
    }

    /** @return the most deposits minus withdrawals of the currency that the acknowledgements allow. */
    BigDecimal mostNetDeposits(final String currency)
    {
        return deposits.sentOf(currency).subtract(withdrawals.acknowledgedOf(currency));
    }
}
