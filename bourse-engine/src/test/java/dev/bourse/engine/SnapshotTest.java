package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.Event;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshot, restore and replay give the same state; a damaged snapshot is refused; the state hash is stable. */
final class SnapshotTest
{
    private static final int HISTORY_COMMANDS = 2_500;

    private static List<SimulationRun.TimedCommand> history(final long seed)
    {
        return new SimulationRun(seed, HISTORY_COMMANDS, SimulationRun.configurationFor(seed)).run().history();
    }

    private static List<Event> replay(final Engine engine, final List<SimulationRun.TimedCommand> commands)
    {
        final List<Event> events = new ArrayList<>();
        for (final SimulationRun.TimedCommand timed : commands)
        {
            engine.apply(timed.command(), timed.timestampMs(), events::add);
        }
        return events;
    }

    static byte[] snapshotOf(final Engine engine) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        engine.writeSnapshot(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    static Engine restore(final byte[] snapshot, final EngineConfiguration configuration) throws IOException
    {
        return Engine.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)), configuration);
    }

    @Test
    void shouldGoOnFromARestoredSnapshotExactlyLikeTheLiveEngineAndLikeAReplayFromScratch() throws IOException
    {
        for (long seed = 101; seed <= 106; seed++)
        {
            final EngineConfiguration configuration = SimulationRun.configurationFor(seed);
            final List<SimulationRun.TimedCommand> history = history(seed);
            final int midpoint = history.size() / 3 + (int)(seed * 97 % (history.size() / 3));
            final Engine live = new Engine(configuration);
            replay(live, history.subList(0, midpoint));

            final byte[] snapshot = snapshotOf(live);
            final Engine restored = restore(snapshot, configuration);
            assertThat(restored.stateHash()).as("seed %d: hash right after restore", seed).isEqualTo(live.stateHash());
            assertThat(snapshotOf(restored)).as("seed %d: snapshot of the restored engine", seed).isEqualTo(snapshot);

            final List<Event> liveEvents = replay(live, history.subList(midpoint, history.size()));
            final List<Event> restoredEvents = replay(restored, history.subList(midpoint, history.size()));
            assertThat(restoredEvents).as("seed %d: events after restore", seed).isEqualTo(liveEvents);
            assertThat(restored.stateHash()).as("seed %d: hash at the end", seed).isEqualTo(live.stateHash());

            final Engine fromScratch = new Engine(configuration);
            replay(fromScratch, history);
            assertThat(fromScratch.stateHash()).as("seed %d: replay from scratch", seed).isEqualTo(live.stateHash());
            assertThat(liveEvents.size()).as("seed %d: events after the midpoint", seed).isGreaterThan(1_000);
        }
    }

    @Test
    void shouldRejectEveryTruncationOfASnapshotWithAnIOException() throws IOException
    {
        final Engine engine = new Engine(SimulationRun.configurationFor(7));
        replay(engine, history(7).subList(0, 600));
        final byte[] snapshot = snapshotOf(engine);
        final int step = Math.max(1, snapshot.length / 4_000);
        for (int length = 0; length < snapshot.length; length += step)
        {
            final byte[] truncated = Arrays.copyOf(snapshot, length);
            assertThatThrownBy(() -> restore(truncated, engine.configuration()))
                .as("snapshot cut to %d of %d bytes", length, snapshot.length).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldRejectACorruptSnapshotWithAnIOException() throws IOException
    {
        final Engine engine = new Engine(SimulationRun.configurationFor(7));
        replay(engine, history(7).subList(0, 600));
        final byte[] snapshot = snapshotOf(engine);
        final int step = Math.max(1, snapshot.length / 4_000);
        final List<Integer> accepted = new ArrayList<>();
        for (int position = 0; position < snapshot.length; position += step)
        {
            final byte[] corrupt = snapshot.clone();
            corrupt[position] ^= 0x5A;
            try
            {
                if (restore(corrupt, engine.configuration()).stateHash() != engine.stateHash())
                {
                    accepted.add(position);
                }
            }
            catch (final IOException expected)
            {
                // refused, as it must be (unless the damage leaves the same state, like a boolean 1 read as 7)
            }
            catch (final RuntimeException notAnIOException)
            {
                throw new AssertionError("byte " + position + " corrupted: not an IOException", notAnIOException);
            }
        }
        assertThat(accepted).as("corrupted bytes restored into another state (of %d)", snapshot.length).isEmpty();
        final byte[] trailing = Arrays.copyOf(snapshot, snapshot.length + 1);
        assertThat(restore(trailing, engine.configuration()).stateHash()).isEqualTo(engine.stateHash());
    }

    @Test
    void shouldGiveEqualHashesForEqualCommandsAndAnotherHashAfterAnyChange()
    {
        final EngineFixture first = new EngineFixture();
        final EngineFixture second = new EngineFixture();
        final List<Consumer<EngineFixture>> changes = List.of(
            fixture -> fixture.succeed(new CreateAccount()),
            fixture -> fixture.succeed(new CreateAccount("simulated")),
            fixture -> fixture.succeed(new Transfer(1, TransferType.DEPOSIT, "USDT", usdt("1000"), 0,
                TransferDetails.NONE)),
            fixture -> fixture.succeed(new Transfer(1, TransferType.DEPOSIT, "USDT", 1, 0, TransferDetails.NONE)),
            fixture -> fixture.succeed(new Transfer(1, TransferType.WITHDRAW, "USDT", 1, 0, TransferDetails.NONE)),
            fixture -> fixture.succeed(new IssueApiKey(1, "Key0000000000001", "c", 3, 60, "")),
            fixture -> fixture.succeed(new RevokeApiKey("Key0000000000001")),
            fixture -> fixture.succeed(PlaceOrder.limit(1, BTC_USDT, Side.BUY, usdt("100"), btc("1"))),
            fixture -> fixture.succeed(PlaceOrder.stopLimit(1, BTC_USDT, Side.BUY, usdt("100"), usdt("101"),
                btc("1"))),
            fixture -> fixture.succeed(new CancelAllOrders(1, BTC_USDT)),
            fixture -> fixture.succeed(new PutPair("BTC", "USDT", 8, 6,
                EngineFixture.btcUsdtPolicy(PairState.CANCEL_ONLY))));
        long previous = first.engine.stateHash();
        for (final Consumer<EngineFixture> change : changes)
        {
            change.accept(first);
            change.accept(second);
            assertThat(first.engine.stateHash()).isEqualTo(second.engine.stateHash()).isNotEqualTo(previous);
            previous = first.engine.stateHash();
        }
    }

    @Test
    void shouldKeepAccountLabelsAndReadVersion2SnapshotsWithEmptyLabels() throws IOException
    {
        final byte[] version2;
        try (var in = SnapshotTest.class.getResourceAsStream("engine-snapshot-v2.bin"))
        {
            version2 = in.readAllBytes();
        }
        final Engine engine = restore(version2, EngineConfiguration.DEFAULT);

        assertThat(engine.accountCount()).isEqualTo(2);
        assertThat(engine.accountLabel(1)).isEmpty();
        assertThat(engine.accountLabel(2)).isEmpty();
        // written by the previous version: the demo pairs (every currency of scale 8), a bid and an ask
        assertThat(engine.balance(1, "USDT")).isEqualTo(btc("10000"));
        assertThat(engine.available(2, "BTC")).isEqualTo(btc("0.98"));
        assertThat(engine.bestBid(BTC_USDT)).isEqualTo(btc("60000"));
        assertThat(engine.bestAsk(BTC_USDT)).isEqualTo(btc("61000"));

        assertThat(engine.apply(new CreateAccount("simulated"), 2_000, EventSink.NONE)).isEqualTo(Status.SUCCESS);
        final Engine restored = restore(snapshotOf(engine), engine.configuration());
        assertThat(restored.accountLabel(3)).isEqualTo("simulated");
        assertThat(restored.accountLabel(1)).isEmpty();
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
    }
}
