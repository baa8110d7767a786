package dev.bourse.engine.command;

import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;

/**
 * A deposit into or a withdrawal out of an account. A deposit credits {@code amount - fee}; a withdrawal debits
 * {@code amount + fee} and needs that much available (3301). The fee goes to the exchange.
 *
 * @param accountId the account.
 * @param type      DEPOSIT or WITHDRAW.
 * @param currency  the currency code.
 * @param amount    base units moved across the exchange's boundary, positive.
 * @param fee       base units kept by the exchange, 0 or more (less than amount for a deposit).
 * @param details   address, tag, bank and account number as the transfer record shows them.
 */
public record Transfer(
    long accountId, TransferType type, String currency, long amount, long fee, TransferDetails details)
    implements Command
{
}
