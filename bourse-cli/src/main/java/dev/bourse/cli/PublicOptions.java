package dev.bourse.cli;

import picocli.CommandLine.Option;

/** Options of the commands that use the public API without signing: the URL. */
public class PublicOptions extends CommonOptions
{
    @Option(names = "--url", paramLabel = "URL",
        description = "Public API (default: $BOURSE_URL, config url, else " + SettingsResolver.DEFAULT_URL + ").")
    String url;

    @Override
    public ClientSettings settings()
    {
        return SettingsResolver.ofProcess().resolve(flags());
    }

    /** @return the flags given; subclasses add theirs. */
    SettingsResolver.Flags flags()
    {
        return new SettingsResolver.Flags(config, url, null, null, null, null, null);
    }
}
