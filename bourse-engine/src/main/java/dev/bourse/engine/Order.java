package dev.bourse.engine;

import dev.bourse.engine.event.OrderView;

import static dev.bourse.engine.PairPolicy.PPM;

/** An open order inside the engine; it leaves the engine when it completes. */
final class Order
{
    final long id;
    final Account account;
    final Pair pair;
    final OrderType type;
    final Side side;
    final long price;
    final long stopPrice;
    final long initialQuantity;
    final long reservedValue;
    final int makerFeePpm;
    final int takerFeePpm;
    final long createdAtMs;
    final TimeInForce timeInForce;
    final SelfTradePrevention selfTradePrevention;
    final String clientOrderId;

    long remain;
    long filled;
    long cancelled;
    long filledVolume;
    long feeUnits;
    long feeRemainderPpm;
    long reserveRemaining;
    long completedAtMs;
    OrderStatus status = OrderStatus.CREATE;

    PriceLevel level;
    Order prev;
    Order next;
    Order accountPrev;
    Order accountNext;

    Order(
        final long id,
        final Account account,
        final Pair pair,
        final OrderType type,
        final Side side,
        final long price,
        final long stopPrice,
        final long initialQuantity,
        final long reservedValue,
        final int makerFeePpm,
        final int takerFeePpm,
        final long createdAtMs,
        final TimeInForce timeInForce,
        final SelfTradePrevention selfTradePrevention,
        final String clientOrderId)
    {
        this.id = id;
        this.account = account;
        this.pair = pair;
        this.type = type;
        this.side = side;
        this.price = price;
        this.stopPrice = stopPrice;
        this.initialQuantity = initialQuantity;
        this.reservedValue = reservedValue;
        this.makerFeePpm = makerFeePpm;
        this.takerFeePpm = takerFeePpm;
        this.createdAtMs = createdAtMs;
        this.timeInForce = timeInForce;
        this.selfTradePrevention = selfTradePrevention;
        this.clientOrderId = clientOrderId;
        this.remain = initialQuantity;
        this.reserveRemaining = reservedValue;
    }

    /** @return the currency this order's reserve is held in: the Market for a BUY, the Currency for a SELL. */
    Currency reserveCurrency()
    {
        return side == Side.BUY ? pair.market : pair.currency;
    }

    /** @return fees charged so far: the running exact total rounded up. */
    long feeCharged()
    {
        return feeUnits + (feeRemainderPpm > 0 ? 1 : 0);
    }

    /** Adds a fill's fee to the running total; @return what this fill is charged. */
    long accrueFee(final long volume, final int ratePpm)
    {
        final long before = feeCharged();
        feeUnits = Math.addExact(feeUnits, Fees.unitsPart(volume, ratePpm));
        feeRemainderPpm += Fees.remainderPart(volume, ratePpm);
        if (feeRemainderPpm >= PPM)
        {
            feeUnits++;
            feeRemainderPpm -= PPM;
        }
        return feeCharged() - before;
    }

    /**
     * @return the most a LIMIT or STOPLIMIT BUY can still be charged: its remainder filled at its limit price at the
     * higher fee rate, on top of what its fees already are.
     */
    long maxRemainingCharge()
    {
        final long volume = pair.volume(price, remain);
        final int maxRate = Math.max(makerFeePpm, takerFeePpm);
        return volume + Fees.ceilAfterAdding(feeUnits, feeRemainderPpm, volume, maxRate) - feeCharged();
    }

    void recordFill(final long quantity, final long volume, final long timestampMs)
    {
        remain -= quantity;
        filled += quantity;
        filledVolume = Math.addExact(filledVolume, volume);
        if (remain == 0)
        {
            complete(timestampMs);
        }
        else
        {
            status = OrderStatus.PROCESS;
        }
        checkInvariant();
    }

    void cancelRemainder(final long timestampMs)
    {
        cancelled += remain;
        remain = 0;
        complete(timestampMs);
        checkInvariant();
    }

    private void complete(final long timestampMs)
    {
        status = OrderStatus.COMPLETE;
        completedAtMs = timestampMs;
    }

    /**
     * @return whether what the order does not fill at once may rest (LIMIT GTC or POST_ONLY, STOPLIMIT): only such
     * orders enter the open-order indexes. MARKET, IOC and FOK orders never do.
     */
    boolean canRest()
    {
        return type != OrderType.MARKET && (timeInForce == TimeInForce.GTC || timeInForce == TimeInForce.POST_ONLY);
    }

    boolean isBuyWithLimit()
    {
        return side == Side.BUY && type != OrderType.MARKET;
    }

    OrderView view()
    {
        return new OrderView(id, account.id, pair.coinPair, type, side, price, stopPrice, initialQuantity,
            cancelled, remain, filled, filledVolume, feeCharged(), reservedValue, reserveRemaining, makerFeePpm,
            takerFeePpm, status, createdAtMs, completedAtMs, clientOrderId);
    }

    private void checkInvariant()
    {
        if (filled + remain + cancelled != initialQuantity || remain < 0 || reserveRemaining < 0)
        {
            throw new IllegalStateException("order " + id + " broke its invariant: filled " + filled + " remain " +
                remain + " cancelled " + cancelled + " initial " + initialQuantity + " reserve " + reserveRemaining);
        }
    }
}
