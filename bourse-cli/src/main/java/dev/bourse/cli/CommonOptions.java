package dev.bourse.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options every client command takes: the configuration file and {@code --json}. Subclasses add the
 * connection options of the public or the admin API.
 */
public abstract class CommonOptions
{
    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file (default: $BOURSE_CLI_CONFIG, else ~/.bourse/config.properties).")
    Path config;

    @Option(names = "--json", description = "Print the answer's responseData as JSON (for scripts).")
    boolean json;

    @Option(names = "--timeout-ms", paramLabel = "MS",
        description = "How long to wait to connect and for each answer (default 5000 to connect, 10000 to answer).")
    Long timeoutMs;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** @return where the answer goes: stdout, as a view or as JSON. */
    public Output output()
    {
        return new Output(mixee.commandLine().getOut(), json);
    }

    /** @return the settings from these flags, the environment and the configuration file. */
    public abstract ClientSettings settings();

    /** @return the timeout given by {@code --timeout-ms}, or null for the SDK's defaults. */
    public Duration timeout()
    {
        if (timeoutMs == null)
        {
            return null;
        }
        if (timeoutMs <= 0)
        {
            throw new UsageException("--timeout-ms must be positive: " + timeoutMs);
        }
        return Duration.ofMillis(timeoutMs);
    }
}
