package dev.bourse.client;

import java.math.BigDecimal;

/**
 * What {@code PUT /admin/v1/pairs/{coinPair}} sets. A new pair needs every limit and both fee rates; an update
 * changes only what it names. Fee rates are in percent (0.1 = 0.1 %). Build one with {@link #builder()}.
 */
public final class PairPolicyUpdate
{
    private final Form form;

    private PairPolicyUpdate(final Form form)
    {
        this.form = form;
    }

    /** @return an empty builder. */
    public static Builder builder()
    {
        return new Builder();
    }

    /** @return an update that only changes the pair's state. */
    public static PairPolicyUpdate state(final PairState state)
    {
        return builder().state(state).build();
    }

    Form form()
    {
        return form;
    }

    /** Collects the fields to set; each setter overrides an earlier one of the same field. */
    public static final class Builder
    {
        private final Form form = new Form();

        private Builder()
        {
        }

        /** @return this builder with the display name. */
        public Builder displayName(final String displayName)
        {
            form.put("displayName", displayName);
            return this;
        }

        /** @return this builder with the smallest price. */
        public Builder minPrice(final BigDecimal minPrice)
        {
            form.put("minPrice", minPrice);
            return this;
        }

        /** @return this builder with the decimals allowed in a price. */
        public Builder priceDecimals(final int priceDecimals)
        {
            form.put("minPriceDecimal", priceDecimals);
            return this;
        }

        /** @return this builder with the decimals allowed in a quantity. */
        public Builder amountDecimals(final int amountDecimals)
        {
            form.put("minAmountDecimal", amountDecimals);
            return this;
        }

        /** @return this builder with the quantity limits. */
        public Builder amountLimits(final BigDecimal tradeMinAmount, final BigDecimal tradeMaxAmount)
        {
            form.put("tradeMinAmount", tradeMinAmount).put("tradeMaxAmount", tradeMaxAmount);
            return this;
        }

        /** @return this builder with the volume (price * quantity) limits. */
        public Builder volumeLimits(final BigDecimal tradeMinVolume, final BigDecimal tradeMaxVolume)
        {
            form.put("tradeMinVolume", tradeMinVolume).put("tradeMaxVolume", tradeMaxVolume);
            return this;
        }

        /** @return this builder with the fee rates in percent (0.1 = 0.1 %, at most 4 decimals). */
        public Builder feeRatesPercent(final BigDecimal makerFeeRate, final BigDecimal takerFeeRate)
        {
            form.put("makerFeeRate", makerFeeRate).put("takerFeeRate", takerFeeRate);
            return this;
        }

        /** @return this builder with the state. */
        public Builder state(final PairState state)
        {
            form.put("state", state);
            return this;
        }

        /** @return this builder with the scales of currencies that do not exist yet (Bourse's extension). */
        public Builder scales(final int currencyScale, final int marketScale)
        {
            form.put("currencyScale", currencyScale).put("marketScale", marketScale);
            return this;
        }

        /** @return the update. */
        public PairPolicyUpdate build()
        {
            final Form copy = new Form();
            copy.putAll(form);
            return new PairPolicyUpdate(copy);
        }
    }
}
