package dev.bourse.journal;

import dev.bourse.journal.JournalFormat.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention rule: keep the newest {@code snapshotsToKeep} snapshot files and delete older ones; delete every
 * segment whose records all precede the oldest kept snapshot (a segment is deleted when the next segment starts at
 * or before {@code oldestKept.lastSequence + 1}). The last segment is never deleted, and nothing is deleted while
 * there is no snapshot. So recovery can always fall back to any kept snapshot and replay from there.
 * <p>
 * Run it after a snapshot was written (on the thread that writes snapshots). The journal writer may keep appending
 * meanwhile: it only ever writes the last segment.
 */
public final class JournalRetention
{
    /**
     * What was deleted.
     *
     * @param snapshots the snapshot files deleted.
     * @param segments  the segment files deleted.
     */
    public record Pruned(List<Path> snapshots, List<Path> segments)
    {
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(JournalRetention.class);

    private JournalRetention()
    {
    }

    /**
     * Applies the retention rule.
     *
     * @param snapshots        the snapshot store.
     * @param journalDirectory the journal directory.
     * @param snapshotsToKeep  how many snapshots to keep, at least 1.
     * @return what was deleted.
     */
    public static Pruned prune(final SnapshotStore snapshots, final Path journalDirectory, final int snapshotsToKeep)
    {
        if (snapshotsToKeep < 1)
        {
            throw new IllegalArgumentException("snapshotsToKeep must be at least 1: " + snapshotsToKeep);
        }
        final List<SnapshotFile> files = snapshots.list();
        if (files.isEmpty())
        {
            return new Pruned(List.of(), List.of());
        }
        final SnapshotFile oldestKept = files.get(Math.min(snapshotsToKeep, files.size()) - 1);
        final List<Path> deletedSnapshots = new ArrayList<>();
        for (final SnapshotFile file : files.subList(Math.min(snapshotsToKeep, files.size()), files.size()))
        {
            delete(file.path());
            deletedSnapshots.add(file.path());
        }
        final List<Segment> segments = JournalFormat.listSegments(journalDirectory);
        final List<Path> deletedSegments = new ArrayList<>();
        for (int i = 0; i + 1 < segments.size() && segments.get(i + 1).firstSequence() <= oldestKept.lastSequence() + 1;
            i++)
        {
            delete(segments.get(i).path());
            deletedSegments.add(segments.get(i).path());
        }
        if (!deletedSnapshots.isEmpty() || !deletedSegments.isEmpty())
        {
            LOGGER.info("Retention: deleted {} snapshots and {} segments before sequence {}", deletedSnapshots.size(),
                deletedSegments.size(), oldestKept.lastSequence() + 1);
        }
        return new Pruned(deletedSnapshots, deletedSegments);
    }

    private static void delete(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
