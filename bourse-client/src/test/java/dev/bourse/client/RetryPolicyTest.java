package dev.bourse.client;

import org.junit.jupiter.api.Test;

import static dev.bourse.client.RetryPolicy.Action.FAIL;
import static dev.bourse.client.RetryPolicy.Action.FAIL_OUTCOME_UNKNOWN;
import static dev.bourse.client.RetryPolicy.Action.RESYNC_CLOCK_AND_RETRY;
import static dev.bourse.client.RetryPolicy.Action.RETRY_AFTER_BACKOFF;
import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest
{
    private final RetryPolicy policy = new RetryPolicy(3, 100, 250);

    @Test
    void shouldRetrySafeRequestsAfterTransportFailuresUpToTheAttempts()
    {
        assertThat(policy.onTransportFailure(true, false, 1)).isEqualTo(RETRY_AFTER_BACKOFF);
        assertThat(policy.onTransportFailure(true, false, 2)).isEqualTo(RETRY_AFTER_BACKOFF);
        assertThat(policy.onTransportFailure(true, false, 3)).isEqualTo(FAIL);
    }

    @Test
    void shouldNeverResendAnUnsafeRequestThatMayHaveArrived()
    {
        assertThat(policy.onTransportFailure(false, false, 1)).isEqualTo(FAIL_OUTCOME_UNKNOWN);
        assertThat(policy.onTransportFailure(false, true, 1)).isEqualTo(RETRY_AFTER_BACKOFF);
        assertThat(policy.onTransportFailure(false, true, 3)).isEqualTo(FAIL);
    }

    @Test
    void shouldRetryAQueueFullAnswerOnlyForSafeRequests()
    {
        assertThat(policy.onStatus(5001, true, true, false, 1)).isEqualTo(RETRY_AFTER_BACKOFF);
        assertThat(policy.onStatus(5001, true, true, false, 3)).isEqualTo(FAIL);
        assertThat(policy.onStatus(5001, false, true, false, 1)).isEqualTo(FAIL);
        assertThat(policy.onStatus(5000, true, true, false, 1)).isEqualTo(FAIL);
        assertThat(policy.onStatus(3301, false, true, false, 1)).isEqualTo(FAIL);
        assertThat(policy.onStatus(6004, true, true, false, 1)).isEqualTo(FAIL);
    }

    @Test
    void shouldResyncTheClockOnceAfterAnInvalidTimestamp()
    {
        assertThat(policy.onStatus(6005, false, true, false, 1)).isEqualTo(RESYNC_CLOCK_AND_RETRY);
        assertThat(policy.onStatus(6005, true, true, false, 3)).isEqualTo(RESYNC_CLOCK_AND_RETRY);
        assertThat(policy.onStatus(6005, false, true, true, 1)).isEqualTo(FAIL);
        assertThat(policy.onStatus(6005, true, false, false, 1)).isEqualTo(FAIL);
    }

    @Test
    void shouldDoubleTheBackoffUpToItsBound()
    {
        assertThat(policy.backoffMs(1)).isEqualTo(100);
        assertThat(policy.backoffMs(2)).isEqualTo(200);
        assertThat(policy.backoffMs(3)).isEqualTo(250);
        assertThat(policy.backoffMs(1_000)).isEqualTo(250);
    }
}
