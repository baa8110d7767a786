package dev.bourse.cluster;

import dev.bourse.engine.Engine;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The exchange's part of a cluster snapshot, version {@link #VERSION}: a magic number and the version, the sequence of
 * the last command applied, then the engine's snapshot and the journal snapshot's extra section (the last command's
 * timestamp and the read model), written by the same codecs as a single node's snapshot files.
 */
final class ClusterSnapshot
{
    static final int MAGIC = 0x42525343; // "BRSC"
    static final int VERSION = 1;

    private ClusterSnapshot()
    {
    }

    /**
     * @param out             where to write.
     * @param lastSequence    the sequence of the last command applied.
     * @param engine          the engine.
     * @param lastTimestampMs the timestamp of the last command applied.
     * @param readModel       the read model, in step with the engine.
     * @throws IOException when the output fails.
     */
    static void write(final DataOutput out, final long lastSequence, final Engine engine, final long lastTimestampMs,
        final ReadModel readModel) throws IOException
    {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(lastSequence);
        engine.writeSnapshot(out);
        ExchangeRecovery.writeExtra(out, lastTimestampMs, readModel);
    }

    /**
     * @param in   what {@link #write} wrote.
     * @param into an empty exchange, loaded from it.
     * @return the sequence of the last command in the snapshot.
     * @throws IOException when the input fails or is not such a snapshot.
     */
    static long read(final DataInput in, final ExchangeRecovery into) throws IOException
    {
        final int magic = in.readInt();
        final int version = in.readInt();
        if (magic != MAGIC || version != VERSION)
        {
            throw new IOException("not a Bourse cluster snapshot of version " + VERSION + ": magic " +
                Integer.toHexString(magic) + ", version " + version);
        }
        final long lastSequence = in.readLong();
        into.load(lastSequence, in, in);
        return lastSequence;
    }
}
