package dev.bourse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the channels the {@link JournalWriter} writes segments through: the files themselves, or, in a simulation,
 * channels that fail a write or a force, tear a write, or lose what was not forced when the simulated process crashes.
 */
@FunctionalInterface
public interface SegmentChannels
{
    /** The segment files themselves, created owner-only. */
    SegmentChannels FILES = OwnerOnly::open;

    /**
     * @param path    the segment.
     * @param options as for {@link FileChannel#open(Path, OpenOption...)}.
     * @return a channel on it.
     * @throws IOException when it cannot be opened.
     */
    FileChannel open(Path path, OpenOption... options) throws IOException;
}
