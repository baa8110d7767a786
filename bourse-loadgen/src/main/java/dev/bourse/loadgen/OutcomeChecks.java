package dev.bourse.loadgen;

import java.util.ArrayList;
import java.util.List;

/** The outcome checks of a suite run: each failed check is kept with its reason; the run fails if any did. */
public final class OutcomeChecks
{
    /**
     * Envelope codes that mean the generator, not the load, is wrong (authentication, signature, nonce, rate, time
     * window) or that the server failed (5000 internal error, 5001 queue full).
     */
    private static final int[] FORBIDDEN_CODES = {4001, 4003, 4005, 4013, 4018, 6001, 6002, 6003, 6004, 6005,
        5000, 5001};

    private final List<String> failures = new ArrayList<>();

    /** Records a failure unless the condition holds. */
    public void check(final boolean condition, final String failure)
    {
        if (!condition)
        {
            failures.add(failure);
        }
    }

    /** Checks a phase: something answered, nothing failed, no forbidden envelope code. */
    public void checkPhase(final String phase, final LoadResult result)
    {
        check(result.answered() > 0, phase + ": no request was answered");
        check(result.failed() == 0, phase + ": " + result.failed() + " requests got no envelope");
        check(result.countOf(FORBIDDEN_CODES) == 0, phase + ": forbidden status codes " + result.statusCounts());
        check(result.latencyUs().getTotalCount() == result.answered(),
            phase + ": the histogram holds " + result.latencyUs().getTotalCount() + " values for " +
            result.answered() + " answers");
    }

    /** @return the failed checks, empty when all held. */
    public List<String> failures()
    {
        return List.copyOf(failures);
    }
}
