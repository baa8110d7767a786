package dev.bourse.server.recovery;

import dev.bourse.engine.Engine;
import dev.bourse.engine.EngineConfiguration;
import dev.bourse.engine.command.Command;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalRecovery;
import dev.bourse.journal.RecordHandler;
import dev.bourse.journal.RecoveryResult;
import dev.bourse.journal.SnapshotLoader;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.readmodel.ReadModel;
import dev.bourse.server.sequencer.ApplyStep;
import dev.bourse.server.sequencer.Projection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rebuilds the exchange from its data directory: the newest valid snapshot (engine section: the engine; extra
 * section: the last command's timestamp and the {@link ReadModel}), then every journaled command after it, through
 * the same {@link ApplyStep} as the live engine thread, with the read model as its projection. The snapshot shadow
 * ({@link SnapshotTaker}) is one of these too, and so is the history database's shadow, which runs its own projection
 * before the read model (so that it can still read the view an order had before the command); a cluster node loads
 * its snapshots ({@link #load} then {@link #engine()} and {@link #readModel()}) with one. A follower that needs no read
 * model ({@link #withoutReadModel}, the history database's shadow) has only its own projection: a snapshot's read model
 * is handed to it once, as loaded, and not kept up.
 */
public final class ExchangeRecovery implements SnapshotLoader, RecordHandler
{
    /**
     * The recovered exchange.
     *
     * @param engine          the engine, for the engine thread.
     * @param readModel       the read model in step with it.
     * @param journal         the journal writer positioned after the last record, and what was recovered.
     * @param lastTimestampMs the timestamp of the last command applied, {@link Long#MIN_VALUE} when there was none.
     */
    public record Recovered(Engine engine, ReadModel readModel, RecoveryResult journal, long lastTimestampMs)
    {
        /** @return whether the directory held any state (a snapshot or a journaled command). */
        public boolean hadState()
        {
            return journal.lastSequence() > 0;
        }

        /** @return the sequence of the last command in the recovered state. */
        public long lastSequence()
        {
            return journal.lastSequence();
        }
    }

    private final EngineConfiguration engineConfiguration;
    private final ReadModel.Configuration readModelConfiguration;
    private final SecretCipher cipher;
    private final Projection first;
    private final Consumer<ReadModel> onReadModelLoaded;
    private ReadModel readModel;
    private ApplyStep step;
    private long lastTimestampMs = Long.MIN_VALUE;

    private ExchangeRecovery(
        final EngineConfiguration engineConfiguration,
        final ReadModel.Configuration readModelConfiguration,
        final SecretCipher cipher,
        final Projection first,
        final Consumer<ReadModel> onReadModelLoaded)
    {
        this.engineConfiguration = engineConfiguration;
        this.readModelConfiguration = readModelConfiguration;
        this.cipher = cipher;
        this.first = first;
        this.onReadModelLoaded = onReadModelLoaded;
        this.readModel = onReadModelLoaded == null ? new ReadModel(readModelConfiguration, cipher) : null;
        this.step = new ApplyStep(new Engine(engineConfiguration), 0, projections(readModel));
    }

    private List<Projection> projections(final ReadModel model)
    {
        final List<Projection> projections = new ArrayList<>(2);
        if (first != null)
        {
            projections.add(first);
        }
        if (model != null)
        {
            projections.add(model);
        }
        return projections;
    }

    /**
     * @param engineConfiguration    the engine's limits.
     * @param readModelConfiguration the read model's bounds.
     * @param cipher                 decrypts API secrets.
     * @return an empty exchange that a snapshot can be loaded into and journal records applied to.
     */
    public static ExchangeRecovery empty(
        final EngineConfiguration engineConfiguration,
        final ReadModel.Configuration readModelConfiguration,
        final SecretCipher cipher)
    {
        return new ExchangeRecovery(engineConfiguration, readModelConfiguration, cipher, null, null);
    }

    /**
     * @param engineConfiguration    the engine's limits.
     * @param readModelConfiguration the read model's bounds.
     * @param cipher                 decrypts API secrets.
     * @param first                  told every command applied after a snapshot is loaded, before the read model.
     * @return an empty exchange that a snapshot can be loaded into and journal records applied to.
     */
    public static ExchangeRecovery empty(
        final EngineConfiguration engineConfiguration,
        final ReadModel.Configuration readModelConfiguration,
        final SecretCipher cipher,
        final Projection first)
    {
        return new ExchangeRecovery(engineConfiguration, readModelConfiguration, cipher, first, null);
    }

    /**
     * A follower that keeps no read model: commands go through the engine and the one projection only, so a follower
     * that needs only the events pays for nothing else.
     *
     * @param engineConfiguration    the engine's limits.
     * @param readModelConfiguration the bounds of the read model of a snapshot, read once as it is loaded.
     * @param cipher                 decrypts API secrets (of that read model).
     * @param projection             told every command applied after a snapshot is loaded.
     * @param onReadModelLoaded      given the read model of each snapshot loaded, in step with the engine loaded
     *                               beside it, before any later command is applied; not kept up afterwards.
     * @return an empty exchange that a snapshot can be loaded into and journal records applied to; its
     *         {@link #readModel()} is null.
     */
    public static ExchangeRecovery withoutReadModel(
        final EngineConfiguration engineConfiguration,
        final ReadModel.Configuration readModelConfiguration,
        final SecretCipher cipher,
        final Projection projection,
        final Consumer<ReadModel> onReadModelLoaded)
    {
        return new ExchangeRecovery(engineConfiguration, readModelConfiguration, cipher, projection,
            Objects.requireNonNull(onReadModelLoaded, "onReadModelLoaded"));
    }

    /**
     * Recovers the exchange; an empty directory gives an empty exchange.
     *
     * @param journalConfiguration   where the journal and the snapshots are.
     * @param engineConfiguration    the engine's limits.
     * @param readModelConfiguration the read model's bounds.
     * @param cipher                 decrypts API secrets.
     * @return the exchange and the journal writer that continues the journal.
     */
    public static Recovered recover(
        final JournalConfiguration journalConfiguration,
        final EngineConfiguration engineConfiguration,
        final ReadModel.Configuration readModelConfiguration,
        final SecretCipher cipher)
    {
        final ExchangeRecovery recovery = empty(engineConfiguration, readModelConfiguration, cipher);
        final RecoveryResult journal = JournalRecovery.recover(journalConfiguration, recovery, recovery);
        return new Recovered(recovery.engine(), recovery.readModel, journal, recovery.lastTimestampMs);
    }

    /**
     * Writes the extra section of a snapshot: what {@link #load} reads back beside the engine.
     *
     * @param out             where to write.
     * @param lastTimestampMs the timestamp of the last command applied.
     * @param readModel       the read model.
     * @throws IOException when the output fails.
     */
    public static void writeExtra(final DataOutput out, final long lastTimestampMs, final ReadModel readModel)
        throws IOException
    {
        out.writeLong(lastTimestampMs);
        readModel.writeSnapshot(out);
    }

    /** @return the engine, as loaded and replayed so far. */
    public Engine engine()
    {
        return step.engine();
    }

    /**
     * @return the read model in step with the engine (replaced when a snapshot is loaded); null for a follower
     *         {@link #withoutReadModel}.
     */
    public ReadModel readModel()
    {
        return readModel;
    }

    /** @return the sequence of the last command applied (or of the snapshot loaded). */
    public long lastSequence()
    {
        return step.lastSequence();
    }

    /** @return the timestamp of the last command applied, {@link Long#MIN_VALUE} when there was none. */
    public long lastTimestampMs()
    {
        return lastTimestampMs;
    }

    @Override
    public void load(final long lastSequence, final DataInput engineState, final DataInput extra) throws IOException
    {
        final Engine loadedEngine = Engine.readSnapshot(engineState, engineConfiguration);
        final long loadedTimestampMs = extra.readLong();
        final ReadModel loadedReadModel = new ReadModel(readModelConfiguration, cipher);
        loadedReadModel.readSnapshot(extra, loadedEngine, lastSequence);
        if (onReadModelLoaded != null)
        {
            onReadModelLoaded.accept(loadedReadModel);
        }
        else
        {
            readModel = loadedReadModel;
        }
        step = new ApplyStep(loadedEngine, lastSequence, projections(readModel));
        lastTimestampMs = loadedTimestampMs;
    }

    @Override
    public void onRecord(final long sequence, final long timestampMs, final Command command)
    {
        step.applyDurable(sequence, timestampMs, command);
        lastTimestampMs = Math.max(lastTimestampMs, timestampMs);
    }
}
