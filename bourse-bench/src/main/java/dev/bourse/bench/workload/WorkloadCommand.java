package dev.bourse.bench.workload;

/** One line of a shared workload file (see shared/bench/README.md). */
public sealed interface WorkloadCommand
{
    /** {@code P orderId uid B|S price size GTC|IOC}. */
    record Place(long orderId, long uid, boolean buy, long price, long size, boolean immediateOrCancel)
        implements WorkloadCommand
    {
    }

    /** {@code C orderId uid}. */
    record Cancel(long orderId, long uid) implements WorkloadCommand
    {
    }
}
