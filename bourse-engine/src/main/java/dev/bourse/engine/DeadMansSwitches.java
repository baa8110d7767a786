package dev.bourse.engine;

import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.event.DeadMansSwitchSet;
import dev.bourse.engine.event.OrderCancelled.CancelReason;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * The armed dead man's switches, one at most per account, earliest deadline first (then by account): setting one,
 * the earliest deadline, and firing those that are due as cancel-alls. The deadline is the time of the command that
 * set the switch plus its timeout; time reaches the engine only with commands.
 */
final class DeadMansSwitches
{
    private final EngineState state;
    private final OrderProcessor orders;
    private final TreeSet<Account> armed = new TreeSet<>(
        Comparator.comparingLong((Account account) -> account.deadMansSwitchDeadlineMs).thenComparingLong(a -> a.id));

    DeadMansSwitches(final EngineState state, final OrderProcessor orders)
    {
        this.state = state;
        this.orders = orders;
    }

    Status set(final SetDeadMansSwitch command, final long timestampMs, final EventSink sink)
    {
        final Account account = state.account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        final Pair pair = command.coinPair() == null ? null : state.pair(command.coinPair());
        if (command.coinPair() != null && pair == null)
        {
            return Status.INVALID_COIN_PAIR;
        }
        final long timeoutMs = command.timeoutMs();
        if (timeoutMs != 0 && (timeoutMs < SetDeadMansSwitch.MIN_TIMEOUT_MS ||
            timeoutMs > SetDeadMansSwitch.MAX_TIMEOUT_MS || timestampMs > Long.MAX_VALUE - timeoutMs ||
            timestampMs + timeoutMs <= 0))
        {
            return Status.INVALID_PARAMETER;
        }
        final long deadlineMs = timeoutMs == 0 ? 0 : timestampMs + timeoutMs;
        arm(account, timeoutMs == 0 ? null : pair, deadlineMs);
        sink.onEvent(new DeadMansSwitchSet(account.id, pair == null ? null : pair.coinPair, timeoutMs, deadlineMs));
        return Status.SUCCESS;
    }

    /** Fires every switch due at the time, earliest first; each disarms and cancels its orders as one cancel-all. */
    Status fire(final long timestampMs, final EventSink sink)
    {
        long iterationsLeft = armed.size();
        for (Account account = firstDue(timestampMs); account != null; account = firstDue(timestampMs))
        {
            if (--iterationsLeft < 0)
            {
                throw new IllegalStateException("dead man's switches due at " + timestampMs + " did not end");
            }
            final Pair pair = account.deadMansSwitchPair;
            arm(account, null, 0);
            orders.cancelAll(account, pair, null, CancelReason.DEAD_MANS_SWITCH, sink);
        }
        return Status.SUCCESS;
    }

    /** Sets the account's switch (a deadline of 0 disarms it); the snapshot restores through this too. */
    void arm(final Account account, final Pair pair, final long deadlineMs)
    {
        if (account.deadMansSwitchDeadlineMs != 0)
        {
            armed.remove(account);
        }
        account.deadMansSwitchDeadlineMs = deadlineMs;
        account.deadMansSwitchPair = pair;
        if (deadlineMs != 0)
        {
            armed.add(account);
        }
    }

    /** @return the earliest deadline of an armed switch, or {@link Long#MAX_VALUE} when none is armed. */
    long nextDeadlineMs()
    {
        return armed.isEmpty() ? Long.MAX_VALUE : armed.first().deadMansSwitchDeadlineMs;
    }

    private Account firstDue(final long timestampMs)
    {
        return armed.isEmpty() || armed.first().deadMansSwitchDeadlineMs > timestampMs ? null : armed.first();
    }
}
