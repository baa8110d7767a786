package dev.bourse.cli;

import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.BourseAdminClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code bourse admin key}: issue, list and revoke API keys. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Issue, list and revoke the API keys of an account.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Examples:", "  ./bourse admin key issue --account 1",
        "  ./bourse admin key list --account 1", "  ./bourse admin key revoke AbCdEfGhIjKlMnOpQrSt"})
public final class AdminKeyCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: issue, list, revoke");
    }

    /** @return the exit code. */
    @Command(
        name = "issue",
        mixinStandardHelpOptions = true,
        description = {
            "Issue an API key for an account; its secret is shown this once.",
            "Keep it, for example in ~/.bourse/config.properties as apiKey and apiSecret, or in BOURSE_API_KEY and "
            + "BOURSE_API_SECRET."},
        footer = {"", "Examples:", "  ./bourse admin key issue --account 1",
            "  ./bourse admin key issue --account 1 --rps 10 --rpm 600 --allowed-ip ::1",
            "  ./bourse admin key issue --account 1 --json | jq -r '.apiKey, .apiSecret'"})
    int issue(
        @Mixin final AdminOptions options,
        @Option(names = "--account", required = true, paramLabel = "ID", description = "The account.")
        final long accountId,
        @Option(names = "--rps", paramLabel = "N", description = "Requests a second (1..rpm, default 3).")
        final Integer rps,
        @Option(names = "--rpm", paramLabel = "N", description = "Requests a minute (1..100000, default 60).")
        final Integer rpm,
        @Option(names = "--allowed-ip", paramLabel = "IP", split = ",",
            description = "An IP the key may be used from (repeat or comma-separate; default any).")
        final List<String> allowedIps)
    {
        final ApiKeyRequest request = new ApiKeyRequest(rps, rpm, allowedIps);
        try (BourseAdminClient client = Sdk.admin(options))
        {
            return Sdk.print(options, client.issueApiKey(accountId, request), Views.ISSUED_KEY);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List an account's API keys with their limits and whether they are enabled (never secrets).",
        footer = {"", "Example:", "  ./bourse admin key list --account 1"})
    int list(
        @Mixin final AdminOptions options,
        @Option(names = "--account", required = true, paramLabel = "ID", description = "The account.")
        final long accountId)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            return Sdk.print(options, client.apiKeys(accountId), Views.KEYS);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = "Revoke an API key: its requests are refused (6002) from now on; 6001 for an unknown key.",
        footer = {"", "Example:", "  ./bourse admin key revoke AbCdEfGhIjKlMnOpQrSt"})
    int revoke(
        @Mixin final AdminOptions options,
        @Parameters(paramLabel = "API_KEY", description = "The key to revoke.") final String apiKey)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            client.revokeApiKey(apiKey);
            return Sdk.print(options, Output.JSON.createObjectNode().put("apiKey", apiKey), Views.REVOKED);
        }
    }
}
