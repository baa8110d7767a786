package dev.bourse.engine.command;

/**
 * Arms, renews or disarms the account's dead man's switch: unless it is set again within {@code timeoutMs} of this
 * command's time, {@link FireDeadMansSwitches} cancels every open order of the account on the pair (or on every
 * pair) as one cancel-all. An account has one switch: setting it replaces what was set before, pair included; a
 * timeout of 0 disarms it.
 *
 * @param accountId the account.
 * @param coinPair  the pair whose orders it cancels, or null for every pair.
 * @param timeoutMs 0 to disarm, else {@value #MIN_TIMEOUT_MS}..{@value #MAX_TIMEOUT_MS} ms (4002 otherwise).
 */
public record SetDeadMansSwitch(long accountId, String coinPair, long timeoutMs) implements Command
{
    /** The shortest timeout: 1 second. */
    public static final long MIN_TIMEOUT_MS = 1_000;
    /** The longest timeout: 24 hours. */
    public static final long MAX_TIMEOUT_MS = 86_400_000;
}
