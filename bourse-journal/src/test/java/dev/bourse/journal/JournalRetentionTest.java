package dev.bourse.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.bourse.journal.JournalFiles.readFrom;
import static dev.bourse.journal.JournalFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;

class JournalRetentionTest
{
    @TempDir
    Path directory;

    @Test
    void shouldKeepTheNewestSnapshotsAndEverySegmentNeededAfterTheOldestKept()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory).withSnapshotsToKeep(2);
        final SnapshotStore store = new SnapshotStore(configuration.snapshotDirectory(), FsyncMode.PER_BATCH);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            for (int round = 1; round <= 4; round++)
            {
                JournalFiles.writeCommands(writer, 100, 10);
                store.write(writer.lastCommittedSequence(), new byte[]{(byte)round}, new byte[0]);
            }
        }
        final List<Path> before = segments(configuration);

        final JournalRetention.Pruned pruned =
            JournalRetention.prune(store, configuration.journalDirectory(), configuration.snapshotsToKeep());

        assertThat(store.list()).extracting(SnapshotFile::lastSequence).containsExactly(400L, 300L);
        assertThat(pruned.snapshots()).hasSize(2);
        assertThat(pruned.segments()).isNotEmpty();
        final List<Path> after = segments(configuration);
        assertThat(after).hasSize(before.size() - pruned.segments().size());
        assertThat(JournalFormat.parseSequence(after.getFirst(), "journal-", ".log")).isLessThanOrEqualTo(301);
        assertThat(JournalFormat.parseSequence(after.get(1), "journal-", ".log")).isGreaterThan(301);
        assertThat(readFrom(configuration, 301)).hasSize(100);
    }

    @Test
    void shouldDeleteNothingWithoutSnapshotsAndNeverTheLastSegment()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        final SnapshotStore store = new SnapshotStore(configuration.snapshotDirectory(), FsyncMode.PER_BATCH);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 100, 10);
        }
        final List<Path> before = segments(configuration);

        assertThat(JournalRetention.prune(store, configuration.journalDirectory(), 1).segments()).isEmpty();

        store.write(1_000, new byte[0], new byte[0]);
        final JournalRetention.Pruned pruned = JournalRetention.prune(store, configuration.journalDirectory(), 1);
        assertThat(pruned.segments()).containsExactlyElementsOf(before.subList(0, before.size() - 1));
        assertThat(segments(configuration)).containsExactly(before.getLast());
    }

    @Test
    void shouldKeepASnapshotAtOrBeforeTheFloorAndEveryRecordAfterIt()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        final SnapshotStore store = new SnapshotStore(configuration.snapshotDirectory(), FsyncMode.PER_BATCH);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            for (int round = 1; round <= 4; round++)
            {
                JournalFiles.writeCommands(writer, 100, 10);
                store.write(writer.lastCommittedSequence(), new byte[]{(byte)round}, new byte[0]);
            }
        }

        JournalRetention.prune(store, configuration.journalDirectory(), 1, 150, null);

        assertThat(store.list()).extracting(SnapshotFile::lastSequence).containsExactly(400L, 100L);
        assertThat(readFrom(configuration, 101)).hasSize(300);

        JournalRetention.prune(store, configuration.journalDirectory(), 1, 50, null);
        assertThat(readFrom(configuration, 101)).hasSize(300);
    }

    @Test
    void shouldKeepTheWholeJournalWhenNoSnapshotIsAtOrBeforeTheFloor()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        final SnapshotStore store = new SnapshotStore(configuration.snapshotDirectory(), FsyncMode.PER_BATCH);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
            store.write(writer.lastCommittedSequence(), new byte[0], new byte[0]);
        }
        final List<Path> before = segments(configuration);

        final JournalRetention.Pruned pruned = JournalRetention.prune(store, configuration.journalDirectory(), 1, 0, null);

        assertThat(pruned.segments()).isEmpty();
        assertThat(segments(configuration)).isEqualTo(before);
        assertThat(readFrom(configuration, 1)).hasSize(200);
    }

    @Test
    void shouldMoveSegmentsToTheArchiveInsteadOfDeletingThem()
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        final SnapshotStore store = new SnapshotStore(configuration.snapshotDirectory(), FsyncMode.PER_BATCH);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
            store.write(writer.lastCommittedSequence(), new byte[0], new byte[0]);
        }
        final List<Path> before = segments(configuration);
        final Path archive = directory.resolve("archive");

        final JournalRetention.Pruned pruned = JournalRetention.prune(store, configuration.journalDirectory(), 1,
            JournalRetention.NO_FLOOR, archive);

        assertThat(pruned.segments()).containsExactlyElementsOf(before.subList(0, before.size() - 1));
        assertThat(segments(configuration)).containsExactly(before.getLast());
        final List<Long> sequences = new java.util.ArrayList<>();
        new JournalReader(archive, configuration.maxBatchBytes())
            .read(1, (sequence, timestampMs, command) -> sequences.add(sequence));
        assertThat(sequences).hasSize((int)JournalFormat.parseSequence(before.getLast(), "journal-", ".log") - 1);
    }
}
