package dev.bourse.loadgen;

import java.util.SplittableRandom;

/**
 * The shares of each {@link Operation}, in percent. Operations that need a live order fall back to a resting limit
 * order when the session has none.
 *
 * @param restingPercent  resting limit orders.
 * @param crossingPercent crossing limit orders.
 * @param cancelPercent   cancels of one live order.
 * @param cancelAllPercent cancel-alls.
 * @param orderInfoPercent order info.
 */
public record RequestMix(int restingPercent, int crossingPercent, int cancelPercent, int cancelAllPercent,
    int orderInfoPercent)
{
    /** 55 % resting and 10 % crossing limit orders, 20 % cancels, 3 % cancel-alls, 12 % order info. */
    public static final RequestMix DEFAULT = new RequestMix(55, 10, 20, 3, 12);

    public RequestMix
    {
        if (restingPercent < 0 || crossingPercent < 0 || cancelPercent < 0 || cancelAllPercent < 0 ||
            orderInfoPercent < 0 ||
            restingPercent + crossingPercent + cancelPercent + cancelAllPercent + orderInfoPercent != 100)
        {
            throw new IllegalArgumentException("the shares must be non-negative and add up to 100");
        }
    }

    /** @return the operation of a draw. */
    public Operation draw(final SplittableRandom random)
    {
        int draw = random.nextInt(100);
        if ((draw -= restingPercent) < 0)
        {
            return Operation.LIMIT_RESTING;
        }
        if ((draw -= crossingPercent) < 0)
        {
            return Operation.LIMIT_CROSSING;
        }
        if ((draw -= cancelPercent) < 0)
        {
            return Operation.CANCEL;
        }
        return draw - cancelAllPercent < 0 ? Operation.CANCEL_ALL : Operation.ORDER_INFO;
    }
}
