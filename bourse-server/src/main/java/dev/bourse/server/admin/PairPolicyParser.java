package dev.bourse.server.admin;

import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.Status;
import dev.bourse.server.gateway.ApiException;
import dev.bourse.server.gateway.DecimalUnits;
import dev.bourse.server.gateway.RequestParameters;

/**
 * Reads the parameters of {@code PUT /admin/v1/pairs/{coinPair}}: a new pair needs every limit; an update changes
 * only what it names. Fee rates are in percent (0.1 = 0.1 %), at most 4 decimals (whole ppm).
 */
final class PairPolicyParser
{
    private static final int FEE_PERCENT_SCALE = 4;
    private static final int MAX_DISPLAY_NAME = 64;

    private PairPolicyParser()
    {
    }

    static PairPolicy parse(
        final RequestParameters params,
        final PairPolicy existing,
        final String coinPair,
        final int currencyScale,
        final int marketScale)
    {
        final String displayName = params.optional("displayName") != null ? params.optional("displayName") :
            existing != null ? existing.displayName() : coinPair;
        if (displayName.length() > MAX_DISPLAY_NAME)
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        final int priceDecimals = (int)params.integer("minPriceDecimal",
            existing != null ? existing.priceDecimals() : -1, 0, marketScale, Status.INVALID_PARAMETER);
        final int amountDecimals = (int)params.integer("minAmountDecimal",
            existing != null ? existing.amountDecimals() : -1, 0, currencyScale, Status.INVALID_PARAMETER);
        final long minPrice = units(params, "minPrice", existing == null ? -1 : existing.minPrice(), marketScale);
        final long minAmount = units(params, "tradeMinAmount", existing == null ? -1 : existing.minAmount(),
            currencyScale);
        final long maxAmount = units(params, "tradeMaxAmount", existing == null ? -1 : existing.maxAmount(),
            currencyScale);
        final long minVolume = units(params, "tradeMinVolume", existing == null ? -1 : existing.minVolume(),
            marketScale);
        final long maxVolume = units(params, "tradeMaxVolume", existing == null ? -1 : existing.maxVolume(),
            marketScale);
        final long makerFeePpm = units(params, "makerFeeRate", existing == null ? -1 : existing.makerFeePpm(),
            FEE_PERCENT_SCALE);
        final long takerFeePpm = units(params, "takerFeeRate", existing == null ? -1 : existing.takerFeePpm(),
            FEE_PERCENT_SCALE);
        if (priceDecimals < 0 || amountDecimals < 0 || minPrice < 0 || minAmount < 0 || maxAmount < 0 ||
            minVolume < 0 || maxVolume < 0 || makerFeePpm < 0 || takerFeePpm < 0)
        {
            throw new ApiException(Status.MANDATORY_PARAMETER_MISSING);
        }
        if (makerFeePpm > PairPolicy.PPM || takerFeePpm > PairPolicy.PPM || priceDecimals + amountDecimals > marketScale
            || minPrice == 0 || minAmount > maxAmount || minVolume > maxVolume)
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return new PairPolicy(displayName, minPrice, priceDecimals, amountDecimals, minAmount, maxAmount, minVolume,
            maxVolume, (int)makerFeePpm, (int)takerFeePpm,
            AdminApi.state(params.optional("state"), existing != null ? existing.state() :
                PairState.TRADING));
    }

    private static long units(final RequestParameters params, final String name, final long defaultUnits,
        final int scale)
    {
        final String text = params.optional(name);
        return text == null ? defaultUnits : DecimalUnits.parse(text, scale, DecimalUnits.AMOUNT_OR_ZERO);
    }
}
