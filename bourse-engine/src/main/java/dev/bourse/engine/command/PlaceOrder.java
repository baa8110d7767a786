package dev.bourse.engine.command;

import dev.bourse.engine.OrderType;
import dev.bourse.engine.SelfTradePrevention;
import dev.bourse.engine.Side;
import dev.bourse.engine.TimeInForce;

/**
 * Places an order.
 *
 * @param accountId           the owner.
 * @param coinPair            {@code CURRENCY.MARKET}.
 * @param type                MARKET, LIMIT or STOPLIMIT.
 * @param side                BUY or SELL.
 * @param price               the limit price in base units of the Market per whole Currency unit; 0 for MARKET.
 * @param stopPrice           the stop price for STOPLIMIT, same unit; 0 otherwise.
 * @param quantity            base units of the Currency, positive.
 * @param timeInForce         GTC, IOC, FOK or POST_ONLY for a LIMIT order; null means GTC, the only one MARKET and
 *                            STOPLIMIT orders take (4002 otherwise).
 * @param selfTradePrevention what this order does when it meets a resting order of its own account; null means the
 *                            engine's default ({@link dev.bourse.engine.EngineConfiguration#selfTradePrevention}).
 * @param clientOrderId       the client's own ID of the order ({@link #isValidClientOrderId}), or null. While the
 *                            account remembers it, placing an order with the same ID again answers the first one.
 */
public record PlaceOrder(
    long accountId,
    String coinPair,
    OrderType type,
    Side side,
    long price,
    long stopPrice,
    long quantity,
    TimeInForce timeInForce,
    SelfTradePrevention selfTradePrevention,
    String clientOrderId)
    implements Command
{
    /** The longest client order ID. */
    public static final int MAX_CLIENT_ORDER_ID_LENGTH = 36;

    /** An order with the defaults: GTC, the engine's self-trade prevention, no client order ID. */
    public PlaceOrder(
        final long accountId,
        final String coinPair,
        final OrderType type,
        final Side side,
        final long price,
        final long stopPrice,
        final long quantity)
    {
        this(accountId, coinPair, type, side, price, stopPrice, quantity, null, null, null);
    }

    /** @return a LIMIT order. */
    public static PlaceOrder limit(
        final long accountId, final String coinPair, final Side side, final long price, final long quantity)
    {
        return new PlaceOrder(accountId, coinPair, OrderType.LIMIT, side, price, 0, quantity);
    }

    /** @return a MARKET order. */
    public static PlaceOrder market(final long accountId, final String coinPair, final Side side, final long quantity)
    {
        return new PlaceOrder(accountId, coinPair, OrderType.MARKET, side, 0, 0, quantity);
    }

    /** @return a STOPLIMIT order. */
    public static PlaceOrder stopLimit(
        final long accountId,
        final String coinPair,
        final Side side,
        final long price,
        final long stopPrice,
        final long quantity)
    {
        return new PlaceOrder(accountId, coinPair, OrderType.STOPLIMIT, side, price, stopPrice, quantity);
    }

    /** @return this order with another time in force. */
    public PlaceOrder withTimeInForce(final TimeInForce newTimeInForce)
    {
        return new PlaceOrder(accountId, coinPair, type, side, price, stopPrice, quantity, newTimeInForce,
            selfTradePrevention, clientOrderId);
    }

    /** @return this order with another self-trade prevention. */
    public PlaceOrder withSelfTradePrevention(final SelfTradePrevention prevention)
    {
        return new PlaceOrder(accountId, coinPair, type, side, price, stopPrice, quantity, timeInForce, prevention,
            clientOrderId);
    }

    /** @return this order with another client order ID. */
    public PlaceOrder withClientOrderId(final String newClientOrderId)
    {
        return new PlaceOrder(accountId, coinPair, type, side, price, stopPrice, quantity, timeInForce,
            selfTradePrevention, newClientOrderId);
    }

    /**
     * @param clientOrderId a client order ID.
     * @return whether it is 1 to {@value #MAX_CLIENT_ORDER_ID_LENGTH} characters of {@code [A-Za-z0-9_-]}.
     */
    public static boolean isValidClientOrderId(final String clientOrderId)
    {
        if (clientOrderId == null || clientOrderId.isEmpty() || clientOrderId.length() > MAX_CLIENT_ORDER_ID_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < clientOrderId.length(); i++)
        {
            final char c = clientOrderId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}
