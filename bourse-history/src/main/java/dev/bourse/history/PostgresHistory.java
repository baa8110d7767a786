package dev.bourse.history;

import dev.bourse.server.JournaledExchange;
import dev.bourse.server.HistoryService;
import dev.bourse.server.ServerContext;
import dev.bourse.server.readmodel.HistoryStore;

import java.io.IOException;
import java.util.Optional;

/**
 * The history of the exchange in PostgreSQL: a {@link HistoryService} made of the database ({@link HistoryDatabase}),
 * the history thread that follows the committed journal and writes ({@link HistoryFollower}), and the queries
 * ({@link PostgresHistoryStore}). Set it on a server with {@code context.historyFactory(PostgresHistory.FACTORY)}.
 */
public final class PostgresHistory implements HistoryService
{
    /** Opens the history of a server: embedded unless {@code databaseUrl} is set. */
    public static final HistoryService.Factory FACTORY = PostgresHistory::open;

    private static final long STOP_TIMEOUT_MS = 60_000;

    private final HistoryDatabase database;
    private final PostgresHistoryStore store;
    private HistoryFollower follower;
    private Thread thread;
    private boolean closed;

    private PostgresHistory(final HistoryDatabase database)
    {
        this.database = database;
        this.store = new PostgresHistoryStore(database.dataSource(), HistoryDatabase.READERS,
            HistoryDatabase.READ_QUEUE);
    }

    /**
     * @param context the server's configuration.
     * @return the history, its embedded database started (an external one may still be down).
     * @throws IOException when the embedded database cannot be started.
     */
    public static PostgresHistory open(final ServerContext context) throws IOException
    {
        return new PostgresHistory(HistoryDatabase.open(context));
    }

    @Override
    public HistoryStore store()
    {
        return store;
    }

    @Override
    public synchronized void start(final JournaledExchange core, final JournaledExchange.Settings settings)
    {
        follower = new HistoryFollower(database, store, core, settings);
        thread = new Thread(follower, "bourse-history");
        thread.start();
    }

    /** Brings the schema up to date now rather than on the history thread (for tools that only query). */
    public void migrate()
    {
        database.migrate();
    }

    /** @return the embedded database, when it is the one in use (for tests and tools). */
    public Optional<EmbeddedDatabase> embeddedDatabase()
    {
        return database.embedded();
    }

    /** Stops the history thread after the batch it is writing, then the queries, the pool and the database. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (thread != null)
        {
            follower.stop();
            try
            {
                thread.join(STOP_TIMEOUT_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        store.close();
        database.close();
    }
}
