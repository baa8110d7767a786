package dev.bourse.client;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NonceSequenceTest
{
    @Test
    void shouldGiveNinetyThousandDistinctFiveDigitNoncesInARow()
    {
        final NonceSequence nonces = new NonceSequence(89_990);
        final Set<Integer> seen = new HashSet<>();

        for (int i = 0; i < NonceSequence.COUNT; i++)
        {
            final int nonce = nonces.next();
            assertThat(nonce).isBetween(10_000, 99_999);
            assertThat(seen.add(nonce)).as("nonce %d repeated after %d", nonce, i).isTrue();
        }
        assertThat(seen).hasSize(90_000);
    }

    @Test
    void shouldWrapFromTheLastNonceToTheFirst()
    {
        final NonceSequence nonces = new NonceSequence(NonceSequence.COUNT - 1);

        assertThat(nonces.next()).isEqualTo(99_999);
        assertThat(nonces.next()).isEqualTo(10_000);
    }

    @Test
    void shouldStartTwoSequencesAtRandomPlaces()
    {
        final Set<Integer> firsts = new HashSet<>();
        for (int i = 0; i < 20; i++)
        {
            firsts.add(new NonceSequence().next());
        }

        assertThat(firsts).hasSizeGreaterThan(1);
    }
}
