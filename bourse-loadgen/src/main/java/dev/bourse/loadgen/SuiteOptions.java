package dev.bourse.loadgen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The suite's command line.
 *
 * @param quick    the CI smoke run: small sizes, short phases, no plots.
 * @param parts    which parts run: engine, server, streams, cluster, journal, history.
 * @param cliJar   the Bourse command-line jar whose {@code serve} is measured.
 * @param plotsDir where the full run writes its plots.
 * @param peer     the peer harness folder to run beside Bourse's engine ({@link SideBySide}), or null for none.
 * @param peerJava the JDK 17 {@code java} to run the peer with, or null to look for one.
 * @param rounds   rounds of the side-by-side run.
 * @param soakMinutes minutes of the soak run ({@code --soak}: 10, {@code --soak-minutes N}), which then runs alone;
 *                    0 for the suite.
 */
public record SuiteOptions(boolean quick, Set<String> parts, Path cliJar, Path plotsDir, Path peer, Path peerJava,
    int rounds, int soakMinutes)
{
    /** Default of {@code --rounds}. */
    public static final int DEFAULT_ROUNDS = 3;

    /** Default of {@code --cli-jar}, relative to the working directory (./bourse runs from the repository). */
    public static final Path DEFAULT_CLI_JAR = Path.of("bourse-cli", "target", "bourse-cli.jar");
    /** Default of {@code --plots-dir}. */
    public static final Path DEFAULT_PLOTS_DIR = Path.of("docs", "bench");

    /**
     * @param args  the arguments.
     * @param known the parts there are.
     * @return the options.
     * @throws IllegalArgumentException on an unknown or incomplete argument.
     */
    public static SuiteOptions parse(final String[] args, final Set<String> known)
    {
        boolean quick = false;
        Set<String> parts = new LinkedHashSet<>(known);
        Path cliJar = DEFAULT_CLI_JAR;
        Path plotsDir = DEFAULT_PLOTS_DIR;
        Path peer = null;
        Path peerJava = null;
        int rounds = DEFAULT_ROUNDS;
        int soakMinutes = 0;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--quick" -> quick = true;
                case "--parts" -> parts = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
                case "--cli-jar" -> cliJar = Path.of(value(args, ++i));
                case "--plots-dir" -> plotsDir = Path.of(value(args, ++i));
                case "--soak" -> soakMinutes = soakMinutes > 0 ? soakMinutes : SoakRun.DEFAULT_MINUTES;
                case "--soak-minutes" -> soakMinutes = minutes(value(args, ++i));
                case "--peer" -> peer = Path.of(value(args, ++i));
                case "--peer-java" -> peerJava = Path.of(value(args, ++i));
                case "--rounds" -> rounds = rounds(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (parts.isEmpty() || !known.containsAll(parts))
        {
            throw new IllegalArgumentException("parts must be among " + known + ": " + parts);
        }
        return new SuiteOptions(quick, Set.copyOf(parts), cliJar, plotsDir, peer, peerJava, rounds, soakMinutes);
    }

    private static int minutes(final String value)
    {
        try
        {
            final int minutes = Integer.parseInt(value);
            if (minutes > 0)
            {
                return minutes;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // refused below
        }
        throw new IllegalArgumentException("--soak-minutes needs a positive number of minutes: " + value);
    }

    private static int rounds(final String value)
    {
        try
        {
            final int rounds = Integer.parseInt(value);
            if (rounds >= 1)
            {
                return rounds;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // refused below
        }
        throw new IllegalArgumentException("--rounds needs a whole number of at least 1: " + value);
    }

    private static String value(final String[] args, final int index)
    {
        if (index >= args.length)
        {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
