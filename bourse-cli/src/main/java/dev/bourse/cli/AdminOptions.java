package dev.bourse.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the admin commands: the admin URL and the bearer token (or the data directory holding it). */
public final class AdminOptions extends CommonOptions
{
    @Option(names = "--admin-url", paramLabel = "URL", description = "Admin API (default: $BOURSE_ADMIN_URL, "
        + "config adminUrl, else " + SettingsResolver.DEFAULT_ADMIN_URL + ").")
    String adminUrl;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
        description = "Admin token (default: --data-dir's admin.token, $BOURSE_ADMIN_TOKEN, config adminToken).")
    String adminToken;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "The server's data directory: read the token the server generated in DIR/admin.token.")
    Path dataDir;

    @Override
    public ClientSettings settings()
    {
        return SettingsResolver.ofProcess()
            .resolve(new SettingsResolver.Flags(config, null, null, null, adminUrl, adminToken, dataDir));
    }
}
