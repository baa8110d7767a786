package dev.bourse.server.sequencer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether an idle call spins or goes to park, told by whether it asks for work (only a park does), on a hand clock. */
class WakeableIdleStrategyTest
{
    private long nowNs;
    private int workChecks;
    private final WakeableIdleStrategy strategy = new WakeableIdleStrategy(this::hasWork, () -> nowNs);

    private boolean hasWork()
    {
        workChecks++;
        return true; // so that a park returns at once
    }

    private boolean parks()
    {
        final int before = workChecks;
        strategy.idle(0);
        return workChecks > before;
    }

    @Test
    void shouldSpinAfterWorkThenPark()
    {
        strategy.idle(1);

        assertThat(parks()).isFalse();
        nowNs += WakeableIdleStrategy.SPIN_NS - 1;
        assertThat(parks()).isFalse();
        nowNs += 1;
        assertThat(parks()).isTrue();
    }

    @Test
    void shouldParkAtOnceAfterAnIdleSpellLongerThanASpinAndSpinAgainAfterAShortOne()
    {
        assertThat(parks()).isFalse();
        nowNs += WakeableIdleStrategy.SPIN_NS + 1_000;
        assertThat(parks()).isTrue();
        strategy.idle(1);

        assertThat(parks()).as("the last spell was longer than a spin").isTrue();
        nowNs += 1_000;
        strategy.idle(1);

        assertThat(parks()).as("the last spell was shorter than a spin").isFalse();
    }
}
