package dev.bourse.journal;

import java.io.DataInput;
import java.io.IOException;

/**
 * Restores the caller's state from a snapshot whose checksums were verified. All or nothing: when it throws, it must
 * leave the caller's state as it was, because the store then falls back to the previous snapshot and calls it again.
 */
@FunctionalInterface
public interface SnapshotLoader
{
    /**
     * @param lastSequence the sequence number of the last command applied to the state in the snapshot.
     * @param engineState  the engine section (for {@code Engine.readSnapshot}); reading past its end is EOF.
     * @param extra        the extra section (empty when none was written); reading past its end is EOF.
     * @throws IOException when the sections do not hold a valid state: the snapshot is treated as invalid.
     */
    void load(long lastSequence, DataInput engineState, DataInput extra) throws IOException;
}
