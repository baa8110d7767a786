package dev.bourse.cli;

/**
 * A mistake of the user found after parsing: missing credentials, an unreadable or wrong configuration file. The
 * tool prints the message and exits with {@link ExitCode#USAGE}; nothing is sent to the exchange.
 */
public final class UsageException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it. */
    public UsageException(final String message)
    {
        super(message);
    }
}
