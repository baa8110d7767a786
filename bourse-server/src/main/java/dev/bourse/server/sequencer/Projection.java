package dev.bourse.server.sequencer;

/**
 * A consumer of the sequenced event stream: the read model, the stream publisher, the history writer, metrics. It is
 * told every applied command once, in sequence order, only after the command is durable, and builds what it shows
 * from the events alone: a projection never reads the engine. The same calls happen live, in recovery, in the snapshot
 * shadow and in a cluster node, so a projection rebuilt from the journal equals the live one.
 */
@FunctionalInterface
public interface Projection
{
    /**
     * @param applied the next durable command of the stream, with its events. A projection that throws has broken
     *                the server's invariants: the server stops (fail-stop).
     */
    void onApplied(AppliedCommand applied);
}
