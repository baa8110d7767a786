package dev.bourse.server.simulation;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;

/**
 * The seeded whole-server simulation ({@link ServerSimulation}) over many seeds. {@code -Dbourse.vopr.seeds=N} runs
 * seeds 1..N (default 24), {@code -Dbourse.vopr.commands=N} sets the commands per seed (default 400), and
 * {@code -Dbourse.vopr.seed=S} reproduces one seed; a failing seed prints itself.
 */
class ServerSimulationTest
{
    private static final int SEEDS = Integer.getInteger("bourse.vopr.seeds", 24);
    private static final int COMMANDS = Integer.getInteger("bourse.vopr.commands", 400);

    static LongStream seeds()
    {
        final String one = System.getProperty("bourse.vopr.seed");
        return one != null ? LongStream.of(Long.parseLong(one)) : LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldRecoverExactlyTheDurablePrefixAfterEveryFaultAndCrash(final long seed, @TempDir final Path dir)
        throws Exception
    {
        final Path dataDir = Files.createDirectories(dir.resolve("data"));
        final ServerSimulation simulation = new ServerSimulation(seed, COMMANDS, dataDir);
        try
        {
            System.out.println("server simulation seed " + seed + ": " + simulation.run());
        }
        catch (final AssertionError | RuntimeException ex)
        {
            System.out.println("server simulation seed " + seed + " failed; its last steps:\n" + simulation.trace());
            throw new AssertionError("server simulation seed " + seed + " failed; reproduce with " +
                "-Dbourse.vopr.seed=" + seed + " -Dtest=ServerSimulationTest: " + ex.getMessage(), ex);
        }
    }
}
