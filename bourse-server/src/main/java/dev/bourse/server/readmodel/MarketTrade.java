package dev.bourse.server.readmodel;

import dev.bourse.engine.Side;
import dev.bourse.engine.event.TradeExecuted;

/**
 * A trade as market tradeHistory shows it; amounts in base units.
 *
 * @param tradeId     transactionID.
 * @param coinPair    the pair.
 * @param price       Market base units per whole Currency unit.
 * @param quantity    Currency base units.
 * @param volume      Market base units.
 * @param takerSide   orderSide.
 * @param timestampMs createdAt.
 */
public record MarketTrade(long tradeId, String coinPair, long price, long quantity, long volume, Side takerSide,
    long timestampMs)
{
    /** @return the trade as the market sees it. */
    public static MarketTrade of(final TradeExecuted trade)
    {
        return new MarketTrade(trade.tradeId(), trade.coinPair(), trade.price(), trade.quantity(), trade.volume(),
            trade.takerSide(), trade.timestampMs());
    }
}
