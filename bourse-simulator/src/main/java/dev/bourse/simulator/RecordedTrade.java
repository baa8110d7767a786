package dev.bourse.simulator;

import dev.bourse.client.OrderSide;

import java.math.BigDecimal;

/**
 * One trade of a recorded trade file ({@link TradeFile}).
 *
 * @param timeMs when it happened, ms since the epoch.
 * @param price  its price, positive.
 * @param amount its quantity in Currency units, positive.
 * @param side   the taker's side: BUY lifted an ask, SELL hit a bid.
 */
public record RecordedTrade(long timeMs, BigDecimal price, BigDecimal amount, OrderSide side)
{
}
