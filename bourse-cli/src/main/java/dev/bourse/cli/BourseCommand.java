package dev.bourse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bourse} command-line tool. Each job is a subcommand registered in {@link #subcommands()}; add new ones
 * there (or in the {@code subcommands} of the annotation).
 */
@Command(
    name = "bourse",
    mixinStandardHelpOptions = true,
    version = "bourse 0.1.0-SNAPSHOT",
    description = "Bourse: an exchange server for the BITFRONT Open API.",
    subcommands = {CommandLine.HelpCommand.class})
public final class BourseCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** @return the subcommands, in the order help lists them. */
    static Object[] subcommands()
    {
        return new Object[] {new ServeCommand()};
    }

    /** @return the command line with every subcommand registered. */
    public static CommandLine commandLine()
    {
        final CommandLine commandLine = new CommandLine(new BourseCommand());
        for (final Object subcommand : subcommands())
        {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(System.out);
    }

    /** @param args the command line. */
    public static void main(final String[] args)
    {
        final int exitCode = commandLine().execute(args);
        if (exitCode != 0 || !ServeCommand.isServing())
        {
            System.exit(exitCode);
        }
    }
}
