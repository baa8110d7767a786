package dev.bourse.journal;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.EventSink;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.bourse.journal.JournalFiles.readFrom;
import static dev.bourse.journal.JournalFiles.recordOffsets;
import static dev.bourse.journal.JournalFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRecoveryTest
{
    @TempDir
    Path directory;

    /** What a server keeps: the engine and a read model (here: the number of commands applied). */
    private static final class State
    {
        Engine engine = EngineScenario.engine();
        long applied;
        final List<Long> replayed = new ArrayList<>();

        void load(final long lastSequence, final java.io.DataInput engineState, final java.io.DataInput extra)
            throws java.io.IOException
        {
            final Engine restored = Engine.readSnapshot(engineState, EngineConfiguration.DEFAULT);
            final long restoredApplied = extra.readLong();
            engine = restored;
            applied = restoredApplied;
        }

        void apply(final long sequence, final long timestampMs, final Command command)
        {
            engine.apply(command, timestampMs, EventSink.NONE);
            applied++;
            replayed.add(sequence);
        }
    }

    @Test
    void shouldStartFreshOnAnEmptyDirectory()
    {
        final State state = new State();
        final RecoveryResult result = recover(configuration(), state);

        try (JournalWriter writer = result.writer())
        {
            assertThat(result.snapshot()).isEmpty();
            assertThat(result.recordsReplayed()).isZero();
            assertThat(result.lastSequence()).isZero();
            writer.append(1, new CreateAccount());
            writer.commit();
            assertThat(writer.lastCommittedSequence()).isEqualTo(1);
        }
        assertThat(segments(configuration())).extracting(path -> path.getFileName().toString())
            .containsExactly("journal-00000000000000000001.log");
    }

    @Test
    void shouldRecoverTheEngineByReplayingTheWholeJournal()
    {
        final Engine live = EngineScenario.engine();
        try (JournalWriter writer = recover(configuration(), new State()).writer())
        {
            EngineScenario.run(writer, live, EngineScenario.commands(600, 1), 16);
        }

        final State state = new State();
        try (JournalWriter writer = recover(configuration(), state).writer())
        {
            assertThat(writer.lastCommittedSequence()).isEqualTo(600);
            assertThat(live.lastPrice("BTC.KRW")).as("the scenario trades").isPositive();
            assertThat(live.openOrderCountOfPair("BTC.KRW")).as("the scenario leaves orders open").isPositive();
            assertThat(state.replayed).hasSize(600).startsWith(1L).endsWith(600L);
            assertThat(state.engine.stateHash()).isEqualTo(live.stateHash());
            assertThat(state.engine.openOrderCountOfPair("BTC.KRW")).isEqualTo(live.openOrderCountOfPair("BTC.KRW"));
        }
    }

    @Test
    void shouldRecoverFromTheNewestSnapshotPlusTheJournalAfterIt()
    {
        final List<Command> commands = EngineScenario.commands(600, 2);
        final Engine live = EngineScenario.engine();
        try (RecoveryHandle handle = new RecoveryHandle(recover(configuration(), new State())))
        {
            EngineScenario.run(handle.writer(), live, commands.subList(0, 200), 10);
            snapshot(handle, live, 200);
            EngineScenario.run(handle.writer(), live, commands.subList(200, 450), 10);
            snapshot(handle, live, 450);
            EngineScenario.run(handle.writer(), live, commands.subList(450, 600), 10);
        }

        final State state = new State();
        final RecoveryResult result = recover(configuration(), state);
        try (JournalWriter writer = result.writer())
        {
            assertThat(writer.lastCommittedSequence()).isEqualTo(600);
            assertThat(result.snapshot()).hasValueSatisfying(file -> assertThat(file.lastSequence()).isEqualTo(450));
            assertThat(result.recordsReplayed()).isEqualTo(150);
            assertThat(result.lastSequence()).isEqualTo(600);
            assertThat(state.replayed.getFirst()).isEqualTo(451);
            assertThat(state.applied).isEqualTo(600);
            assertThat(state.engine.stateHash()).isEqualTo(live.stateHash());
        }
    }

    @Test
    void shouldFallBackToThePreviousSnapshotWhenTheNewestIsInvalid() throws Exception
    {
        final List<Command> commands = EngineScenario.commands(300, 3);
        final Engine live = EngineScenario.engine();
        final SnapshotFile newest;
        try (RecoveryHandle handle = new RecoveryHandle(recover(configuration(), new State())))
        {
            EngineScenario.run(handle.writer(), live, commands.subList(0, 100), 10);
            snapshot(handle, live, 100);
            EngineScenario.run(handle.writer(), live, commands.subList(100, 200), 10);
            newest = snapshot(handle, live, 200);
            EngineScenario.run(handle.writer(), live, commands.subList(200, 300), 10);
        }
        JournalFiles.flipBit(newest.path(), Files.size(newest.path()) / 2, 5);

        final State state = new State();
        final RecoveryResult result = recover(configuration(), state);
        try (JournalWriter writer = result.writer())
        {
            assertThat(writer.lastCommittedSequence()).isEqualTo(300);
            assertThat(result.snapshot()).hasValueSatisfying(file -> assertThat(file.lastSequence()).isEqualTo(100));
            assertThat(result.recordsReplayed()).isEqualTo(200);
            assertThat(state.engine.stateHash()).isEqualTo(live.stateHash());
        }
    }

    @Test
    void shouldRecoverTheAcknowledgedStateAfterACrashMidWrite()
    {
        final List<Command> commands = EngineScenario.commands(120, 4);
        final Engine live = EngineScenario.engine();
        final long hashBeforeLast;
        try (JournalWriter writer = recover(configuration(), new State()).writer())
        {
            EngineScenario.run(writer, live, commands.subList(0, 119), 7);
            hashBeforeLast = live.stateHash();
            EngineScenario.run(writer, live, commands.subList(119, 120), 1);
        }
        final Path segment = segments(configuration()).getLast();
        JournalFiles.truncate(segment, JournalFiles.size(segment) - 3);

        final State state = new State();
        final RecoveryResult result = recover(configuration(), state);
        try (JournalWriter writer = result.writer())
        {
            assertThat(result.lastSequence()).isEqualTo(119);
            assertThat(state.engine.stateHash()).isEqualTo(hashBeforeLast);
            writer.append(5, new CreateAccount());
            writer.commit();
        }
        assertThat(readFrom(configuration(), 119)).extracting(JournalFiles.Recorded::sequence)
            .containsExactly(119L, 120L);
    }

    @Test
    void shouldContinueInANewSegmentWhenTheSnapshotIsAheadOfTheJournal()
    {
        final List<Command> commands = EngineScenario.commands(60, 5);
        final Engine live = EngineScenario.engine();
        try (RecoveryHandle handle = new RecoveryHandle(recover(configuration(), new State())))
        {
            EngineScenario.run(handle.writer(), live, commands, 10);
            snapshot(handle, live, 60);
        }
        final Path segment = segments(configuration()).getLast();
        JournalFiles.truncate(segment, recordOffsets(segment).get(40));

        final State state = new State();
        final RecoveryResult result = recover(configuration(), state);
        try (JournalWriter writer = result.writer())
        {
            assertThat(result.recordsReplayed()).isZero();
            assertThat(result.lastSequence()).isEqualTo(60);
            assertThat(state.engine.stateHash()).isEqualTo(live.stateHash());
            writer.append(5, new CreateAccount());
            writer.commit();
            assertThat(writer.currentSegment().getFileName().toString())
                .isEqualTo("journal-00000000000000000061.log");
        }
        assertThat(readFrom(configuration(), 61)).extracting(JournalFiles.Recorded::sequence).containsExactly(61L);
    }

    @Test
    void shouldStopWhenTheJournalAfterTheSnapshotIsMissing() throws Exception
    {
        final JournalConfiguration configuration = JournalFiles.smallConfiguration(directory);
        try (JournalWriter writer = JournalWriter.open(configuration))
        {
            JournalFiles.writeCommands(writer, 200, 10);
        }
        Files.delete(segments(configuration).getFirst());

        assertThatThrownBy(() -> JournalRecovery.recover(configuration, (sequence, engine, extra) -> {},
            (sequence, timestampMs, command) -> {}))
            .isInstanceOf(JournalCorruptionException.class)
            .hasMessageContaining("missing");
        JournalWriter.open(configuration).close();
    }

    private JournalConfiguration configuration()
    {
        return JournalConfiguration.defaults(directory).withSizes(8192, 1024, 4096);
    }

    private static RecoveryResult recover(final JournalConfiguration configuration, final State state)
    {
        return JournalRecovery.recover(configuration, state::load, state::apply);
    }

    private static SnapshotFile snapshot(final RecoveryHandle handle, final Engine engine, final long applied)
    {
        assertThat(handle.writer().lastCommittedSequence()).isEqualTo(applied);
        return handle.result().snapshots().write(handle.writer().lastCommittedSequence(), engine::writeSnapshot,
            out -> out.writeLong(applied));
    }

    private record RecoveryHandle(RecoveryResult result) implements AutoCloseable
    {
        JournalWriter writer()
        {
            return result.writer();
        }

        @Override
        public void close()
        {
            result.writer().close();
        }
    }
}
