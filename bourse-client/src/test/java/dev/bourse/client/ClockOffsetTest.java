package dev.bourse.client;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockOffsetTest
{
    @Test
    void shouldTakeTheServerTimeAtTheRoundTripMidpoint()
    {
        assertThat(ClockOffset.offsetOf(1_000, 31_050, 1_100)).isEqualTo(30_000);
        assertThat(ClockOffset.offsetOf(1_000, 1_000, 1_000)).isZero();
        assertThat(ClockOffset.offsetOf(50_000, 20_010, 50_020)).isEqualTo(-30_000);
    }

    @Test
    void shouldRefuseAnAnswerReceivedBeforeItWasSent()
    {
        assertThatThrownBy(() -> ClockOffset.offsetOf(1_000, 5_000, 999))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStampServerTimeFromTheLocalClockAndTheOffset()
    {
        final AtomicLong nowMs = new AtomicLong(1_000);
        final ClockOffset offset = new ClockOffset(() -> Instant.ofEpochMilli(nowMs.get()));
        assertThat(offset.measured()).isFalse();
        assertThat(offset.serverTimeMs()).isEqualTo(1_000);

        offset.update(-300);
        nowMs.set(2_000);

        assertThat(offset.measured()).isTrue();
        assertThat(offset.serverTimeMs()).isEqualTo(1_700);
    }
}
