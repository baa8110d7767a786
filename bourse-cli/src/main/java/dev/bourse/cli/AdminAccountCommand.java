package dev.bourse.cli;

import dev.bourse.client.BourseAdminClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bourse admin account}: open an account, show one. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Open an account, or show one's balances and open-order counts.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Examples:", "  ./bourse admin account create", "  ./bourse admin account show 1"})
public final class AdminAccountCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: create, show");
    }

    /** @return the exit code. */
    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Open an account; prints its ID.",
        footer = {"", "Examples:", "  ./bourse admin account create --data-dir ./data",
            "  ACCOUNT=$(./bourse admin account create --json | jq .accountId)"})
    int create(@Mixin final AdminOptions options)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            final long accountId = client.createAccount();
            return Sdk.print(options, Output.JSON.createObjectNode().put("accountId", accountId),
                Views.ACCOUNT_CREATED);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show an account's balances and open-order count (4101 when it does not exist).",
        footer = {"", "Example:", "  ./bourse admin account show 1"})
    int show(
        @Mixin final AdminOptions options,
        @Parameters(paramLabel = "ACCOUNT_ID", description = "The account.") final long accountId)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            return Sdk.print(options, client.account(accountId), Views.ACCOUNT);
        }
    }
}
