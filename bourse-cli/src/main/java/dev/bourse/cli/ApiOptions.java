package dev.bourse.cli;

import picocli.CommandLine.Option;

/** Options of the commands that sign their requests: the URL, the API key and its secret. */
public final class ApiOptions extends PublicOptions
{
    @Option(names = "--api-key", paramLabel = "KEY", description = "API key (default: $BOURSE_API_KEY, config apiKey).")
    String apiKey;

    @Option(names = "--api-secret", paramLabel = "SECRET",
        description = "API secret (default: $BOURSE_API_SECRET, config apiSecret). Prefer the environment or the "
            + "config file: a flag is visible to other users in the process list.")
    String apiSecret;

    @Override
    SettingsResolver.Flags flags()
    {
        return new SettingsResolver.Flags(config, url, apiKey, apiSecret, null, null, null);
    }
}
