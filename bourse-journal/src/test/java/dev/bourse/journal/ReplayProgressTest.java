package dev.bourse.journal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayProgressTest
{
    private long nowNs = 1_000_000;

    @Test
    void shouldReportRecordsRateAndTimeLeftAtMostOncePerInterval()
    {
        final ReplayProgress progress = new ReplayProgress(5_000, () -> nowNs);

        advanceMs(4_999);
        assertThat(progress.report(10_000, 100, 1_000)).isNull();

        advanceMs(1);
        assertThat(progress.report(20_000, 250, 1_000)).isEqualTo(
            "Replaying journal: 20000 records (25.0% of 1000 bytes), 4000 records/s, about 15 s left");

        advanceMs(1_000);
        assertThat(progress.report(21_000, 260, 1_000)).isNull();

        advanceMs(4_000);
        assertThat(progress.report(40_000, 500, 1_000)).contains("40000 records", "50.0%", "about 10 s left");
        assertThat(progress.records()).isEqualTo(40_000);
        assertThat(progress.elapsedMs()).isEqualTo(10_000);
    }

    private void advanceMs(final long ms)
    {
        nowNs += TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
