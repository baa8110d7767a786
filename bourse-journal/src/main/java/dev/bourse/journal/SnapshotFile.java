package dev.bourse.journal;

import java.nio.file.Path;

/**
 * A snapshot file of the store.
 *
 * @param path         the file.
 * @param lastSequence the sequence number of the last command applied to the state it holds (from its name).
 */
public record SnapshotFile(Path path, long lastSequence)
{
}
