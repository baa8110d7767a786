package dev.bourse.engine.event;

/**
 * The account's dead man's switch was armed, renewed or disarmed.
 *
 * @param accountId  the account.
 * @param coinPair   the pair it covers, or null for every pair.
 * @param timeoutMs  the timeout asked, 0 to disarm.
 * @param deadlineMs when it fires unless set again (the command's time + timeout), 0 when disarmed.
 */
public record DeadMansSwitchSet(long accountId, String coinPair, long timeoutMs, long deadlineMs) implements Event
{
}
