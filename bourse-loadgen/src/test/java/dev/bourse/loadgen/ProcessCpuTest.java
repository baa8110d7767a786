package dev.bourse.loadgen;

import org.junit.jupiter.api.Test;

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
        final Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; " +
            "exec sleep 60").start();
        try
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
            long childNs = 0;
            while (childNs < TimeUnit.MILLISECONDS.toNanos(50) && System.nanoTime() < deadlineNs)
            {
                childNs = child.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
                Thread.onSpinWait();
            }
            assertThat(childNs).as("the child used CPU").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
            final long ownNs = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();

            assertThat(own.totalNs()).isGreaterThanOrEqualTo(ownNs + childNs);
        }
        finally
        {
            child.destroyForcibly().waitFor();
        }
    }
}
