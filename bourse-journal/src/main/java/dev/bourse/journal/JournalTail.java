package dev.bourse.journal;

import java.nio.file.Path;

/**
 * Where the valid part of the journal ends, as found by {@link JournalReader#read}.
 *
 * @param segment              the last segment, or null when the journal has none.
 * @param segmentFirstSequence the first sequence number of the last segment (its name's), 0 when none.
 * @param validEndOffset       the end of the last valid record (or of the header) in the last segment; 0 when its
 *                             header itself is torn.
 * @param fileSize             the size of the last segment as found.
 * @param lastSequence         the sequence number of the last valid record; {@code segmentFirstSequence - 1} when
 *                             the last segment holds none, 0 for an empty journal.
 * @param tornReason           why the bytes after {@code validEndOffset} are a torn write, or null when there are
 *                             none.
 * @param codecVersion         the command encoding version of the last segment's records ({@link CommandCodec});
 *                             the current version when the journal has no segment or the last one's header is torn.
 */
public record JournalTail(
    Path segment, long segmentFirstSequence, long validEndOffset, long fileSize, long lastSequence, String tornReason,
    int codecVersion)
{
    /** The tail of a journal without segments. */
    public static final JournalTail EMPTY = new JournalTail(null, 0, 0, 0, 0, null, CommandCodec.VERSION);

    /** @return true when the last segment ends with a torn write that must be truncated. */
    public boolean isTorn()
    {
        return validEndOffset < fileSize;
    }

    /** @return true when the last segment holds at least one valid record. */
    public boolean hasRecords()
    {
        return lastSequence >= segmentFirstSequence && segment != null;
    }
}
