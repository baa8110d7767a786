package dev.bourse.loadgen;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NonceSequenceTest
{
    @Test
    void shouldNeverRepeatATimestampAndNoncePairEvenWhenTheClockStandsStillOrGoesBack()
    {
        final NonceSequence nonces = new NonceSequence();
        final Set<String> seen = new HashSet<>();
        final long[] clockMs = {1_000, 1_000, 999, 1_001, 1_001, 500};
        for (int round = 0; round < 50_000; round++)
        {
            final long timestampMs = nonces.next(clockMs[round % clockMs.length]);
            assertThat(nonces.nonce()).isBetween(NonceSequence.MIN_NONCE, NonceSequence.MAX_NONCE);
            assertThat(seen.add(timestampMs + "/" + nonces.nonce())).isTrue();
        }
    }

    @Test
    void shouldMoveToTheNextMillisecondWhenTheNoncesOfOneRunOut()
    {
        final NonceSequence nonces = new NonceSequence();
        long timestampMs = 0;
        for (int i = NonceSequence.MIN_NONCE; i <= NonceSequence.MAX_NONCE + 1; i++)
        {
            timestampMs = nonces.next(7);
        }

        assertThat(timestampMs).isEqualTo(8);
        assertThat(nonces.nonce()).isEqualTo(NonceSequence.MIN_NONCE);
    }
}
