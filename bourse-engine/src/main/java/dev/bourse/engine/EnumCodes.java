package dev.bourse.engine;

/**
 * The numeric codes that stand for the engine's enums in snapshots, written out one by one so that reordering or
 * adding a constant never changes what a stored code means (an ordinal would). The values of the first enums are
 * those the first snapshot format wrote. Each {@code of...} method throws {@link IllegalArgumentException} for an unknown code.
 */
public final class EnumCodes
{
    private EnumCodes()
    {
    }

    /** @return the code of the order type. */
    public static int code(final OrderType type)
    {
        return switch (type)
        {
            case MARKET -> 0;
            case LIMIT -> 1;
            case STOPLIMIT -> 2;
        };
    }

    /** @return the order type of the code. */
    public static OrderType orderType(final int code)
    {
        return switch (code)
        {
            case 0 -> OrderType.MARKET;
            case 1 -> OrderType.LIMIT;
            case 2 -> OrderType.STOPLIMIT;
            default -> throw unknown("order type", code);
        };
    }

    /** @return the code of the side. */
    public static int code(final Side side)
    {
        return switch (side)
        {
            case BUY -> 0;
            case SELL -> 1;
        };
    }

    /** @return the side of the code. */
    public static Side side(final int code)
    {
        return switch (code)
        {
            case 0 -> Side.BUY;
            case 1 -> Side.SELL;
            default -> throw unknown("side", code);
        };
    }

    /** @return the code of the order status. */
    public static int code(final OrderStatus status)
    {
        return switch (status)
        {
            case CREATE -> 0;
            case PENDING -> 1;
            case REQUEST -> 2;
            case PROCESS -> 3;
            case COMPLETE -> 4;
        };
    }

    /** @return the order status of the code. */
    public static OrderStatus orderStatus(final int code)
    {
        return switch (code)
        {
            case 0 -> OrderStatus.CREATE;
            case 1 -> OrderStatus.PENDING;
            case 2 -> OrderStatus.REQUEST;
            case 3 -> OrderStatus.PROCESS;
            case 4 -> OrderStatus.COMPLETE;
            default -> throw unknown("order status", code);
        };
    }

    /** @return the code of the pair state. */
    public static int code(final PairState state)
    {
        return switch (state)
        {
            case TRADING -> 0;
            case CANCEL_ONLY -> 1;
        };
    }

    /** @return the pair state of the code. */
    public static PairState pairState(final int code)
    {
        return switch (code)
        {
            case 0 -> PairState.TRADING;
            case 1 -> PairState.CANCEL_ONLY;
            default -> throw unknown("pair state", code);
        };
    }

    /** @return the code of the transfer type. */
    public static int code(final TransferType type)
    {
        return switch (type)
        {
            case DEPOSIT -> 0;
            case WITHDRAW -> 1;
        };
    }

    /** @return the transfer type of the code. */
    public static TransferType transferType(final int code)
    {
        return switch (code)
        {
            case 0 -> TransferType.DEPOSIT;
            case 1 -> TransferType.WITHDRAW;
            default -> throw unknown("transfer type", code);
        };
    }

    /** @return the code of the time in force. */
    public static int code(final TimeInForce timeInForce)
    {
        return switch (timeInForce)
        {
            case GTC -> 0;
            case IOC -> 1;
            case FOK -> 2;
            case POST_ONLY -> 3;
        };
    }

    /** @return the time in force of the code. */
    public static TimeInForce timeInForce(final int code)
    {
        return switch (code)
        {
            case 0 -> TimeInForce.GTC;
            case 1 -> TimeInForce.IOC;
            case 2 -> TimeInForce.FOK;
            case 3 -> TimeInForce.POST_ONLY;
            default -> throw unknown("time in force", code);
        };
    }

    /** @return the code of the self-trade prevention. */
    public static int code(final SelfTradePrevention prevention)
    {
        return switch (prevention)
        {
            case EXPIRE_MAKER -> 0;
            case EXPIRE_TAKER -> 1;
            case EXPIRE_BOTH -> 2;
            case NONE -> 3;
        };
    }

    /** @return the self-trade prevention of the code. */
    public static SelfTradePrevention selfTradePrevention(final int code)
    {
        return switch (code)
        {
            case 0 -> SelfTradePrevention.EXPIRE_MAKER;
            case 1 -> SelfTradePrevention.EXPIRE_TAKER;
            case 2 -> SelfTradePrevention.EXPIRE_BOTH;
            case 3 -> SelfTradePrevention.NONE;
            default -> throw unknown("self-trade prevention", code);
        };
    }

    private static IllegalArgumentException unknown(final String what, final int code)
    {
        return new IllegalArgumentException("unknown " + what + " code " + code);
    }
}
