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
 * @param total        amount - fee for a fiat deposit, amount + fee for anything else (as the original defines it;
 *                     not what the balance changed by, which is amount - fee for every deposit).
 * @param address      the address of a cryptocurrency transfer, may be empty; null for a fiat transfer.
 * @param tag          the tag of a cryptocurrency transfer, may be empty; null for a fiat transfer.
 * @param bankName     the bank name of a fiat transfer (one with bank details), may be empty; null otherwise.
 * @param accountNo    the account number of a fiat transfer, may be empty; null otherwise.
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
