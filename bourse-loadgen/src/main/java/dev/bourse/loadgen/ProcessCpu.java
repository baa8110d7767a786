package dev.bourse.loadgen;

import java.time.Duration;

/**
 * The CPU time a server has used so far: its process and every process it started (the embedded PostgreSQL's), as
 * the operating system counts it (in clock ticks, 10 ms on Linux). Read before and after a phase, it gives the server's
 * CPU cost of each request, which the machine's noise moves far less than a throughput.
 */
public final class ProcessCpu
{
    private final ProcessHandle process;

    private ProcessCpu(final ProcessHandle process)
    {
        this.process = process;
    }

    /** @param pid the server's process ID. @return its CPU clock. */
    public static ProcessCpu of(final long pid)
    {
        return new ProcessCpu(ProcessHandle.of(pid).orElseThrow(() ->
            new IllegalArgumentException("no process " + pid)));
    }

    /** @return the CPU time used so far by the process and its live descendants, in nanoseconds. */
    public long totalNs()
    {
        long total = cpuNs(process);
        for (final ProcessHandle child : process.descendants().toList())
        {
            total += cpuNs(child);
        }
        return total;
    }

    private static long cpuNs(final ProcessHandle handle)
    {
        return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
