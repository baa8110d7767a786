package dev.bourse.server.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedLimiterTest
{
    @Test
    void shouldAdmitUpToTheLimitPerKeyCountRefusalsAndForgetKeysThatClose()
    {
        final KeyedLimiter limiter = new KeyedLimiter(2);

        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
        assertThat(limiter.refused()).isEqualTo(1);
        assertThat(limiter.open("10.0.0.1")).isEqualTo(2);

        limiter.release("10.0.0.1");
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        limiter.release("10.0.0.1");
        limiter.release("10.0.0.1");
        limiter.release("10.0.0.2");
        assertThat(limiter.keys()).isZero();
        assertThatThrownBy(() -> new KeyedLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
