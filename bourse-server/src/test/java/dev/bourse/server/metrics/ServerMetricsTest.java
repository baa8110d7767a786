package dev.bourse.server.metrics;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.server.gateway.ApiResponse;
import dev.bourse.server.gateway.RequestMetrics;
import dev.bourse.server.gateway.Route;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServerMetricsTest
{
    private static final int CALLS = 10_000;

    @Test
    void shouldNotAllocatePerBatchPerAnswerOrPerCommandOnceWarm()
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "this JVM does not count allocated bytes per thread");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Route route = Route.of("DELETE", "/v1/trade/orders/{orderID}", Route.Access.SIGNED,
            request -> CompletableFuture.completedFuture(ApiResponse.failure(Status.BAD_REQUEST)));
        final CancelOrder command = new CancelOrder(1, 2);
        try (ServerMetrics metrics = new ServerMetrics())
        {
            final RequestMetrics requests = metrics.requests("public", List.of(route));
            for (int i = 0; i < 20 * CALLS; i++)
            {
                report(metrics, requests, route, command, i);
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < CALLS; i++)
            {
                report(metrics, requests, route, command, i);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(allocated).as("bytes allocated by %d rounds of reports", CALLS).isLessThan(CALLS);
            assertThat(metrics.scrape()).contains("bourse_commands_total{status=\"1000\",type=\"CancelOrder\"} " +
                21 * CALLS / 2);
        }
    }

    private static void report(final ServerMetrics metrics, final RequestMetrics requests, final Route route,
        final CancelOrder command, final int i)
    {
        metrics.batchCommitted(1 + i % 1024, 1_000 + i, 2_000 + i, 100_000 + i);
        final Status status = i % 2 == 0 ? Status.SUCCESS : Status.ORIGINAL_REQUEST_NOT_FOUND;
        requests.requestAnswered(i % 3 == 0 ? null : route, status, 500_000 + i);
        metrics.commandAnswered(command, status);
    }
}
