package dev.bourse.journal;

/**
 * A command that cannot be encoded (too large, or a string that is not valid Unicode) or bytes that do not decode to
 * a command (unknown type tag, truncated or trailing bytes, invalid UTF-8).
 */
public final class CommandCodecException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the values involved. */
    public CommandCodecException(final String message)
    {
        super(message);
    }
}
