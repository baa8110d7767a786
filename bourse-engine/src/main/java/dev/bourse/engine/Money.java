package dev.bourse.engine;

/** Fixed-point helpers. */
final class Money
{
    /** The largest scale a currency may have: 10^18 is the largest power of ten in a long. */
    static final int MAX_SCALE = 18;

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

    static
    {
        long power = 1;
        for (int i = 0; i <= MAX_SCALE; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Money()
    {
    }

    /** @return 10^exponent for 0 &lt;= exponent &lt;= 18. */
    static long pow10(final int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }
}
