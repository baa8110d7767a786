package dev.bourse.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The queue of requests waiting for a permit, on a hand-set clock. */
class PermitQueueTest
{
    private final AtomicLong nowMs = new AtomicLong(10_000);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void tearDown()
    {
        scheduler.shutdownNow();
    }

    private PermitQueue queue(final int perSecond, final int capacity)
    {
        return new PermitQueue(new RateLimits(new RateWindow(perSecond, 60, 0), new RateWindow(1, 30, 0)),
            () -> Instant.ofEpochMilli(nowMs.get()), scheduler, capacity);
    }

    @Test
    void shouldGrantAtOnceWhileTheWindowHasRoom()
    {
        final PermitQueue queue = queue(2, 10);

        assertThat(queue.acquire(false, 1_000, "GET", "/a")).isCompleted();
        assertThat(queue.acquire(false, 1_000, "GET", "/a")).isCompleted();
        assertThat(queue.acquire(false, 1_000, "GET", "/a")).isNotDone();
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void shouldGrantTheWaiterOneWindowAfterTheAnswer() throws Exception
    {
        final PermitQueue queue = queue(1, 10);
        final RateLimits.Permit first = queue.acquire(false, 5_000, "GET", "/a").get();
        final CompletableFuture<RateLimits.Permit> second = queue.acquire(false, 5_000, "GET", "/a");

        queue.release(first);
        assertThat(second).isNotDone();
        nowMs.addAndGet(1_000);

        assertThat(second.get()).isNotNull();
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void shouldFailAWaiterPastItsBoundWithoutGrantingIt() throws Exception
    {
        final PermitQueue queue = queue(1, 10);
        queue.acquire(false, 0, "GET", "/a").get();

        final ExecutionException failed = catchThrowableOfType(ExecutionException.class,
            () -> queue.acquire(false, 0, "POST", "/v1/trade/limitOrders").get());

        assertThat(failed.getCause()).isInstanceOf(RateLimitTimeoutException.class)
            .hasMessageContaining("not sent").hasMessageContaining("POST /v1/trade/limitOrders");
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void shouldRefuseAtOnceBeyondItsCapacity()
    {
        final PermitQueue queue = queue(1, 1);
        queue.acquire(false, 5_000, "GET", "/a");
        queue.acquire(false, 5_000, "GET", "/a");

        final CompletableFuture<RateLimits.Permit> third = queue.acquire(false, 5_000, "GET", "/a");

        assertThat(third).isCompletedExceptionally();
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void shouldFailEveryWaiterWhenClosed()
    {
        final PermitQueue queue = queue(1, 10);
        queue.acquire(false, 5_000, "GET", "/a");
        final CompletableFuture<RateLimits.Permit> waiting = queue.acquire(false, 5_000, "GET", "/a");

        queue.close();

        assertThat(catchThrowableOfType(ExecutionException.class, waiting::get).getCause())
            .isInstanceOf(BourseTransportException.class).hasMessageContaining("closed");
    }
}
