package dev.bourse.cli;

import dev.bourse.client.BourseAdminClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code bourse admin account}: open an account, show one, list the accounts with a label. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Open an account, show one's label, balances and open-order counts, or list those with a label.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Examples:", "  ./bourse admin account create", "  ./bourse admin account create --label desk-1",
        "  ./bourse admin account show 1", "  ./bourse admin account list --label simulated"})
public final class AdminAccountCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: create, show, list");
    }

    /** @return the exit code. */
    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Open an account; prints its ID.",
        footer = {"", "Examples:", "  ./bourse admin account create --data-dir ./data",
            "  ./bourse admin account create --label desk-1",
            "  ACCOUNT=$(./bourse admin account create --json | jq .accountId)"})
    int create(
        @Mixin final AdminOptions options,
        @Option(names = "--label", paramLabel = "LABEL", defaultValue = "",
            description = "A tag to list the account by: 1..32 of A-Z a-z 0-9 _ . - (default none).")
        final String label)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            final long accountId = client.createAccount(label);
            return Sdk.print(options, Output.JSON.createObjectNode().put("accountId", accountId).put("label", label),
                Views.ACCOUNT_CREATED);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the accounts with a label, ascending (prints their IDs).",
        footer = {"", "Examples:", "  ./bourse admin account list --label simulated",
            "  ./bourse admin account list --label simulated --json | jq '.[]'"})
    int list(
        @Mixin final AdminOptions options,
        @Option(names = "--label", required = true, paramLabel = "LABEL", description = "The label.")
        final String label)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            final List<Long> accountIds = client.accountIds(label);
            return Sdk.print(options, accountIds, Views.ACCOUNT_IDS);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show an account's label, balances and open-order count (4101 when it does not exist).",
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
