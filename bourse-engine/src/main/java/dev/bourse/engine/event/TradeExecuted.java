package dev.bourse.engine.event;

import dev.bourse.engine.Side;

/**
 * A trade between an incoming (taker) and a resting (maker) order, at the maker's price.
 *
 * @param tradeId     the transaction ID.
 * @param coinPair    the pair.
 * @param price       base units of the Market per whole Currency unit.
 * @param quantity    base units of the Currency.
 * @param volume      price x quantity, base units of the Market.
 * @param takerSide   the taker's side (the trade's orderSide).
 * @param takerOrderId the incoming order.
 * @param takerAccountId its owner.
 * @param takerFee    the taker's fee, base units of the Market.
 * @param makerOrderId the resting order.
 * @param makerAccountId its owner.
 * @param makerFee    the maker's fee, base units of the Market.
 * @param timestampMs the command's time.
 */
public record TradeExecuted(
    long tradeId,
    String coinPair,
    long price,
    long quantity,
    long volume,
    Side takerSide,
    long takerOrderId,
    long takerAccountId,
    long takerFee,
    long makerOrderId,
    long makerAccountId,
    long makerFee,
    long timestampMs) implements Event
{
}
