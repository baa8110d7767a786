package dev.bourse.simulator;

/**
 * Where a pair's price should be: the simulated market makers quote around it and the takers lean towards it. A
 * function of the time since the simulation started, so that the same settings give the same prices whenever they
 * are asked for. Implementations are thread-safe.
 */
public interface ReferencePrice
{
    /**
     * @param elapsedMs milliseconds since the simulation started, not negative; calls may come in any order.
     * @return the reference price, in Market units per Currency unit, positive.
     */
    double priceAt(long elapsedMs);
}
