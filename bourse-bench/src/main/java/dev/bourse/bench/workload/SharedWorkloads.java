package dev.bourse.bench.workload;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds shared/bench/workloads beside the repository (or at -Dbourse.workloads). */
public final class SharedWorkloads
{
    private SharedWorkloads()
    {
    }

    /** @return the shared workload file of that name. */
    public static Path file(final String name)
    {
        final String configured = System.getProperty("bourse.workloads");
        if (configured != null)
        {
            return Path.of(configured, name);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("shared/bench/workloads").resolve(name);
            if (Files.exists(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/bench/workloads/" + name + " not found above " +
            Path.of("").toAbsolutePath() + "; set -Dbourse.workloads=DIR");
    }
}
