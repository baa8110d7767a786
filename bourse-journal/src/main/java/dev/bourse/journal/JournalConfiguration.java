package dev.bourse.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the journal and the snapshots are kept. Every buffer and file has a bound.
 *
 * @param directory          the data directory: segments in {@code journal/}, snapshots in {@code snapshots/}.
 * @param fsyncMode          {@link FsyncMode#PER_BATCH} (default) or the unsafe {@link FsyncMode#NONE}.
 * @param segmentSizeBytes   a segment is rolled over when the next record would take it past this size.
 * @param maxRecordBytes     the largest encoded command accepted by {@link JournalWriter#append}.
 * @param maxBatchBytes      the batch buffer: a batch that would outgrow it is committed early by {@code append}.
 *                           Also the largest torn tail that recovery truncates: an invalid record further than this
 *                           from the end of the last segment cannot be a torn write and is reported as corruption.
 * @param snapshotsToKeep    how many snapshots {@link JournalRetention} keeps, at least 1.
 * @param progressIntervalMs the least time between two progress lines of a long replay.
 * @param segmentChannels    how the writer opens segments ({@link SegmentChannels#FILES}; a simulation injects
 *                           faults).
 * @param archiveDirectory   where {@link JournalRetention} moves the segments it no longer needs, so that the whole
 *                           command history stays available for audits; null to delete them.
 */
public record JournalConfiguration(
    Path directory,
    FsyncMode fsyncMode,
    long segmentSizeBytes,
    int maxRecordBytes,
    int maxBatchBytes,
    int snapshotsToKeep,
    long progressIntervalMs,
    SegmentChannels segmentChannels,
    Path archiveDirectory)
{
    /** Default segment size: 64 MiB. */
    public static final long DEFAULT_SEGMENT_SIZE_BYTES = 64L * 1024 * 1024;
    /** Default largest command: 64 KiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;
    /** Default batch buffer: 4 MiB. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 4 * 1024 * 1024;
    /** Default number of snapshots kept. */
    public static final int DEFAULT_SNAPSHOTS_TO_KEEP = 3;
    /** Default interval of replay progress lines. */
    public static final long DEFAULT_PROGRESS_INTERVAL_MS = 5_000;
    /** The largest segment size allowed (a segment is read through one mapping). */
    public static final long MAX_SEGMENT_SIZE_BYTES = 1024L * 1024 * 1024;
    /** The largest batch buffer allowed. */
    public static final int MAX_BATCH_BYTES = 256 * 1024 * 1024;

    private static final String JOURNAL_DIRECTORY = "journal";
    private static final String SNAPSHOT_DIRECTORY = "snapshots";

    public JournalConfiguration
    {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(fsyncMode, "fsyncMode");
        Objects.requireNonNull(segmentChannels, "segmentChannels");
        if (maxRecordBytes < 1 || maxRecordBytes > JournalFormat.MAX_PAYLOAD_BYTES)
        {
            throw new IllegalArgumentException("maxRecordBytes must be in 1.." + JournalFormat.MAX_PAYLOAD_BYTES +
                ": " + maxRecordBytes);
        }
        if (maxBatchBytes < JournalFormat.RECORD_HEADER_BYTES + maxRecordBytes || maxBatchBytes > MAX_BATCH_BYTES)
        {
            throw new IllegalArgumentException("maxBatchBytes must hold one largest record and be at most " +
                MAX_BATCH_BYTES + ": " + maxBatchBytes);
        }
        if (segmentSizeBytes < JournalFormat.SEGMENT_HEADER_BYTES + JournalFormat.RECORD_HEADER_BYTES + maxRecordBytes ||
            segmentSizeBytes > MAX_SEGMENT_SIZE_BYTES)
        {
            throw new IllegalArgumentException("segmentSizeBytes must hold a header and one largest record and be " +
                "at most " + MAX_SEGMENT_SIZE_BYTES + ": " + segmentSizeBytes);
        }
        if (snapshotsToKeep < 1)
        {
            throw new IllegalArgumentException("snapshotsToKeep must be at least 1: " + snapshotsToKeep);
        }
        if (progressIntervalMs < 1)
        {
            throw new IllegalArgumentException("progressIntervalMs must be positive: " + progressIntervalMs);
        }
    }

    /**
     * @param directory the data directory.
     * @return the defaults: fsync per batch, 64 MiB segments, 64 KiB records, 4 MiB batches, 3 snapshots, progress
     * every 5 s.
     */
    public static JournalConfiguration defaults(final Path directory)
    {
        return new JournalConfiguration(directory, FsyncMode.PER_BATCH, DEFAULT_SEGMENT_SIZE_BYTES,
            DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_BATCH_BYTES, DEFAULT_SNAPSHOTS_TO_KEEP,
            DEFAULT_PROGRESS_INTERVAL_MS, SegmentChannels.FILES, null);
    }

    /** @return the directory of the journal segments. */
    public Path journalDirectory()
    {
        return directory.resolve(JOURNAL_DIRECTORY);
    }

    /** @return the directory of the snapshots. */
    public Path snapshotDirectory()
    {
        return directory.resolve(SNAPSHOT_DIRECTORY);
    }

    /** @return a copy with another fsync mode. */
    public JournalConfiguration withFsyncMode(final FsyncMode mode)
    {
        return new JournalConfiguration(directory, mode, segmentSizeBytes, maxRecordBytes, maxBatchBytes,
            snapshotsToKeep, progressIntervalMs, segmentChannels, archiveDirectory);
    }

    /** @return a copy with other sizes. */
    public JournalConfiguration withSizes(final long segmentBytes, final int recordBytes, final int batchBytes)
    {
        return new JournalConfiguration(directory, fsyncMode, segmentBytes, recordBytes, batchBytes,
            snapshotsToKeep, progressIntervalMs, segmentChannels, archiveDirectory);
    }

    /** @return a copy that keeps another number of snapshots. */
    public JournalConfiguration withSnapshotsToKeep(final int count)
    {
        return new JournalConfiguration(directory, fsyncMode, segmentSizeBytes, maxRecordBytes, maxBatchBytes,
            count, progressIntervalMs, segmentChannels, archiveDirectory);
    }

    /** @return a copy whose writer opens segments through these channels. */
    public JournalConfiguration withSegmentChannels(final SegmentChannels channels)
    {
        return new JournalConfiguration(directory, fsyncMode, segmentSizeBytes, maxRecordBytes, maxBatchBytes,
            snapshotsToKeep, progressIntervalMs, channels, archiveDirectory);
    }

    /** @return a copy with another progress interval. */
    public JournalConfiguration withProgressIntervalMs(final long intervalMs)
    {
        return new JournalConfiguration(directory, fsyncMode, segmentSizeBytes, maxRecordBytes, maxBatchBytes,
            snapshotsToKeep, intervalMs, segmentChannels, archiveDirectory);
    }

    /** @return a copy that moves the segments retention no longer needs to this directory (null: delete them). */
    public JournalConfiguration withArchiveDirectory(final Path archive)
    {
        return new JournalConfiguration(directory, fsyncMode, segmentSizeBytes, maxRecordBytes, maxBatchBytes,
            snapshotsToKeep, progressIntervalMs, segmentChannels, archive);
    }
}
