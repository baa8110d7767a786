package dev.bourse.server.readmodel;

import dev.bourse.server.sequencer.Projection;

/**
 * A projection that follows the {@link ReadModel} in the apply step and starts from its recovered state, such as the
 * stream publisher. The core tells it the read model and the last recovered sequence once, before the first command
 * reaches it; after that it is told every applied command, right after the read model.
 */
public interface DerivedProjection extends Projection
{
    /**
     * Called once, on the thread that opens the core, before any command is applied.
     *
     * @param readModel    the recovered read model, the projection before this one.
     * @param lastSequence the last command of the recovered state; the next one this projection sees follows it.
     */
    void onRecovered(ReadModel readModel, long lastSequence);
}
