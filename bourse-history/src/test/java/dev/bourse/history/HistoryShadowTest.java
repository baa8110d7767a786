package dev.bourse.history;

import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.Command;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.recovery.ExchangeRecovery;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;

import static dev.bourse.history.HistoryTestSupport.START_MS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history's shadow keeps no read model: a shadow started from a snapshot (seeded from the snapshot's read model)
 * gives the same rows as one that followed every command from the first, cancel-alls of orders placed before the
 * snapshot included.
 */
class HistoryShadowTest
{
    private static final int ACCOUNTS = 4;
    private static final SecretCipher CIPHER = new SecretCipher(new byte[SecretCipher.KEY_BYTES]);

    @Test
    void shouldGiveTheSameRowsFromASnapshotAsFromTheFirstCommand() throws Exception
    {
        final List<Command> commands = new ArrayList<>(HistoryTestSupport.seededRun(11, ACCOUNTS, 800));
        final int snapshotAt = commands.size() - 300;
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            commands.add(snapshotAt, new CancelAllOrders(account, null));
        }

        final HistoryProjection fromStart = new HistoryProjection();
        final ExchangeRecovery wholeShadow = shadow(fromStart);
        final ExchangeRecovery live = ExchangeRecovery.empty(EngineConfiguration.DEFAULT,
            HistoryTestSupport.WHOLE, CIPHER);
        for (int i = 0; i < snapshotAt; i++)
        {
            apply(wholeShadow, i, commands.get(i));
            apply(live, i, commands.get(i));
        }
        fromStart.take();

        final ByteArrayOutputStream engineBytes = new ByteArrayOutputStream();
        live.engine().writeSnapshot(new DataOutputStream(engineBytes));
        final ByteArrayOutputStream extraBytes = new ByteArrayOutputStream();
        ExchangeRecovery.writeExtra(new DataOutputStream(extraBytes), live.lastTimestampMs(), live.readModel());
        final HistoryProjection fromSnapshot = new HistoryProjection();
        final ExchangeRecovery snapshotShadow = shadow(fromSnapshot);
        snapshotShadow.load(snapshotAt, new DataInputStream(new ByteArrayInputStream(engineBytes.toByteArray())),
            new DataInputStream(new ByteArrayInputStream(extraBytes.toByteArray())));
        assertThat(snapshotShadow.readModel()).as("the shadow keeps no read model").isNull();

        for (int i = snapshotAt; i < commands.size(); i++)
        {
            apply(wholeShadow, i, commands.get(i));
            apply(snapshotShadow, i, commands.get(i));
        }
        final HistoryBatch expected = fromStart.take();
        final HistoryBatch actual = fromSnapshot.take();

        assertThat(expected.orders.stream().filter(row -> row.sequence() == snapshotAt + 1).count())
            .as("the first cancel-all after the snapshot cancelled orders placed before it").isPositive();
        assertThat(actual.orders).isEqualTo(expected.orders);
        assertThat(actual.fills).isEqualTo(expected.fills);
        assertThat(actual.trades).isEqualTo(expected.trades);
        assertThat(actual.transfers).isEqualTo(expected.transfers);
        assertThat(snapshotShadow.engine().stateHash()).isEqualTo(wholeShadow.engine().stateHash());
    }

    private static ExchangeRecovery shadow(final HistoryProjection projection)
    {
        return ExchangeRecovery.withoutReadModel(EngineConfiguration.DEFAULT, HistoryTestSupport.WHOLE, CIPHER,
            projection, projection::seed);
    }

    private static void apply(final ExchangeRecovery exchange, final int index, final Command command)
    {
        exchange.onRecord(index + 1, START_MS + index, command);
    }
}
