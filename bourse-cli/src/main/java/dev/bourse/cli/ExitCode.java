package dev.bourse.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the {@code bourse} client commands. A script can tell a refusal by the exchange (the request
 * arrived and was answered with a statusCode other than 1000) from a mistake on the command line and from a server
 * that could not be reached.
 */
public final class ExitCode
{
    /** The exchange answered statusCode 1000. */
    public static final int OK = 0;

    /** The exchange answered with a statusCode other than 1000; the code and its message are on stderr. */
    public static final int REFUSED = 1;

    /** The command line, the configuration file or the credentials are wrong or missing; nothing was sent. */
    public static final int USAGE = 2;

    /** The server could not be reached, did not answer in time, or answered something that is not the API. */
    public static final int UNREACHABLE = 3;

    /** A fault in the tool itself (a bug): the stack trace is on stderr. */
    public static final int INTERNAL = 4;

    /**
     * A request that is not safe to repeat (placing an order, an admin write) was sent but no answer came back: it
     * may or may not have been applied. Look (open orders, balances) before trying again.
     */
    public static final int OUTCOME_UNKNOWN = 5;

    /** @return the "Exit codes" section of every client command's help, code to meaning, in order. */
    static Map<String, String> helpList()
    {
        final Map<String, String> list = new LinkedHashMap<>();
        list.put(Integer.toString(OK), "The exchange answered statusCode 1000.");
        list.put(Integer.toString(REFUSED), "The exchange refused: statusCode and message on stderr.");
        list.put(Integer.toString(USAGE), "Usage: bad option, missing credentials or bad config file.");
        list.put(Integer.toString(UNREACHABLE), "Server unreachable, timed out, or not a Bourse answer.");
        list.put(Integer.toString(INTERNAL), "Internal error of the tool.");
        list.put(Integer.toString(OUTCOME_UNKNOWN), "Sent, but no answer: check before repeating it.");
        return list;
    }

    private ExitCode()
    {
    }
}
