package dev.bourse.engine;

import static dev.bourse.engine.PairPolicy.PPM;

/**
 * Fee arithmetic on an exact running total kept as whole base units plus a remainder in millionths of a unit, so
 * that the fees of an order's fills always add up to the rounded-up fee of its whole volume.
 */
final class Fees
{
    private Fees()
    {
    }

    /** @return {@code ceil(volume * ratePpm / 10^6)}. */
    static long ceil(final long volume, final int ratePpm)
    {
        return ceilAfterAdding(0, 0, volume, ratePpm);
    }

    /**
     * @return the rounded-up total of an exact fee {@code units + remainderPpm / 10^6} after adding
     * {@code volume * ratePpm / 10^6} to it.
     */
    static long ceilAfterAdding(final long units, final long remainderPpm, final long volume, final int ratePpm)
    {
        final long addedRemainder = remainderPpm + remainderPart(volume, ratePpm);
        return Math.addExact(units, unitsPart(volume, ratePpm)) + (addedRemainder + PPM - 1) / PPM;
    }

    /** @return the whole units of {@code volume * ratePpm / 10^6}, without overflow for rates up to 100 %. */
    static long unitsPart(final long volume, final int ratePpm)
    {
        return (volume / PPM) * ratePpm + ((volume % PPM) * ratePpm) / PPM;
    }

    /** @return the remainder of {@code volume * ratePpm / 10^6}, in millionths of a unit. */
    static long remainderPart(final long volume, final int ratePpm)
    {
        return ((volume % PPM) * ratePpm) % PPM;
    }
}
