package dev.bourse.server;

import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.metrics.ServerMetrics;
import dev.bourse.server.readmodel.DerivedProjection;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.CommandSubmitter;
import dev.bourse.server.sequencer.FailStopHandler;
import dev.bourse.server.sequencer.SequencerHealth;

import java.io.IOException;
import java.util.List;

/**
 * What a {@link BourseServer} puts its HTTP gateways in front of: the part that sequences commands, applies them and
 * projects them into the {@link ReadModel}. {@link JournaledExchange} is one node with its journal (the default);
 * {@code bourse-cluster} provides a node of a replicated cluster. The gateways and the read model do not know which.
 */
public interface ExchangeCore extends AutoCloseable
{
    /** Opens an exchange core for a server. */
    @FunctionalInterface
    interface Factory
    {
        /**
         * Opens the core (recovering or joining what is durable) and starts its threads.
         *
         * @param context  the server's configuration.
         * @param cipher   encrypts and decrypts API secrets.
         * @param history  the durable history, opened already: the core starts it once it is built (a core that
         *                 cannot feed it refuses one other than {@link HistoryService.Factory#NONE}'s).
         * @param metrics  where the core reports its queues, batches and snapshots.
         * @param derived  projections after the read model, in order (the stream publisher): each is told the
         *                 recovered read model before the first command reaches it.
         * @param failStop told, once, when the core stopped after a failure; the server then shuts down.
         * @return the running core, ready for commands.
         * @throws IOException when its files cannot be used.
         */
        ExchangeCore open(ServerContext context, SecretCipher cipher, HistoryService history, ServerMetrics metrics,
            List<DerivedProjection> derived, FailStopHandler failStop) throws IOException;
    }

    /** @return where commands go and how their outcome comes back. */
    CommandSubmitter commands();

    /** @return what every read shows; updated only with commands that are durable. */
    ReadModel readModel();

    /** @return whether writes are accepted, and how far the durable stream and its projections are. */
    SequencerHealth health();

    /**
     * @return whether the exchange held state when it opened (a restart): requests signed before it opened must then
     * be refused, since the memory of the nonces seen did not survive.
     */
    boolean hadState();

    /** @return routes this core adds to the admin API (none for a single node). */
    List<Route> adminRoutes();

    /**
     * Stops the core, after the gateways stopped: every command still waiting is answered. After a clean run what is
     * durable is kept (and snapshotted where the core does that at shutdown); after a fail-stop nothing of the live
     * state is written.
     */
    @Override
    void close();
}
