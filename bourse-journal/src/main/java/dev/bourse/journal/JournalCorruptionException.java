package dev.bourse.journal;

import java.nio.file.Path;

/**
 * The journal or a snapshot holds data that is not what was written: a bad checksum followed by more data, a gap or
 * repeat in sequence numbers, a bad file header. Recovery stops: nothing is skipped silently. The message names the
 * file and the byte offset.
 */
public final class JournalCorruptionException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    /**
     * @param file   the damaged file.
     * @param offset the byte offset in it where the damage starts.
     * @param reason what is wrong.
     */
    public JournalCorruptionException(final Path file, final long offset, final String reason)
    {
        this(file, offset, reason, null);
    }

    /**
     * @param file   the damaged file.
     * @param offset the byte offset in it where the damage starts.
     * @param reason what is wrong.
     * @param cause  the failure that revealed it.
     */
    public JournalCorruptionException(final Path file, final long offset, final String reason, final Throwable cause)
    {
        super(file + " at offset " + offset + ": " + reason, cause);
        this.file = file;
        this.offset = offset;
    }

    /** @return the damaged file. */
    public Path file()
    {
        return file;
    }

    /** @return the byte offset in the file where the damage starts. */
    public long offset()
    {
        return offset;
    }
}
