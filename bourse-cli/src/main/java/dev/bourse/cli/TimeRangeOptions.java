package dev.bourse.cli;

import picocli.CommandLine.Option;

/** {@code --from} and {@code --to} of the history commands; each command says its default window. */
public final class TimeRangeOptions
{
    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class, description = "From this time.")
    Long fromMs;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class, description = "To this time.")
    Long toMs;
}
