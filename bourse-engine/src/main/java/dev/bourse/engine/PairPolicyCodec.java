package dev.bourse.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A pair policy as snapshots hold it: the engine's, and the read model's market directory. */
public final class PairPolicyCodec
{
    private PairPolicyCodec()
    {
    }

    /**
     * @param policy the policy.
     * @param out    where to write it.
     * @throws IOException when the output fails.
     */
    public static void write(final PairPolicy policy, final DataOutput out) throws IOException
    {
        out.writeUTF(policy.displayName());
        out.writeLong(policy.minPrice());
        out.writeInt(policy.priceDecimals());
        out.writeInt(policy.amountDecimals());
        out.writeLong(policy.minAmount());
        out.writeLong(policy.maxAmount());
        out.writeLong(policy.minVolume());
        out.writeLong(policy.maxVolume());
        out.writeInt(policy.makerFeePpm());
        out.writeInt(policy.takerFeePpm());
        out.writeByte(EnumCodes.code(policy.state()));
    }

    /**
     * @param in where {@link #write} wrote a policy.
     * @return the policy.
     * @throws IOException when the input fails or holds an unknown state code.
     */
    public static PairPolicy read(final DataInput in) throws IOException
    {
        final String displayName = in.readUTF();
        final long minPrice = in.readLong();
        final int priceDecimals = in.readInt();
        final int amountDecimals = in.readInt();
        final long minAmount = in.readLong();
        final long maxAmount = in.readLong();
        final long minVolume = in.readLong();
        final long maxVolume = in.readLong();
        final int makerFeePpm = in.readInt();
        final int takerFeePpm = in.readInt();
        final int stateCode = in.readUnsignedByte();
        try
        {
            return new PairPolicy(displayName, minPrice, priceDecimals, amountDecimals, minAmount, maxAmount,
                minVolume, maxVolume, makerFeePpm, takerFeePpm, EnumCodes.pairState(stateCode));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IOException("a snapshot holds an " + ex.getMessage(), ex);
        }
    }
}
