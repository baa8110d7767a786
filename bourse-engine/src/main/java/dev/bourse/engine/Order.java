package dev.bourse.engine;

import dev.bourse.engine.event.OrderView;

import static dev.bourse.engine.PairPolicy.PPM;

/**
 * An open order inside the engine; it leaves the engine when it completes. Kept small, because an exchange holds
 * many: what many orders share is in their {@link OrderTerms}; what follows from other fields is not stored (the
 * remainder and the cancelled part follow from the filled part and the status, since only a cancel completes an
 * order that is not filled whole; a limit order's reserve at acceptance follows from its price and quantity; the
 * completion time is the time of the command that completes the order); a stop price and a market order's reserve
 * are in the subclasses that have them.
 */
class Order
{
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final byte PENDING = (byte)OrderStatus.PENDING.ordinal();
    private static final byte COMPLETE = (byte)OrderStatus.COMPLETE.ordinal();

    final long id;
    final Account account;
    final OrderTerms terms;
    final long price;
    final long initialQuantity;
    final long createdAtMs;
    final String clientOrderId;

    long filled;
    long filledVolume;
    long feeUnits;
    int feeRemainderPpm;
    long reserveRemaining;
    /**
     * The status's ordinal: a byte, not a reference, so that changing it costs no garbage collector barrier (this
     * object is usually old and the status objects elsewhere). In memory only; snapshots write {@link EnumCodes}.
     */
    private byte status = (byte)OrderStatus.CREATE.ordinal();

    /** The level the order rests in (a book's or the stops'), null when it is in none. */
    PriceLevel level;
    /** The previous and next order of the level. */
    Order prev;
    Order next;
    /** The order's slot in its account's {@link AccountOrders}; -1 while it is not in the open-order indexes. */
    int accountSlot = -1;

    Order(
        final long id,
        final Account account,
        final OrderTerms terms,
        final long price,
        final long initialQuantity,
        final long reserve,
        final long createdAtMs,
        final String clientOrderId)
    {
        this.id = id;
        this.account = account;
        this.terms = terms;
        this.price = price;
        this.initialQuantity = initialQuantity;
        this.createdAtMs = createdAtMs;
        this.clientOrderId = clientOrderId;
        this.reserveRemaining = reserve;
    }

    /**
     * @param reserve   what the order reserves: for a LIMIT or STOPLIMIT order exactly what {@link #reservedValue()}
     *                  derives from its terms, price and quantity.
     * @param stopPrice the stop price of a STOPLIMIT order, else ignored.
     * @return a new order of its type.
     */
    static Order accept(
        final long id,
        final Account account,
        final OrderTerms terms,
        final long price,
        final long stopPrice,
        final long initialQuantity,
        final long reserve,
        final long createdAtMs,
        final String clientOrderId)
    {
        return switch (terms.type())
        {
            case LIMIT -> new Order(id, account, terms, price, initialQuantity, reserve, createdAtMs, clientOrderId);
            case STOPLIMIT -> new StopLimitOrder(id, account, terms, price, stopPrice, initialQuantity, reserve,
                createdAtMs, clientOrderId);
            case MARKET -> new MarketOrder(id, account, terms, initialQuantity, reserve, createdAtMs, clientOrderId);
        };
    }

    OrderStatus status()
    {
        return STATUSES[status];
    }

    void status(final OrderStatus newStatus)
    {
        status = (byte)newStatus.ordinal();
    }

    boolean isPending()
    {
        return status == PENDING;
    }

    boolean isComplete()
    {
        return status == COMPLETE;
    }

    Pair pair()
    {
        return terms.pair();
    }

    /** @return the price of the level the order rests in: its stop price while PENDING, else its price. */
    long restingPrice()
    {
        return isPending() ? stopPrice() : price;
    }

    Side side()
    {
        return terms.side();
    }

    OrderType type()
    {
        return terms.type();
    }

    /** @return the stop price, 0 unless STOPLIMIT. */
    long stopPrice()
    {
        return 0;
    }

    /**
     * @return what the order reserved at acceptance: a SELL its quantity; a BUY with a limit its volume at the limit
     * plus its fee at the higher of its two rates (the pair's scales cannot change while it has open orders).
     */
    long reservedValue()
    {
        if (terms.side() == Side.SELL)
        {
            return initialQuantity;
        }
        final long volume = terms.pair().volume(price, initialQuantity);
        return volume + Fees.ceil(volume, terms.maxFeePpm());
    }

    /** @return the part still open: 0 once complete. */
    long remain()
    {
        return status == COMPLETE ? 0 : initialQuantity - filled;
    }

    /** @return the part cancelled: what was not filled of an order that completed. */
    long cancelled()
    {
        return status == COMPLETE ? initialQuantity - filled : 0;
    }

    /** @return the currency this order's reserve is held in: the Market for a BUY, the Currency for a SELL. */
    Currency reserveCurrency()
    {
        return terms.side() == Side.BUY ? terms.pair().market : terms.pair().currency;
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
        feeRemainderPpm += (int)Fees.remainderPart(volume, ratePpm);
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
        final long volume = terms.pair().volume(price, remain());
        return volume + Fees.ceilAfterAdding(feeUnits, feeRemainderPpm, volume, terms.maxFeePpm()) - feeCharged();
    }

    void recordFill(final long quantity, final long volume)
    {
        filled += quantity;
        filledVolume = Math.addExact(filledVolume, volume);
        status(filled == initialQuantity ? OrderStatus.COMPLETE : OrderStatus.PROCESS);
        checkInvariant();
    }

    /** Cancels what is not filled: the order completes. */
    void cancelRemainder()
    {
        status = COMPLETE;
        checkInvariant();
    }

    /**
     * @return whether what the order does not fill at once may rest (LIMIT GTC or POST_ONLY, STOPLIMIT): only such
     * orders enter the open-order indexes. MARKET, IOC and FOK orders never do.
     */
    boolean canRest()
    {
        return terms.type() != OrderType.MARKET &&
            (terms.timeInForce() == TimeInForce.GTC || terms.timeInForce() == TimeInForce.POST_ONLY);
    }

    /** @return whether the order is in the open-order indexes: it rests, or is a triggered stop order matching. */
    boolean isOpen()
    {
        return accountSlot >= 0;
    }

    boolean isBuyWithLimit()
    {
        return terms.side() == Side.BUY && terms.type() != OrderType.MARKET;
    }

    /**
     * @param nowMs the time of the command being applied: the completion time if the order is complete.
     * @return the order as it is now.
     */
    OrderView view(final long nowMs)
    {
        return new OrderView(id, account.id, terms.pair().coinPair, terms.type(), terms.side(), price, stopPrice(),
            initialQuantity, cancelled(), remain(), filled, filledVolume, feeCharged(), reservedValue(),
            reserveRemaining, terms.makerFeePpm(), terms.takerFeePpm(), status(), createdAtMs,
            status == COMPLETE ? nowMs : 0, clientOrderId);
    }

    private void checkInvariant()
    {
        if (filled < 0 || filled > initialQuantity || reserveRemaining < 0)
        {
            throw new IllegalStateException("order " + id + " broke its invariant: filled " + filled + " initial " +
                initialQuantity + " reserve " + reserveRemaining);
        }
    }
}
