package dev.bourse.loadgen;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest
{
    private static final long DEADLINE_MS = 60_000;

    @Test
    void shouldCountTheCpuOfTheProcessesAServerStarted() throws Exception
    {
        final ProcessCpu own = ProcessCpu.of(ProcessHandle.current().pid());
        final Process child = busyThenSleeping();
        try
        {
            final long childNs = cpuAfterItsBusyPart(child);
            final long ownNs = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();

            assertThat(own.totalNs()).isGreaterThanOrEqualTo(ownNs + childNs);
        }
        finally
        {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void shouldCountADetachedProcessNamedByItsPidFile(@TempDir final Path directory) throws Exception
    {
        final Process server = new ProcessBuilder("sleep", "60").start();
        final Process detached = busyThenSleeping();
        try
        {
            final long detachedNs = cpuAfterItsBusyPart(detached);
            final Path pidFile = directory.resolve("postmaster.pid");
            final ProcessCpu withoutFile = ProcessCpu.of(server.pid(), pidFile);
            assertThat(withoutFile.totalNs()).as("no file yet: the server alone").isLessThan(detachedNs);

            Files.writeString(pidFile, detached.pid() + "\n/some/data/directory\n");

            assertThat(ProcessCpu.of(server.pid(), pidFile).totalNs()).isGreaterThanOrEqualTo(detachedNs);
        }
        finally
        {
            server.destroyForcibly().waitFor();
            detached.destroyForcibly().waitFor();
        }
    }

    private static Process busyThenSleeping() throws Exception
    {
        return new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; exec sleep 60")
            .start();
    }

    /** @return the process's CPU once it used at least 50 ms (the test fails if it does not within the deadline). */
    private static long cpuAfterItsBusyPart(final Process process)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        long cpuNs = 0;
        while (cpuNs < TimeUnit.MILLISECONDS.toNanos(50) && System.nanoTime() < deadlineNs)
        {
            cpuNs = process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            Thread.onSpinWait();
        }
        assertThat(cpuNs).as("the process used CPU").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        return cpuNs;
    }
}
