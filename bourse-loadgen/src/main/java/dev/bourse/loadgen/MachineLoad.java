package dev.bourse.loadgen;

import dev.bourse.bench.Figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine is: the one-minute load average of {@code /proc/loadavg} (Linux), printed at the start and end of
 * a run so that a reader can tell a quiet run from one that shared its cores.
 */
final class MachineLoad
{
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad()
    {
    }

    /** Adds {@code machine.cpus} (at the start) and {@code machine.load_average_1m.<when>} when it is readable. */
    static void report(final Figures report, final String when)
    {
        if ("start".equals(when))
        {
            report.add("machine.cpus", Runtime.getRuntime().availableProcessors(), "cpus");
        }
        try
        {
            final String[] fields = Files.readString(LOADAVG).trim().split("\\s+");
            report.add("machine.load_average_1m." + when, Double.parseDouble(fields[0]), "runnable");
        }
        catch (final IOException | RuntimeException ex)
        {
            System.err.println("bench: no load average (" + ex + ")");
        }
    }
}
