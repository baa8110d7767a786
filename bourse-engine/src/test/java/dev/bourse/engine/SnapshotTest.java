package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAlreadyAccepted;
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
import static dev.bourse.engine.EngineFixture.ETH_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.eth;
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

    /**
     * Armed dead man's switches, remembered client order IDs and orders with every option survive a snapshot: the
     * restored engine has the same hash and snapshot, and goes on exactly like the live one (a switch fires, an ID
     * answers its order, a cancel names an ID) and like a replay from scratch.
     */
    @Test
    void shouldRestoreArmedSwitchesClientOrderIdsAndOrderOptions() throws IOException
    {
        final EngineConfiguration configuration = EngineConfiguration.DEFAULT.withClientOrderIds(4, 60_000);
        final List<SimulationRun.TimedCommand> history = orderEntryHistory();
        final Engine live = new Engine(configuration);
        replay(live, history);
        assertThat(live.nextDeadlineMs()).isEqualTo(EngineFixture.START_TIME_MS + 5_000);
        assertThat(live.deadMansSwitchPair(2)).isEqualTo(ETH_USDT);
        assertThat(live.clientOrderIdCount(1)).isEqualTo(4);

        final byte[] snapshot = snapshotOf(live);
        final Engine restored = restore(snapshot, configuration);

        assertThat(restored.stateHash()).isEqualTo(live.stateHash());
        assertThat(snapshotOf(restored)).isEqualTo(snapshot);
        assertThat(restored.nextDeadlineMs()).isEqualTo(live.nextDeadlineMs());
        assertThat(restored.openOrders(1, BTC_USDT)).isEqualTo(live.openOrders(1, BTC_USDT));
        final long later = EngineFixture.START_TIME_MS + 20_000;
        final List<SimulationRun.TimedCommand> after = List.of(
            new SimulationRun.TimedCommand(PlaceOrder.limit(1, BTC_USDT, Side.BUY, usdt("90"), btc("1"))
                .withClientOrderId("id-3"), later),
            new SimulationRun.TimedCommand(CancelOrder.byClientOrderId(1, "id-4"), later),
            new SimulationRun.TimedCommand(PlaceOrder.limit(3, BTC_USDT, Side.SELL, usdt("90"), btc("1"))
                .withSelfTradePrevention(SelfTradePrevention.EXPIRE_BOTH), later),
            new SimulationRun.TimedCommand(new FireDeadMansSwitches(), later + 1));
        final List<Event> liveEvents = replay(live, after);
        final List<Event> restoredEvents = replay(restored, after);

        assertThat(restoredEvents).isEqualTo(liveEvents);
        assertThat(liveEvents).hasAtLeastOneElementOfType(OrderAlreadyAccepted.class);
        assertThat(liveEvents.stream().filter(AllOrdersCancelled.class::isInstance)).hasSize(2);
        assertThat(restored.stateHash()).isEqualTo(live.stateHash());
        final Engine fromScratch = new Engine(configuration);
        replay(fromScratch, history);
        replay(fromScratch, after);
        assertThat(fromScratch.stateHash()).isEqualTo(live.stateHash());
    }

    /** Three funded accounts; orders with options and client order IDs; two switches armed at +5 s and +9 s. */
    private static List<SimulationRun.TimedCommand> orderEntryHistory()
    {
        final List<Command> commands = new ArrayList<>(List.of(
            new PutPair("BTC", "USDT", 8, 6, EngineFixture.btcUsdtPolicy(PairState.TRADING)),
            new PutPair("ETH", "USDT", 10, 6, new PairPolicy("Ether", usdt("0.01"), 2, 3, eth("0.001"),
                eth("10000"), usdt("1"), usdt("10000000"), 500, 1500, PairState.TRADING))));
        for (int account = 1; account <= 3; account++)
        {
            commands.add(new CreateAccount());
            commands.add(new Transfer(account, TransferType.DEPOSIT, "USDT", usdt("100000"), 0, TransferDetails.NONE));
            commands.add(new Transfer(account, TransferType.DEPOSIT, "BTC", btc("100"), 0, TransferDetails.NONE));
            commands.add(new Transfer(account, TransferType.DEPOSIT, "ETH", eth("100"), 0, TransferDetails.NONE));
        }
        for (int i = 1; i <= 5; i++)
        {
            commands.add(PlaceOrder.limit(1, BTC_USDT, Side.BUY, usdt("90") + i * 10_000L, btc("1"))
                .withClientOrderId("id-" + i)
                .withTimeInForce(i % 2 == 0 ? TimeInForce.POST_ONLY : null)
                .withSelfTradePrevention(SelfTradePrevention.values()[i % 4]));
        }
        commands.add(PlaceOrder.stopLimit(1, BTC_USDT, Side.SELL, usdt("80"), usdt("85"), btc("1"))
            .withClientOrderId("stop").withSelfTradePrevention(SelfTradePrevention.EXPIRE_TAKER));
        commands.add(PlaceOrder.limit(2, ETH_USDT, Side.SELL, usdt("300"), eth("1")).withClientOrderId("id-1"));
        commands.add(new SetDeadMansSwitch(3, null, 5_000));
        commands.add(new SetDeadMansSwitch(2, ETH_USDT, 9_000));
        commands.add(PlaceOrder.limit(3, ETH_USDT, Side.BUY, usdt("200"), eth("1")));
        final List<SimulationRun.TimedCommand> history = new ArrayList<>();
        for (final Command command : commands)
        {
            history.add(new SimulationRun.TimedCommand(command, EngineFixture.START_TIME_MS));
        }
        return history;
    }

    /**
     * A snapshot of format version 2 (written by the engine before switches, client order IDs and order options,
     * kept in {@code engine-snapshot-v2.bin} with the commands that made it) restores into exactly the state those
     * commands give this engine: no switch, no ID, GTC and the configured self-trade prevention.
     */
    @Test
    void shouldReadAVersion2SnapshotAsTheStateItsCommandsGive() throws IOException
    {
        final byte[] version2;
        try (var in = SnapshotTest.class.getResourceAsStream("/engine-snapshot-v2.bin"))
        {
            version2 = in.readAllBytes();
        }
        final PairPolicy policy = EngineFixture.btcUsdtPolicy(PairState.TRADING);
        final List<Command> commands = List.of(
            new PutPair("BTC", "USDT", 8, 6, policy),
            new CreateAccount(),
            new CreateAccount(),
            new Transfer(1, TransferType.DEPOSIT, "USDT", usdt("10000"), 0, TransferDetails.NONE),
            new Transfer(1, TransferType.DEPOSIT, "BTC", btc("10"), 0, TransferDetails.NONE),
            new Transfer(2, TransferType.DEPOSIT, "USDT", usdt("10000"), 0, TransferDetails.NONE),
            new Transfer(2, TransferType.DEPOSIT, "BTC", btc("10"), 0, TransferDetails.NONE),
            new IssueApiKey(1, "Key0000000000001", "cipher", 3, 60, ""),
            PlaceOrder.limit(1, BTC_USDT, Side.SELL, usdt("100"), btc("2")),
            PlaceOrder.limit(2, BTC_USDT, Side.BUY, usdt("100"), btc("0.5")),
            PlaceOrder.limit(1, BTC_USDT, Side.BUY, usdt("90"), btc("1")),
            PlaceOrder.stopLimit(2, BTC_USDT, Side.SELL, usdt("80"), usdt("85"), btc("1")),
            PlaceOrder.limit(2, BTC_USDT, Side.BUY, usdt("95"), btc("1")));
        final Engine replayed = new Engine(EngineConfiguration.DEFAULT);
        for (final Command command : commands)
        {
            assertThat(replayed.apply(command, EngineFixture.START_TIME_MS, EventSink.NONE)).isEqualTo(Status.SUCCESS);
        }

        final Engine restored = restore(version2, EngineConfiguration.DEFAULT);

        assertThat(snapshotOf(restored)).isEqualTo(snapshotOf(replayed));
        assertThat(restored.openOrderCount(2)).isEqualTo(2);
        assertThat(restored.nextDeadlineMs()).isEqualTo(Long.MAX_VALUE);
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
            fixture -> fixture.succeed(PlaceOrder.limit(1, BTC_USDT, Side.BUY, usdt("100"), btc("1"))
                .withClientOrderId("x")),
            fixture -> fixture.succeed(new SetDeadMansSwitch(1, null, 60_000)),
            fixture -> fixture.succeed(new SetDeadMansSwitch(1, BTC_USDT, 60_000)),
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
