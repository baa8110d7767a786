package dev.bourse.server;

import dev.bourse.journal.JournalRetention;
import dev.bourse.server.readmodel.HistoryStore;

/**
 * A durable history of the sequenced stream kept outside the heap (the history database): it follows the committed
 * journal on a thread of its own, so it never slows the engine or the projection thread, and lags (then catches up)
 * when its store is slow or down. {@link BourseServer} opens it before recovering the core (its committed sequence is
 * the journal's retention floor), starts it once the core is built, and closes it after the core stopped.
 */
public interface HistoryService extends AutoCloseable
{
    /** Opens the history service of a server. */
    @FunctionalInterface
    interface Factory
    {
        /** No history: the read model's window is all the history there is. */
        Factory NONE = context -> new HistoryService()
        {
            @Override
            public HistoryStore store()
            {
                return HistoryStore.NONE;
            }

            @Override
            public long retentionFloor()
            {
                return JournalRetention.NO_FLOOR;
            }

            @Override
            public void start(final JournaledExchange core, final JournaledExchange.Settings settings)
            {
            }

            @Override
            public void close()
            {
            }
        };

        /**
         * @param context the server's configuration.
         * @return the service, its store ready to answer (the database reachable or not).
         * @throws Exception when it cannot be set up at all (a database that cannot be started or migrated).
         */
        HistoryService open(ServerContext context) throws Exception;
    }

    /** @return the durable history's queries and health. */
    HistoryStore store();

    /** @return the sequence up to which the journal may be pruned: the history's committed sequence. */
    default long retentionFloor()
    {
        return store().committedSequence();
    }

    /**
     * Starts following the core's committed journal.
     *
     * @param core     the exchange, recovered.
     * @param settings what it is made of.
     */
    void start(JournaledExchange core, JournaledExchange.Settings settings);

    /** Stops following (after the core stopped: what is committed by then is written if the store allows). */
    @Override
    void close();
}
