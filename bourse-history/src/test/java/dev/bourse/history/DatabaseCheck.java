package dev.bourse.history;

import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.event.AllOrdersCancelled;
import dev.bourse.engine.event.Event;
import dev.bourse.engine.event.OrderAccepted;
import dev.bourse.engine.event.OrderCancelled;
import dev.bourse.engine.event.OrderFilled;
import dev.bourse.engine.event.OrderTriggered;
import dev.bourse.engine.event.OrderView;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalReader;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.recovery.ExchangeRecovery;
import dev.bourse.server.sequencer.AppliedCommand;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a history database against its data directory's journal replayed from sequence 1 into a read model that
 * keeps everything: one row per order per command that changed it (no row lost, none twice), every order's last
 * view, every trade, fill and transfer in the API's order, and the committed sequence at the journal's end.
 */
public final class DatabaseCheck
{
    private DatabaseCheck()
    {
    }

    /** What the journal replayed shows. */
    public record Reference(ReadModel readModel, Map<Long, List<Long>> orderChanges, long lastSequence)
    {
    }

    /**
     * @param url      the history database.
     * @param dataDir  the server's data directory (the server stopped, or at least idle).
     * @param accounts accounts 1..accounts are checked.
     */
    static void assertDatabaseHoldsTheJournal(final String url, final Path dataDir, final int accounts)
        throws SQLException
    {
        assertDatabaseHoldsTheJournal(url, dataDir, accounts, List.of("BCH.ETH", "ETH.BTC"));
    }

    /**
     * @param url      the history database.
     * @param dataDir  the server's data directory (the server stopped, or at least idle).
     * @param accounts accounts 1..accounts are checked.
     * @param pairs    the pairs whose trades are checked (each must have some).
     */
    public static void assertDatabaseHoldsTheJournal(
        final String url, final Path dataDir, final int accounts, final List<String> pairs) throws SQLException
    {
        final Reference reference = replay(dataDir);
        final PostgresHistoryStore store = new PostgresHistoryStore(
            new org.postgresql.ds.PGSimpleDataSource()
            {
                {
                    setUrl(url);
                    setUser(EmbeddedDatabase.USER);
                }
            }, 1, 16);
        try (store; Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, null))
        {
            store.published(reference.lastSequence(), null);
            assertThat(query(connection, "SELECT committed_sequence FROM history_progress")).containsExactly(
                Long.toString(reference.lastSequence()));
            final Map<Long, List<Long>> stateChanges = new TreeMap<>();
            for (final String row : query(connection, "SELECT order_id || ' ' || sequence FROM order_state " +
                "ORDER BY order_id, sequence"))
            {
                final String[] parts = row.split(" ");
                stateChanges.computeIfAbsent(Long.parseLong(parts[0]), id -> new ArrayList<>())
                    .add(Long.parseLong(parts[1]));
            }
            assertThat(stateChanges).isEqualTo(reference.orderChanges());
            assertThat(store.order(reference.orderChanges().keySet().iterator().next()).join())
                .isEqualTo(reference.readModel().orders().order(reference.orderChanges().keySet().iterator().next()));
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT DISTINCT ON (order_id) " + PostgresHistoryStore.ORDER_COLUMNS + " FROM order_state " +
                    "ORDER BY order_id, sequence DESC"))
            {
                while (result.next())
                {
                    final OrderView view = PostgresHistoryStore.orderView(result);
                    assertThat(view).as("order %d", view.orderId())
                        .isEqualTo(reference.readModel().orders().order(view.orderId()));
                }
            }
            for (final String pair : pairs)
            {
                assertThat(store.trades(pair, 0, Long.MAX_VALUE, reference.lastSequence(), 1_000_000).join())
                    .isEqualTo(reference.readModel().trades(pair, 0, Long.MAX_VALUE, 1_000_000)).isNotEmpty();
            }
            for (long account = 1; account <= accounts; account++)
            {
                assertThat(store.fills(account, null, 0, Long.MAX_VALUE, reference.lastSequence(), 1_000_000).join())
                    .isEqualTo(reference.readModel().fills(account, 0, Long.MAX_VALUE, fill -> true, 1_000_000));
                assertThat(store.fills(account, "ETH.BTC", 0, Long.MAX_VALUE, reference.lastSequence(), 1_000_000)
                    .join()).isEqualTo(reference.readModel().fills(account, 0, Long.MAX_VALUE,
                        fill -> "ETH.BTC".equals(fill.coinPair()), 1_000_000));
                assertThat(store.transfers(account, null, null, 0, Long.MAX_VALUE, reference.lastSequence(), 0,
                    1_000_000).join().transfers())
                    .isEqualTo(reference.readModel().accounts().transfers(account, 0, Long.MAX_VALUE, t -> true));
            }
            assertThat(query(connection, "SELECT currency || ' ' || scale FROM currency"))
                .containsExactlyInAnyOrderElementsOf(reference.readModel().markets().currencies().stream()
                    .map(currency -> currency + " " + reference.readModel().markets().scale(currency)).toList());
        }
    }

    /** Replays the journal from its start into a read model that keeps everything; notes which orders each changed. */
    static Reference replay(final Path dataDir)
    {
        final Map<Long, List<Long>> changes = new TreeMap<>();
        final ExchangeRecovery exchange = ExchangeRecovery.empty(EngineConfiguration.DEFAULT, HistoryTestSupport.WHOLE,
            new SecretCipher(new byte[SecretCipher.KEY_BYTES]), (AppliedCommand applied) ->
            {
                final TreeSet<Long> touched = new TreeSet<>();
                for (final Event event : applied.events())
                {
                    switch (event)
                    {
                        case OrderAccepted accepted -> touched.add(accepted.order().orderId());
                        case OrderTriggered triggered -> touched.add(triggered.order().orderId());
                        case OrderCancelled cancelled -> touched.add(cancelled.order().orderId());
                        case OrderFilled filled -> touched.add(filled.order().orderId());
                        case AllOrdersCancelled all -> touched.addAll(all.orderIds().toList());
                        default ->
                        {
                        }
                    }
                }
                if (applied.status().isSuccess())
                {
                    touched.forEach(id -> changes.computeIfAbsent(id, key -> new ArrayList<>()).add(applied.sequence()));
                }
            });
        final JournalConfiguration journal = JournalConfiguration.defaults(dataDir);
        new JournalReader(journal.journalDirectory(), journal.maxBatchBytes()).read(1, exchange);
        return new Reference(exchange.readModel(), changes, exchange.lastSequence());
    }

    static List<String> query(final Connection connection, final String sql) throws SQLException
    {
        final List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql))
        {
            while (result.next())
            {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
