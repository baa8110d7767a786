package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The policy of a pair as pairPolicy shows it. Fee rates are in percent (0.1 = 0.1 %).
 *
 * @param market          the Market (quote) currency.
 * @param currency        the Currency (base) currency.
 * @param displayName     the display name.
 * @param coinPairType    MARKET.CURRENCY as the original writes it (e.g. {@code USDT.BTC} for {@code BTC.USDT}).
 * @param tradeMinAmount  the smallest quantity.
 * @param tradeMaxAmount  the largest quantity.
 * @param tradeMinVolume  the smallest price * quantity.
 * @param tradeMaxVolume  the largest price * quantity.
 * @param makerFeeRate    the maker fee in percent.
 * @param takerFeeRate    the taker fee in percent.
 * @param feeUnit         the currency fees are paid in (the Market).
 * @param minPrice        the smallest price.
 * @param minPriceUnit    the code of the coin prices are offered in (the Market, e.g. {@code "USDT"}); a
 *                        String as in the original. The price tick is 10^-{@code priceDecimals}.
 * @param amountDecimals  the decimals allowed in a quantity.
 * @param priceDecimals   the decimals allowed in a price.
 * @param trading         whether the pair accepts new orders.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PairPolicy(
    @JsonProperty("marketType") String market,
    @JsonProperty("coinType") String currency,
    @JsonProperty("displayNameOfCoinInformation") String displayName,
    @JsonProperty("coinPairType") String coinPairType,
    @JsonProperty("tradeMinAmount") BigDecimal tradeMinAmount,
    @JsonProperty("tradeMaxAmount") BigDecimal tradeMaxAmount,
    @JsonProperty("tradeMinVolume") BigDecimal tradeMinVolume,
    @JsonProperty("tradeMaxVolume") BigDecimal tradeMaxVolume,
    @JsonProperty("tradeMakerFeeRate") BigDecimal makerFeeRate,
    @JsonProperty("tradeTakerFeeRate") BigDecimal takerFeeRate,
    @JsonProperty("tradeFeeUnit") String feeUnit,
    @JsonProperty("minPrice") BigDecimal minPrice,
    @JsonProperty("minPriceUnit") String minPriceUnit,
    @JsonProperty("minAmountDecimal") int amountDecimals,
    @JsonProperty("minPriceDecimal") int priceDecimals,
    @JsonProperty("trade") boolean trading)
{
}
