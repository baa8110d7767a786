package dev.bourse.journal;

import dev.bourse.journal.JournalFormat.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention rule: keep the newest {@code snapshotsToKeep} snapshot files and, when a follower of the journal
 * (the history database) has a floor, also the newest snapshot at or before that floor; delete the other snapshots;
 * delete every segment whose records all precede the oldest kept snapshot (a segment is deleted when the next segment
 * starts at or before {@code oldestKept.lastSequence + 1}). With a floor but no snapshot at or before it, no segment
 * is deleted: the follower must be able to replay from sequence 1. The last segment is never deleted, and nothing is
 * deleted while there is no snapshot. So recovery can always fall back to any kept snapshot and replay from there,
 * and the follower can always be rebuilt at its floor.
 * <p>
 * With an archive directory, segments are moved there instead of deleted, so the whole command history stays
 * available for audits (same file names and format).
 * <p>
 * Run it after a snapshot was written (on the thread that writes snapshots). The journal writer may keep appending
 * meanwhile: it only ever writes the last segment.
 */
public final class JournalRetention
{
    /** No floor: nothing follows the journal beyond the snapshots. */
    public static final long NO_FLOOR = Long.MAX_VALUE;

    /**
     * What was deleted (or archived).
     *
     * @param snapshots the snapshot files deleted.
     * @param segments  the segment files deleted, or moved to the archive directory.
     */
    public record Pruned(List<Path> snapshots, List<Path> segments)
    {
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(JournalRetention.class);

    private JournalRetention()
    {
    }

    /**
     * Applies the retention rule without a floor, deleting segments.
     *
     * @param snapshots        the snapshot store.
     * @param journalDirectory the journal directory.
     * @param snapshotsToKeep  how many snapshots to keep, at least 1.
     * @return what was deleted.
     */
    public static Pruned prune(final SnapshotStore snapshots, final Path journalDirectory, final int snapshotsToKeep)
    {
        return prune(snapshots, journalDirectory, snapshotsToKeep, NO_FLOOR, null);
    }

    /**
     * Applies the retention rule.
     *
     * @param snapshots        the snapshot store.
     * @param journalDirectory the journal directory.
     * @param snapshotsToKeep  how many snapshots to keep, at least 1.
     * @param floorSequence    the last sequence a follower of the journal has made durable: a snapshot at or before it
     *                         and every record after that snapshot are kept; {@link #NO_FLOOR} for none.
     * @param archiveDirectory where segments go instead of being deleted, or null to delete them.
     * @return what was deleted or archived.
     */
    public static Pruned prune(
        final SnapshotStore snapshots,
        final Path journalDirectory,
        final int snapshotsToKeep,
        final long floorSequence,
        final Path archiveDirectory)
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
        final int kept = Math.min(snapshotsToKeep, files.size());
        SnapshotFile floorSnapshot = null;
        for (final SnapshotFile file : files)
        {
            if (file.lastSequence() <= floorSequence)
            {
                floorSnapshot = file;
                break;
            }
        }
        final long oldestKeptSequence = files.get(kept - 1).lastSequence();
        final long keepFrom = floorSnapshot == null ? 1 : Math.min(oldestKeptSequence, floorSnapshot.lastSequence()) + 1;
        final List<Path> deletedSnapshots = new ArrayList<>();
        for (final SnapshotFile file : files.subList(kept, files.size()))
        {
            if (file != floorSnapshot)
            {
                delete(file.path());
                deletedSnapshots.add(file.path());
            }
        }
        final List<Segment> segments = JournalFormat.listSegments(journalDirectory);
        final List<Path> deletedSegments = new ArrayList<>();
        for (int i = 0; i + 1 < segments.size() && segments.get(i + 1).firstSequence() <= keepFrom; i++)
        {
            final Path segment = segments.get(i).path();
            if (archiveDirectory == null)
            {
                delete(segment);
            }
            else
            {
                archive(segment, archiveDirectory);
            }
            deletedSegments.add(segment);
        }
        if (!deletedSnapshots.isEmpty() || !deletedSegments.isEmpty())
        {
            LOGGER.info("Retention: deleted {} snapshots and {} {} segments before sequence {}",
                deletedSnapshots.size(), archiveDirectory == null ? "deleted" : "archived", deletedSegments.size(),
                keepFrom);
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

    /** Moves a segment into the archive: atomically on the same file system, else copied, forced, then deleted. */
    private static void archive(final Path segment, final Path archiveDirectory)
    {
        try
        {
            Files.createDirectories(archiveDirectory);
            final Path target = archiveDirectory.resolve(segment.getFileName());
            try
            {
                Files.move(segment, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                final Path partial = archiveDirectory.resolve(segment.getFileName() + ".tmp");
                Files.copy(segment, partial, StandardCopyOption.REPLACE_EXISTING);
                JournalFormat.forceFile(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(segment);
            }
            JournalFormat.forceDirectory(archiveDirectory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
