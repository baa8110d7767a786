package dev.bourse.journal;

import java.io.DataOutput;
import java.io.IOException;

/** Writes one section of a snapshot: the engine state ({@code engine::writeSnapshot}) or the caller's extra data. */
@FunctionalInterface
public interface SnapshotSectionWriter
{
    /** An empty section. */
    SnapshotSectionWriter EMPTY = out -> {};

    /**
     * @param out where to write the section.
     * @throws IOException when writing fails.
     */
    void write(DataOutput out) throws IOException;

    /** @return a writer of the given bytes. */
    static SnapshotSectionWriter of(final byte[] bytes)
    {
        return out -> out.write(bytes);
    }
}
