package dev.bourse.loadgen;

/**
 * The two fields of a BITFRONT envelope the generator needs, read without a JSON parser (the generator's own cost
 * counts against the servers it measures). Each key appears once in the envelopes the generator reads.
 */
public final class Envelope
{
    private static final String STATUS_CODE = "\"statusCode\":";
    private static final String ORDER_ID = "\"orderID\":";

    private Envelope()
    {
    }

    /** @return the envelope's statusCode, or -1 when it has none. */
    public static int statusCode(final String body)
    {
        return (int)number(body, STATUS_CODE);
    }

    /** @return the first orderID of the envelope's data, or -1 when it has none. */
    public static long orderId(final String body)
    {
        return number(body, ORDER_ID);
    }

    private static long number(final String body, final String key)
    {
        final int at = body.indexOf(key);
        if (at < 0)
        {
            return -1;
        }
        int i = at + key.length();
        while (i < body.length() && body.charAt(i) == ' ')
        {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < body.length() && digits < 18 && Character.isDigit(body.charAt(i)))
        {
            value = value * 10 + (body.charAt(i) - '0');
            digits++;
            i++;
        }
        return digits == 0 ? -1 : value;
    }
}
