package dev.bourse.engine.event;

import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;

/**
 * A deposit or withdrawal was applied. {@code total} is what the account's balance changed by: amount - fee for a
 * deposit, amount + fee for a withdrawal.
 */
public record TransferCompleted(
    long transferId,
    long accountId,
    TransferType type,
    String currency,
    long amount,
    long fee,
    long total,
    TransferDetails details,
    long timestampMs) implements Event
{
}
