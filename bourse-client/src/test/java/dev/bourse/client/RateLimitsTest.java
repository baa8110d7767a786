package dev.bourse.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest
{
    @Test
    void shouldTakeTradeHistoryFromBothWindows()
    {
        final RateLimits limits = new RateLimits(new RateWindow(3, 60, 0), new RateWindow(1, 30, 0));

        final RateLimits.Permit tradeHistory = limits.tryAcquire(0, true);

        assertThat(tradeHistory).isNotNull();
        assertThat(limits.tryAcquire(0, true)).isNull();
        assertThat(limits.nextAllowedMs(0, true)).isEqualTo(RateWindow.IN_FLIGHT);
        assertThat(limits.tryAcquire(0, false)).isNotNull();
        assertThat(limits.tryAcquire(0, false)).isNotNull();
        assertThat(limits.tryAcquire(0, false)).isNull();
        tradeHistory.release(100);
        assertThat(limits.nextAllowedMs(100, true)).isEqualTo(1_100);
        assertThat(limits.tryAcquire(1_099, true)).isNull();
        assertThat(limits.tryAcquire(1_100, true)).isNotNull();
    }

    @Test
    void shouldTakeNothingWhenTheTradeHistoryWindowIsFull()
    {
        final RateLimits limits = new RateLimits(new RateWindow(2, 60, 0), new RateWindow(1, 30, 0));
        limits.tryAcquire(0, true).release(10);

        assertThat(limits.tryAcquire(20, true)).isNull();
        assertThat(limits.tryAcquire(20, false)).isNotNull();
        assertThat(limits.tryAcquire(20, false)).isNull();
        assertThat(limits.nextAllowedMs(20, false)).isEqualTo(1_010);
    }

    @Test
    void shouldKeepTheFirstReleaseTime()
    {
        final RateLimits limits = new RateLimits(new RateWindow(1, 60, 0), new RateWindow(1, 30, 0));
        final RateLimits.Permit permit = limits.tryAcquire(0, false);
        permit.release(100);
        permit.release(5_000);

        assertThat(limits.nextAllowedMs(200, false)).isEqualTo(1_100);
    }
}
