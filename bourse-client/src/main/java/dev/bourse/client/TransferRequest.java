package dev.bourse.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A deposit or withdrawal to apply through the admin API. Optional fields are null.
 *
 * @param currency  the currency.
 * @param amount    the amount (positive).
 * @param fee       the fee, or null for none.
 * @param address   an address to record, or null.
 * @param tag       a tag to record, or null.
 * @param bankName  a bank name to record, or null.
 * @param accountNo an account number to record, or null.
 */
public record TransferRequest(
    String currency,
    BigDecimal amount,
    BigDecimal fee,
    String address,
    String tag,
    String bankName,
    String accountNo)
{
    /** Checks that currency and amount are present. */
    public TransferRequest
    {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
    }

    /** @return a transfer of {@code amount} of {@code currency} without fee or details. */
    public static TransferRequest of(final String currency, final BigDecimal amount)
    {
        return new TransferRequest(currency, amount, null, null, null, null, null);
    }

    /** @return this transfer with a fee. */
    public TransferRequest withFee(final BigDecimal fee)
    {
        return new TransferRequest(currency, amount, fee, address, tag, bankName, accountNo);
    }

    /** @return this transfer with an address and tag (either may be null). */
    public TransferRequest withAddress(final String address, final String tag)
    {
        return new TransferRequest(currency, amount, fee, address, tag, bankName, accountNo);
    }

    /** @return this transfer with bank details (either may be null). */
    public TransferRequest withBank(final String bankName, final String accountNo)
    {
        return new TransferRequest(currency, amount, fee, address, tag, bankName, accountNo);
    }

    Form form()
    {
        return new Form().put("currency", currency).put("amount", amount).put("fee", fee).put("address", address)
            .put("tag", tag).put("bankName", bankName).put("accountNo", accountNo);
    }
}
