package dev.bourse.engine.event;

import dev.bourse.engine.PairPolicy;

/** A pair was created or its policy changed. */
public record PairUpdated(int pairId, String coinPair, String currency, String market, PairPolicy policy)
    implements Event
{
}
