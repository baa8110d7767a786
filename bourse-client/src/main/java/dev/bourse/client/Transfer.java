package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * A deposit or withdrawal as transactionHistory shows it.
 *
 * @param dateMs       when it was applied.
 * @param transferType DEPOSIT or WITHDRAW.
 * @param amount       the amount.
 * @param fee          the fee.
 * @param total        what the balance changed by (amount - fee for a deposit, amount + fee for a withdrawal).
 * @param address      the address, may be empty.
 * @param tag          the tag, may be empty.
 * @param bankName     the bank name, may be empty.
 * @param accountNo    the account number, may be empty.
 * @param status       always COMPLETE on Bourse.
 * @param currency     the currency.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Transfer(
    @JsonProperty("date") long dateMs,
    @JsonProperty("transferType") TransferType transferType,
    @JsonProperty("amount") BigDecimal amount,
    @JsonProperty("fee") BigDecimal fee,
    @JsonProperty("total") BigDecimal total,
    @JsonProperty("address") String address,
    @JsonProperty("tag") String tag,
    @JsonProperty("bankName") String bankName,
    @JsonProperty("accountNo") String accountNo,
    @JsonProperty("status") String status,
    @JsonProperty("currency") String currency)
{
}
