package dev.bourse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bourse} command-line tool. Each job is a subcommand registered in {@link #subcommands()}; add new ones
 * there (or in the {@code subcommands} of the annotation). Every client command (all but {@code serve}) shares
 * the same exit codes ({@link ExitCode}) and reports failures through {@link FailureHandler}.
 */
@Command(
    name = "bourse",
    mixinStandardHelpOptions = true,
    version = "bourse 0.1.0-SNAPSHOT",
    description = "Bourse: an exchange server for the BITFRONT Open API, and its command-line client.",
    subcommands = {CommandLine.HelpCommand.class},
    footer = {
        "",
        "Client settings come from the flag, else the environment (BOURSE_URL,",
        "BOURSE_API_KEY, BOURSE_API_SECRET, BOURSE_ADMIN_URL, BOURSE_ADMIN_TOKEN), else",
        "the config file (--config, $BOURSE_CLI_CONFIG or ~/.bourse/config.properties;",
        "keys url, apiKey, apiSecret, adminUrl, adminToken), else the default.",
        "",
        "Examples:",
        "  ./bourse serve --data-dir ./data",
        "  ./bourse simulate --pairs BTC.USDT --data-dir ./data",
        "  ./bourse admin account create --data-dir ./data",
        "  ./bourse market book --pair BTC.USDT",
        "  ./bourse order place --pair BTC.USDT --side BUY --price 100 --quantity 0.5",
        "  ./bourse order list --pair BTC.USDT --json",
        "  ./bourse watch orders",
        "",
        "Each command has --help; see also docs/CLI.md."})
public final class BourseCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** @return the subcommands, in the order help lists them. */
    static Object[] subcommands()
    {
        return new Object[] {
            new ServeCommand(),
            new SimulateCommand(),
            new OrderCommand(),
            new BalancesCommand(),
            new TradesCommand(),
            new TransfersCommand(),
            new MarketCommand(),
            new WatchCommand(),
            new AdminCommand()};
    }

    /** @return the command line with every subcommand registered. */
    public static CommandLine commandLine()
    {
        final CommandLine commandLine = new CommandLine(new BourseCommand());
        for (final Object subcommand : subcommands())
        {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        final FailureHandler failureHandler = new FailureHandler();
        commandLine.setExecutionExceptionHandler(failureHandler);
        commandLine.setParameterExceptionHandler(failureHandler);
        for (final CommandLine subcommand : commandLine.getSubcommands().values())
        {
            if (!(subcommand.getCommand() instanceof ServeCommand || "help".equals(subcommand.getCommandName())))
            {
                describeExitCodes(subcommand, 0);
            }
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
        if (exitCode != 0 || !Foreground.isRunning())
        {
            System.exit(exitCode);
        }
    }

    private static void describeExitCodes(final CommandLine commandLine, final int depth)
    {
        if (depth > 4)
        {
            throw new IllegalStateException("commands nested deeper than 4: " + commandLine.getCommandName());
        }
        commandLine.getCommandSpec().usageMessage()
            .exitCodeListHeading("%nExit codes:%n")
            .exitCodeList(ExitCode.helpList());
        for (final CommandLine subcommand : commandLine.getSubcommands().values())
        {
            describeExitCodes(subcommand, depth + 1);
        }
    }
}
