package dev.bourse.cli;

import dev.bourse.client.BourseClientException;
import dev.bourse.client.BourseException;
import dev.bourse.client.OutcomeUnknownException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns what a command line could not parse, and what a client command threw, into a line on stderr and its
 * {@link ExitCode}: a refusal by the exchange prints {@code bourse: statusCode CODE: MESSAGE}; a usage mistake, an
 * unreachable server or an unknown outcome prints what happened; anything else is a bug of the tool and prints its
 * stack trace. {@code serve} keeps picocli's own handling of its failures (stack trace, exit code 1).
 */
public final class FailureHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler
{
    /**
     * A mistake on the command line: the message, suggestions for a mistyped name, and where to find help, instead
     * of the whole usage text.
     */
    @Override
    public int handleParseException(final CommandLine.ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final PrintWriter err = commandLine.getErr();
        err.println("bourse: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
        throws Exception
    {
        if (commandLine.getCommand() instanceof ServeCommand)
        {
            throw ex;
        }
        final PrintWriter err = commandLine.getErr();
        final int exitCode = exitCode(ex);
        if (exitCode == ExitCode.INTERNAL)
        {
            err.println("bourse: internal error: " + ex);
            ex.printStackTrace(err);
        }
        else
        {
            err.println("bourse: " + message(ex));
        }
        err.flush();
        return exitCode;
    }

    /**
     * @param ex what a command threw.
     * @return its exit code.
     */
    static int exitCode(final Throwable ex)
    {
        return switch (ex)
        {
            case final BourseException refusal -> ExitCode.REFUSED;
            case final OutcomeUnknownException unknown -> ExitCode.OUTCOME_UNKNOWN;
            case final BourseClientException transport -> ExitCode.UNREACHABLE;
            case final UsageException usage -> ExitCode.USAGE;
            default -> ExitCode.INTERNAL;
        };
    }

    /**
     * @param ex what a command threw, not an internal error.
     * @return the line for stderr, without the {@code bourse: } prefix.
     */
    static String message(final Throwable ex)
    {
        if (ex instanceof final BourseException refusal)
        {
            return "statusCode " + refusal.code() + ": " + refusal.statusMessage();
        }
        if (ex instanceof final BourseClientException transport)
        {
            final Throwable cause = transport.getCause();
            return transport.getMessage() + (cause == null || transport.getMessage().contains(cause.toString()) ?
                "" : " (" + cause + ")");
        }
        return ex.getMessage();
    }
}
