package dev.bourse.engine.event;

import dev.bourse.engine.OrderStatus;
import dev.bourse.engine.OrderType;
import dev.bourse.engine.Side;

/**
 * An order as it is at one moment; amounts in base units (see {@link dev.bourse.engine.Engine}).
 * Invariant: {@code filledQuantity + remainQuantity + cancelledQuantity == initialQuantity}.
 *
 * @param orderId           14 digits.
 * @param accountId         the owner.
 * @param coinPair          the pair.
 * @param type              MARKET, LIMIT or STOPLIMIT.
 * @param side              BUY or SELL.
 * @param price             the limit price (0 for MARKET).
 * @param stopPrice         the stop price (0 unless STOPLIMIT).
 * @param initialQuantity   the quantity asked for.
 * @param cancelledQuantity the part cancelled.
 * @param remainQuantity    the part still open.
 * @param filledQuantity    the part filled.
 * @param filledVolume      sum of price x quantity of the fills, base units of the Market.
 * @param feePaid           fees paid so far, base units of the Market.
 * @param reservedValue     what was reserved at acceptance: Market units for a BUY, Currency units for a SELL.
 * @param reserveRemaining  what is still reserved.
 * @param makerFeePpm       maker fee rate in force at acceptance, millionths.
 * @param takerFeePpm       taker fee rate in force at acceptance, millionths.
 * @param status            the status.
 * @param createdAtMs       acceptance time.
 * @param completedAtMs     completion time, 0 while open.
 * @param clientOrderId     the client's ID of the order, or null.
 */
public record OrderView(
    long orderId,
    long accountId,
    String coinPair,
    OrderType type,
    Side side,
    long price,
    long stopPrice,
    long initialQuantity,
    long cancelledQuantity,
    long remainQuantity,
    long filledQuantity,
    long filledVolume,
    long feePaid,
    long reservedValue,
    long reserveRemaining,
    int makerFeePpm,
    int takerFeePpm,
    OrderStatus status,
    long createdAtMs,
    long completedAtMs,
    String clientOrderId)
{
    /** @return {@code requestAmount}: the initial quantity less what was cancelled. */
    public long requestQuantity()
    {
        return initialQuantity - cancelledQuantity;
    }

    /**
     * @param timestampMs the time of the cancellation.
     * @return this order after its remainder was cancelled and its reserve released: what a cancel-all
     * ({@link AllOrdersCancelled}) did to every order it lists.
     */
    public OrderView withRemainderCancelled(final long timestampMs)
    {
        return new OrderView(orderId, accountId, coinPair, type, side, price, stopPrice, initialQuantity,
            cancelledQuantity + remainQuantity, 0, filledQuantity, filledVolume, feePaid, reservedValue, 0,
            makerFeePpm, takerFeePpm, OrderStatus.COMPLETE, createdAtMs, timestampMs, clientOrderId);
    }
}
