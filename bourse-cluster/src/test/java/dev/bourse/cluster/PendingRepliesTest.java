package dev.bourse.cluster;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.server.sequencer.AppliedCommand;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRepliesTest
{
    private static final long TIMEOUT_NS = 1_000;

    private final PendingReplies replies = new PendingReplies(TIMEOUT_NS);

    @Test
    void shouldReleaseAReplyWithWhatTheServiceApplied()
    {
        final CompletableFuture<AppliedCommand> reply = add(5, 0);
        final AppliedCommand applied = new AppliedCommand(9, 100, new CreateAccount(), Status.SUCCESS, List.of());

        replies.complete(5, applied);
        replies.complete(6, applied);

        assertThat(reply).isCompletedWithValue(applied);
        assertThat(replies.size()).isZero();
    }

    @Test
    void shouldAnswerOutcomeUnknownOnceTheTimeoutPassedAndNothingLater()
    {
        final CompletableFuture<AppliedCommand> first = add(1, 0);
        final CompletableFuture<AppliedCommand> answered = add(2, 10);
        final CompletableFuture<AppliedCommand> last = add(3, 500);
        replies.complete(2, new AppliedCommand(1, 1, new CreateAccount(), Status.SUCCESS, List.of()));

        assertThat(replies.expire(TIMEOUT_NS - 1)).isZero();
        assertThat(replies.expire(TIMEOUT_NS + 10)).isEqualTo(1);

        assertThat(first.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(answered.join().status()).isEqualTo(Status.SUCCESS);
        assertThat(last).isNotDone();
        replies.complete(1, new AppliedCommand(2, 1, new CreateAccount(), Status.SUCCESS, List.of()));
        assertThat(first.join().status()).as("an answer once given stays").isEqualTo(Status.INTERNAL_SERVER_ERROR);
    }

    @Test
    void shouldAnswerEveryWaitingReplyAtShutdown()
    {
        final CompletableFuture<AppliedCommand> sent = add(1, 0);
        final CompletableFuture<AppliedCommand> refused = add(2, 0);

        replies.fail(2, Status.INTERNAL_TIMEOUT);
        replies.failAll(Status.INTERNAL_SERVER_ERROR);

        assertThat(refused.join().status()).isEqualTo(Status.INTERNAL_TIMEOUT);
        assertThat(sent.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(replies.size()).isZero();
    }

    private CompletableFuture<AppliedCommand> add(final long correlationId, final long nowNs)
    {
        final CompletableFuture<AppliedCommand> reply = new CompletableFuture<>();
        replies.add(correlationId, new CreateAccount(), reply, nowNs);
        return reply;
    }
}
