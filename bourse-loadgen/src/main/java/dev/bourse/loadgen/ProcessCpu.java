package dev.bourse.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU time a server has used so far: its process and every process it started, and the embedded PostgreSQL's
 * processes, as the operating system counts it (in clock ticks, 10 ms on Linux). PostgreSQL's server detaches itself
 * from the process that started it (its parent becomes init), so it is found by the process ID in its
 * {@code postmaster.pid} file, with its own descendants (backends, writers). Read before and after a phase, the total
 * gives the server's CPU cost of each request, which the machine's noise moves far less than a throughput.
 */
public final class ProcessCpu
{
    private final ProcessHandle process;
    private final Path detachedPidFile;

    private ProcessCpu(final ProcessHandle process, final Path detachedPidFile)
    {
        this.process = process;
        this.detachedPidFile = detachedPidFile;
    }

    /** @param pid the server's process ID. @return its CPU clock. */
    public static ProcessCpu of(final long pid)
    {
        return of(pid, null);
    }

    /**
     * @param pid             the server's process ID.
     * @param detachedPidFile a file whose first line is the ID of a process the server started and that detached
     *                        itself (PostgreSQL's {@code postmaster.pid}); counted with its descendants while the file
     *                        names a live process; null for none.
     * @return its CPU clock.
     */
    public static ProcessCpu of(final long pid, final Path detachedPidFile)
    {
        return new ProcessCpu(ProcessHandle.of(pid).orElseThrow(() ->
            new IllegalArgumentException("no process " + pid)), detachedPidFile);
    }

    /** @return the CPU time used so far by the processes counted, each once, in nanoseconds. */
    public long totalNs()
    {
        final Set<ProcessHandle> counted = new HashSet<>();
        addWithDescendants(process, counted);
        detached().ifPresent(root -> addWithDescendants(root, counted));
        long total = 0;
        for (final ProcessHandle handle : counted)
        {
            total += cpuNs(handle);
        }
        return total;
    }

    private Optional<ProcessHandle> detached()
    {
        if (detachedPidFile == null)
        {
            return Optional.empty();
        }
        try
        {
            final List<String> lines = Files.readAllLines(detachedPidFile);
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()));
        }
        catch (final IOException | NumberFormatException ex)
        {
            return Optional.empty();
        }
    }

    private static void addWithDescendants(final ProcessHandle root, final Set<ProcessHandle> counted)
    {
        counted.add(root);
        root.descendants().forEach(counted::add);
    }

    private static long cpuNs(final ProcessHandle handle)
    {
        return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
