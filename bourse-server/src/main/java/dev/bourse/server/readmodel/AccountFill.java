package dev.bourse.server.readmodel;

import dev.bourse.engine.Side;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderView;

/**
 * One fill of one of an account's orders, as account tradeHistory shows it; amounts in base units.
 *
 * @param tradeId     transactionID.
 * @param orderId     the account's order.
 * @param coinPair    the pair.
 * @param side        the order's side.
 * @param price       Market base units per whole Currency unit.
 * @param quantity    Currency base units.
 * @param volume      Market base units.
 * @param fee         the fee of this fill, Market base units.
 * @param full        whether the fill completed the order.
 * @param timestampMs createdAt.
 */
public record AccountFill(long tradeId, long orderId, String coinPair, Side side, long price, long quantity,
    long volume, long fee, boolean full, long timestampMs)
{
    /**
     * @param filled      an order's fill.
     * @param timestampMs the time of its command.
     * @return the fill as the order's owner sees it.
     */
    public static AccountFill of(final OrderFilled filled, final long timestampMs)
    {
        final OrderView order = filled.order();
        return new AccountFill(filled.tradeId(), order.orderId(), order.coinPair(), order.side(), filled.price(),
            filled.quantity(), filled.volume(), filled.fee(), filled.full(), timestampMs);
    }
}
