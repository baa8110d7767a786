package dev.bourse.server.sequencer;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.event.AccountCreated;
import dev.bourse.journal.CommandCodecException;
import dev.bourse.journal.CommandLog;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The engine thread and the projection thread driven by hand: journal before apply, durable before visible, and
 * fail-stop on every failure of the journal, the engine or a projection.
 */
class SequencerTest
{
    private final CachedEpochClock clock = new CachedEpochClock();
    private final ReadModel readModel =
        new ReadModel(ReadModel.Configuration.DEFAULT, new SecretCipher(new byte[SecretCipher.KEY_BYTES]));
    private final Engine engine = new Engine(EngineConfiguration.DEFAULT);
    private final SequencerHealth health = new SequencerHealth(0);
    private final List<String> failStops = new ArrayList<>();

    /** Numbers and records what is appended; fails an append or a commit when told to. */
    private final class ScriptedLog implements CommandLog
    {
        final List<Long> timestamps = new ArrayList<>();
        final List<Command> commands = new ArrayList<>();
        final List<Boolean> visibleAtAppend = new ArrayList<>();
        Predicate<Command> failAppendOf = command -> false;
        Predicate<Command> refuseToEncode = command -> false;
        boolean failCommit;
        long sequenceGap;
        int commits;

        @Override
        public long append(final long timestampMs, final Command command)
        {
            if (refuseToEncode.test(command))
            {
                throw new CommandCodecException(command.getClass().getSimpleName() + " does not fit");
            }
            if (failAppendOf.test(command))
            {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            timestamps.add(timestampMs);
            commands.add(command);
            visibleAtAppend.add(readModel.accounts().exists(commands.size()));
            return commands.size() + sequenceGap;
        }

        @Override
        public void commit()
        {
            if (failCommit)
            {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            commits++;
        }
    }

    private final ScriptedLog log = new ScriptedLog();

    private void onFailStop(final String cause, final Throwable error)
    {
        failStops.add(cause);
    }

    private record Pair(EngineAgent engineAgent, ProjectionAgent projectionAgent)
    {
    }

    private Pair sequencer(final int queueCapacity, final int batchLimit, final Projection... extra)
    {
        final List<Projection> all = new ArrayList<>();
        all.add(readModel);
        all.addAll(List.of(extra));
        final ApplyStep step = new ApplyStep(engine, 0, all);
        final ProjectionAgent projectionAgent = new ProjectionAgent(step, 4, health, this::onFailStop);
        final EngineAgent engineAgent = new EngineAgent(step, log, clock, queueCapacity, batchLimit, CommitDelay.NONE,
            Long.MIN_VALUE,
            projectionAgent, EngineAgent.CommitListener.NONE, health, this::onFailStop, SequencerMetrics.NONE);
        return new Pair(engineAgent, projectionAgent);
    }

    @Test
    void shouldPauseForAFullerBatchOnlyAfterABusyOne()
    {
        final CommitDelay delay = new CommitDelay(150, 2, 4);
        final List<Long> pauses = new ArrayList<>();
        final List<CompletableFuture<AppliedCommand>> replies = new ArrayList<>();
        final EngineAgent[] agent = new EngineAgent[1];
        final ApplyStep step = new ApplyStep(engine, 0, List.of(readModel));
        final ProjectionAgent projectionAgent = new ProjectionAgent(step, 4, health, this::onFailStop);
        agent[0] = new EngineAgent(step, log, clock, 64, 16, delay,
            pauseNs ->
            {
                pauses.add(pauseNs);
                replies.add(agent[0].submit(new CreateAccount()));
                replies.add(agent[0].submit(new CreateAccount()));
            },
            Long.MIN_VALUE, projectionAgent, EngineAgent.CommitListener.NONE, health, this::onFailStop,
            SequencerMetrics.NONE);

        replies.add(agent[0].submit(new CreateAccount()));
        agent[0].doWork();
        assertThat(pauses).as("a lone command after a quiet spell does not wait").isEmpty();

        replies.add(agent[0].submit(new CreateAccount()));
        replies.add(agent[0].submit(new CreateAccount()));
        agent[0].doWork();
        assertThat(pauses).as("the previous batch held one command: not busy").isEmpty();

        replies.add(agent[0].submit(new CreateAccount()));
        agent[0].doWork();
        assertThat(pauses).as("after a batch of two, one waiting command pauses once").containsExactly(150_000L);
        assertThat(log.commits).isEqualTo(3);
        assertThat(log.commands).hasSize(6);

        for (int i = 0; i < 4; i++)
        {
            replies.add(agent[0].submit(new CreateAccount()));
        }
        agent[0].doWork();
        assertThat(pauses).as("four waiting are enough to take at once").hasSize(1);
        assertThat(log.commits).isEqualTo(4);

        int projected = 0;
        for (int batch = 0; batch < 4; batch++)
        {
            projected += projectionAgent.doWork();
        }
        assertThat(projected).as("the four batches' commands").isEqualTo(10);
        assertThat(failStops).isEmpty();
        assertThat(replies).hasSize(10)
            .allSatisfy(reply -> assertThat(reply.join().status()).isEqualTo(Status.SUCCESS));
        assertThat(replies.getLast().join().sequence()).isEqualTo(10);
    }

    @Test
    void shouldRefuseACommitDelayOutOfBounds()
    {
        assertThat(CommitDelay.of(0, 4)).isEqualTo(CommitDelay.NONE);
        assertThatIllegalArgumentException().isThrownBy(() -> CommitDelay.of(-1, 4));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> CommitDelay.of(10_001, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> CommitDelay.of(200, 0));
    }

    @Test
    void shouldAnswer5001AtOnceWhenTheQueueIsFull()
    {
        final Pair sequencer = sequencer(2, 16);
        final CompletableFuture<AppliedCommand> first = sequencer.engineAgent().submit(new CreateAccount());
        final CompletableFuture<AppliedCommand> second = sequencer.engineAgent().submit(new CreateAccount());

        final CompletableFuture<AppliedCommand> third = sequencer.engineAgent().submit(new CreateAccount());

        assertThat(third.join().status()).isEqualTo(Status.INTERNAL_TIMEOUT);
        assertThat(third.join().isSequenced()).isFalse();
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();
        assertThat(first.join().status()).isEqualTo(Status.SUCCESS);
        assertThat(second.join().first(AccountCreated.class).accountId()).isEqualTo(2);
        assertThat(second.join().sequence()).isEqualTo(2);
    }

    @Test
    void shouldRefuseUnappliedACommandTheJournalCannotEncode()
    {
        final Pair sequencer = sequencer(8, 8);
        log.refuseToEncode = IssueApiKey.class::isInstance;
        final CompletableFuture<AppliedCommand> account = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();
        final CompletableFuture<AppliedCommand> key = sequencer.engineAgent()
            .submit(new IssueApiKey(account.join().first(AccountCreated.class).accountId(), "k", "c", 1, 1, ""));
        final CompletableFuture<AppliedCommand> next = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();

        assertThat(key.join().status()).isEqualTo(Status.INVALID_PARAMETER);
        assertThat(next.join().sequence()).as("the refused command took no sequence").isEqualTo(2);
        assertThat(engine.accountCount()).isEqualTo(2);
        assertThat(health.acceptingWrites()).isTrue();
        assertThat(readModel.apiKeys().key("k")).isNull();
    }

    @Test
    void shouldJournalBeforeApplyingAndShowNothingBeforeTheBatchIsDurableAndProjected()
    {
        final Pair sequencer = sequencer(64, 3);
        clock.update(1_000);
        final List<CompletableFuture<AppliedCommand>> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++)
        {
            replies.add(sequencer.engineAgent().submit(new CreateAccount()));
        }

        assertThat(sequencer.engineAgent().doWork()).isEqualTo(3);
        assertThat(log.commits).isEqualTo(1);
        assertThat(replies).as("durable, not yet projected: nothing released").noneMatch(CompletableFuture::isDone);
        assertThat(readModel.accounts().exists(1)).isFalse();
        assertThat(health.committedSequence()).isEqualTo(3);
        assertThat(health.projectedSequence()).isZero();

        assertThat(sequencer.projectionAgent().doWork()).isEqualTo(3);
        assertThat(replies.subList(0, 3)).allMatch(CompletableFuture::isDone);
        assertThat(replies.subList(3, 5)).noneMatch(CompletableFuture::isDone);
        assertThat(readModel.accounts().exists(3)).isTrue();
        assertThat(health.projectedSequence()).isEqualTo(3);

        clock.update(500);
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();
        assertThat(log.commits).isEqualTo(2);
        assertThat(log.visibleAtAppend).containsOnly(false);
        assertThat(log.timestamps).as("never earlier than the previous").containsOnly(1_000L);
        assertThat(replies).extracting(reply -> reply.join().sequence()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldReleaseTheRepliesOfABatchTogetherOnceEveryCommandOfItIsProjected()
    {
        final List<CompletableFuture<AppliedCommand>> replies = new ArrayList<>();
        final List<Long> doneWhileProjecting = new ArrayList<>();
        final Projection watching = applied -> doneWhileProjecting.add(
            replies.stream().filter(CompletableFuture::isDone).count());
        final Pair sequencer = sequencer(64, 8, watching);
        for (int i = 0; i < 3; i++)
        {
            replies.add(sequencer.engineAgent().submit(new CreateAccount()));
        }

        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();

        assertThat(doneWhileProjecting).as("no reply released while its batch is projected").containsExactly(0L, 0L, 0L);
        assertThat(replies).extracting(reply -> reply.join().sequence()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldStopWhenTheJournalCannotAppend()
    {
        final Pair sequencer = sequencer(64, 8);
        final CompletableFuture<AppliedCommand> before = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();
        log.failAppendOf = command -> true;

        final CompletableFuture<AppliedCommand> failed = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        final CompletableFuture<AppliedCommand> after = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();

        assertThat(before.join().status()).isEqualTo(Status.SUCCESS);
        assertThat(failed.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(after.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(engine.accountCount()).as("nothing applied after the failure").isEqualTo(1);
        assertThat(health.acceptingWrites()).isFalse();
        assertThat(failStops).containsExactly("the journal failed to append a CreateAccount");
    }

    @Test
    void shouldStopAndReleaseNothingOfABatchThatCouldNotBeCommitted()
    {
        final Pair sequencer = sequencer(64, 8);
        log.failCommit = true;
        final CompletableFuture<AppliedCommand> first = sequencer.engineAgent().submit(new CreateAccount());
        final CompletableFuture<AppliedCommand> second = sequencer.engineAgent().submit(new CreateAccount());

        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();

        assertThat(first.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(second.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(readModel.accounts().exists(1)).as("not durable, so never visible").isFalse();
        assertThat(health.committedSequence()).isZero();
        assertThat(failStops).containsExactly("the journal failed to commit a batch of 2 commands");
    }

    @Test
    void shouldStopWhenTheApplyStepFails()
    {
        final Pair sequencer = sequencer(64, 8);
        log.sequenceGap = 1;

        final CompletableFuture<AppliedCommand> reply = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();

        assertThat(reply.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(health.stopCause()).isEqualTo("the engine failed on command 2 (CreateAccount)");
        assertThat(log.commits).as("a batch holding a failed command is never committed").isZero();
        assertThat(sequencer.engineAgent().submit(new CreateAccount()).join().status())
            .isEqualTo(Status.INTERNAL_SERVER_ERROR);
    }

    @Test
    void shouldStopWhenAProjectionFails()
    {
        final Projection failing = applied ->
        {
            if (applied.sequence() == 2)
            {
                throw new IllegalStateException("a projection bug");
            }
        };
        final Pair sequencer = sequencer(64, 8, failing);
        final List<CompletableFuture<AppliedCommand>> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            replies.add(sequencer.engineAgent().submit(new CreateAccount()));
        }

        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();

        assertThat(replies.get(0).join().status()).isEqualTo(Status.SUCCESS);
        assertThat(replies.get(1).join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(replies.get(2).join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(failStops).containsExactly("a projection failed on command 2 (CreateAccount)");
        assertThat(health.acceptingWrites()).isFalse();
    }

    @Test
    void shouldJournalNothingMoreAndAnswer5000AfterAProjectionFailed()
    {
        final Projection failing = applied ->
        {
            if (applied.sequence() == 1)
            {
                throw new IllegalStateException("a projection bug");
            }
        };
        final Pair sequencer = sequencer(64, 8, failing);
        final CompletableFuture<AppliedCommand> failed = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        final CompletableFuture<AppliedCommand> handedOver = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();
        final CompletableFuture<AppliedCommand> after = sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();

        assertThat(failed.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(handedOver.join().status()).as("durable, but behind the failed projection: outcome unknown")
            .isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(after.join().status()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
        assertThat(log.commands).as("nothing journaled once the engine thread saw the failure").hasSize(2);
    }

    /**
     * The engine thread fires dead man's switches itself: once its clock reaches the engine's next deadline, the
     * next pass journals and applies one {@link FireDeadMansSwitches} before the commands it drains, like any other
     * command; one a pass, and none before the deadline.
     */
    @Test
    void shouldFireDeadMansSwitchesAsAJournaledCommandFirstInThePassOnceTheDeadlineHasCome()
    {
        final Pair sequencer = sequencer(64, 8);
        clock.update(10_000);
        sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().submit(new CreateAccount());
        sequencer.engineAgent().submit(new SetDeadMansSwitch(1, null, 5_000));
        sequencer.engineAgent().submit(new SetDeadMansSwitch(2, null, 6_000));
        sequencer.engineAgent().doWork();
        sequencer.projectionAgent().doWork();
        assertThat(engine.nextDeadlineMs()).isEqualTo(15_000);

        clock.update(14_999);
        sequencer.engineAgent().doWork();
        assertThat(log.commands).as("nothing due: an idle pass appends nothing").hasSize(4);

        clock.update(16_000);
        final CompletableFuture<AppliedCommand> queued = sequencer.engineAgent().submit(new CreateAccount());
        assertThat(sequencer.engineAgent().doWork()).isEqualTo(2);
        sequencer.projectionAgent().doWork();

        assertThat(log.commands.subList(4, 6)).containsExactly(new FireDeadMansSwitches(), new CreateAccount());
        assertThat(log.timestamps.get(4)).isEqualTo(16_000);
        assertThat(engine.nextDeadlineMs()).as("both were due and fired").isEqualTo(Long.MAX_VALUE);
        assertThat(queued.join().sequence()).isEqualTo(6);
        assertThat(health.projectedSequence()).isEqualTo(6);
        sequencer.engineAgent().doWork();
        assertThat(log.commands).as("fired once").hasSize(6);
    }

    @Test
    void shouldAnswer5001ForWhatIsQueuedWhenClosed()
    {
        final Pair sequencer = sequencer(8, 8);
        final CompletableFuture<AppliedCommand> queued = sequencer.engineAgent().submit(new CreateAccount());

        sequencer.engineAgent().onClose();

        assertThat(queued.join().status()).isEqualTo(Status.INTERNAL_TIMEOUT);
        assertThat(sequencer.engineAgent().submit(new CreateAccount()).join().status())
            .isEqualTo(Status.INTERNAL_SERVER_ERROR);
    }
}
