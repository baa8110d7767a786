package dev.bourse.simulator;

/** A recorded trade file that cannot be used; the message names the file and line and says what is wrong. */
public final class TradeFileException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where. */
    public TradeFileException(final String message)
    {
        super(message);
    }
}
