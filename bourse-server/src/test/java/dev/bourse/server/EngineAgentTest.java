package dev.bourse.server;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.event.AccountCreated;
import dev.bourse.journal.CommandCodecException;
import dev.bourse.journal.CommandLog;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalReader;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.EngineAgent;
import dev.bourse.server.sequencer.EngineReply;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EngineAgentTest
{
    private final CachedEpochClock clock = new CachedEpochClock();
    private final ReadModel readModel =
        new ReadModel(ReadModel.Configuration.DEFAULT, new SecretCipher(new byte[SecretCipher.KEY_BYTES]));

    /** Records what the agent logs and checks, at each commit, that no reply of the batch was released yet. */
    private static final class RecordingLog implements CommandLog
    {
        final List<Long> timestamps = new ArrayList<>();
        final List<Command> commands = new ArrayList<>();
        final List<CompletableFuture<EngineReply>> pending = new ArrayList<>();
        int commits;
        int repliesReleasedBeforeCommit;
        ReadModel readModel;
        final List<Boolean> accountVisibleAtAppend = new ArrayList<>();

        @Override
        public void append(final long timestampMs, final Command command)
        {
            timestamps.add(timestampMs);
            commands.add(command);
            accountVisibleAtAppend.add(readModel.accounts().exists(commands.size()));
        }

        @Override
        public void commit()
        {
            commits++;
            repliesReleasedBeforeCommit += (int)pending.stream().filter(CompletableFuture::isDone).count();
        }
    }

    private EngineAgent agent(final CommandLog log, final int capacity, final int batchLimit)
    {
        return new EngineAgent(new Engine(EngineConfiguration.DEFAULT), readModel, log, clock, capacity, batchLimit,
            Long.MIN_VALUE, EngineAgent.CommitListener.NONE);
    }

    @Test
    void shouldAnswer5001AtOnceWhenTheQueueIsFull()
    {
        final EngineAgent agent = agent(DiscardingCommandLog.INSTANCE, 2, 16);
        final CompletableFuture<EngineReply> first = agent.submit(new CreateAccount());
        final CompletableFuture<EngineReply> second = agent.submit(new CreateAccount());

        final CompletableFuture<EngineReply> third = agent.submit(new CreateAccount());

        assertThat(third).isCompleted();
        assertThat(third.join().status()).isEqualTo(Status.INTERNAL_TIMEOUT);
        assertThat(first).isNotDone();
        agent.doWork();
        assertThat(first.join().status()).isEqualTo(Status.SUCCESS);
        assertThat(second.join().first(AccountCreated.class).accountId()).isEqualTo(2);
    }

    @Test
    void shouldRefuseUnappliedACommandTheJournalCannotEncode()
    {
        final CommandLog refusing = new CommandLog()
        {
            @Override
            public void append(final long timestampMs, final Command command)
            {
                if (command instanceof IssueApiKey)
                {
                    throw new CommandCodecException("IssueApiKey does not fit");
                }
            }

            @Override
            public void commit()
            {
            }
        };
        final Engine engine = new Engine(EngineConfiguration.DEFAULT);
        final EngineAgent agent = new EngineAgent(engine, readModel, refusing, clock, 8, 8, Long.MIN_VALUE,
            EngineAgent.CommitListener.NONE);
        final CompletableFuture<EngineReply> account = agent.submit(new CreateAccount());
        agent.doWork();
        final long hashBefore = engine.stateHash();

        final CompletableFuture<EngineReply> key =
            agent.submit(new IssueApiKey(account.join().first(AccountCreated.class).accountId(), "k", "c", 1, 1, ""));
        agent.doWork();

        assertThat(key.join().status()).isEqualTo(Status.INVALID_PARAMETER);
        assertThat(engine.stateHash()).isEqualTo(hashBefore);
    }

    @Test
    void shouldLogEachCommandBeforeApplyingItAndCommitBeforeReleasingTheBatch()
    {
        final RecordingLog log = new RecordingLog();
        log.readModel = readModel;
        final EngineAgent agent = agent(log, 64, 3);
        clock.update(1_000);
        for (int i = 0; i < 5; i++)
        {
            log.pending.add(agent.submit(new CreateAccount()));
        }

        assertThat(agent.doWork()).isEqualTo(3);
        assertThat(log.pending.subList(0, 3)).allMatch(CompletableFuture::isDone);
        assertThat(log.pending.subList(3, 5)).noneMatch(CompletableFuture::isDone);
        clock.update(500);
        assertThat(agent.doWork()).isEqualTo(2);

        assertThat(log.commits).isEqualTo(2);
        assertThat(log.repliesReleasedBeforeCommit).isEqualTo(3);
        assertThat(log.accountVisibleAtAppend).containsOnly(false);
        assertThat(log.timestamps).containsExactly(1_000L, 1_000L, 1_000L, 1_000L, 1_000L);
        assertThat(readModel.accounts().exists(5)).isTrue();
    }

    @Test
    void shouldAnswer5001ForWhatIsQueuedWhenClosed()
    {
        final EngineAgent agent = agent(DiscardingCommandLog.INSTANCE, 8, 8);
        final CompletableFuture<EngineReply> queued = agent.submit(new CreateAccount());

        agent.onClose();

        assertThat(queued.join().status()).isEqualTo(Status.INTERNAL_TIMEOUT);
        assertThat(agent.submit(new CreateAccount()).join().status()).isEqualTo(Status.INTERNAL_TIMEOUT);
    }

    @Test
    void shouldJournalApiSecretsOnlyEncrypted() throws Exception
    {
        try (TestExchange exchange = new TestExchange())
        {
            final TestExchange.Trader trader = exchange.trader();
            final List<Command> logged = new ArrayList<>();
            final Path journalDirectory = exchange.dataDir.resolve("journal");
            new JournalReader(journalDirectory, JournalConfiguration.DEFAULT_MAX_BATCH_BYTES)
                .read(1, (sequence, timestampMs, command) -> logged.add(command));
            try (Stream<Path> segments = Files.list(journalDirectory))
            {
                for (final Path segment : segments.toList())
                {
                    assertThat(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1))
                        .doesNotContain(trader.secret());
                }
            }

            final IssueApiKey issued = logged.stream().filter(IssueApiKey.class::isInstance)
                .map(IssueApiKey.class::cast).findFirst().orElseThrow();
            assertThat(issued.apiKey()).isEqualTo(trader.apiKey());
            assertThat(issued.secretCiphertext()).doesNotContain(trader.secret());
            assertThat(logged.toString()).doesNotContain(trader.secret());
            assertThat(exchange.signed(trader, "GET", "/v1/account/balances", null, null).statusCode())
                .isEqualTo(1000);
        }
    }
}
