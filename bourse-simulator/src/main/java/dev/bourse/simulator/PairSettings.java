package dev.bourse.simulator;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * How the simulator trades one pair (docs/SIMULATOR.md lists every setting with its key and default). Sizes are in
 * lots: a pair's lot is its smallest valid order at the starting reference price, the larger of the minimum amount
 * and the minimum volume's worth, so that the same settings suit BTC.USDT and BCH.ETH alike.
 *
 * @param coinPair           the pair, {@code CURRENCY.MARKET}.
 * @param price              the starting reference price, or null to take it from the exchange.
 * @param defaultPrice       the reference price when neither {@code price} nor the exchange gives one, or null.
 * @param replay             a recorded trade file to replay instead of the random walk, or null.
 * @param replaySpeed        recorded milliseconds per wall-clock millisecond.
 * @param replayLoop         whether the replay starts over after the file's last trade.
 * @param replayAmountScale  the factor applied to the file's amounts before they are sent as taker orders.
 * @param walk               the random walk's settings.
 * @param spread             the market maker's quoted spread as a fraction of the reference price, at least four
 *                           price ticks.
 * @param levels             price levels quoted on each side.
 * @param levelStep          the distance between two levels, a fraction of the reference price.
 * @param levelLots          the size of the best level.
 * @param levelGrowth        how much larger each further level is than the best (0.5: +50 % per level).
 * @param sizeJitter         random variation of each quote's size (0.3: within +-30 %).
 * @param refreshMs          milliseconds between two refreshes of the quotes.
 * @param requoteTolerance   how far (fraction of the price) a resting quote may be from its target before it is
 *                           replaced.
 * @param inventoryLimitLots how far the maker's position may drift from its start before it hedges back to flat.
 * @param makerFundsLots     the maker's funds in each currency, in lots (the Market's at the reference price).
 * @param takerRate          taker orders per minute (random walk only; a replay sends the file's trades).
 * @param takerMinLots       the smallest taker order.
 * @param takerMaxLots       the largest taker order.
 * @param marketOrderShare   the share of taker orders sent as MARKET orders; the others are marketable limits.
 * @param takerSlippage      how far past the best opposite price a marketable limit order is priced.
 * @param takerFundsLots     the taker's funds in each currency, in lots, deposited again whenever it runs short.
 */
public record PairSettings(
    String coinPair,
    BigDecimal price,
    BigDecimal defaultPrice,
    Path replay,
    double replaySpeed,
    boolean replayLoop,
    double replayAmountScale,
    RandomWalk.Settings walk,
    double spread,
    int levels,
    double levelStep,
    double levelLots,
    double levelGrowth,
    double sizeJitter,
    long refreshMs,
    double requoteTolerance,
    double inventoryLimitLots,
    double makerFundsLots,
    double takerRate,
    double takerMinLots,
    double takerMaxLots,
    double marketOrderShare,
    double takerSlippage,
    double takerFundsLots)
{
    /** The most levels a side may have. */
    public static final int MAX_LEVELS = 20;

    /** Checks the ranges. */
    public PairSettings
    {
        check(coinPair != null && coinPair.matches("[A-Z0-9]{1,16}\\.[A-Z0-9]{1,16}"), "coinPair", coinPair);
        check(price == null || price.signum() > 0, "price", price);
        check(defaultPrice == null || defaultPrice.signum() > 0, "defaultPrice", defaultPrice);
        check(replaySpeed > 0 && replaySpeed <= 1_000_000, "replaySpeed", replaySpeed);
        check(replayAmountScale > 0 && replayAmountScale <= 1_000_000, "replayAmountScale", replayAmountScale);
        check(walk != null, "walk", walk);
        check(spread > 0 && spread < 0.5, "spread", spread);
        check(levels >= 1 && levels <= MAX_LEVELS, "levels", levels);
        check(levelStep > 0 && levelStep < 0.1, "levelStep", levelStep);
        check(levelLots >= 1 && levelLots <= 1e9, "levelLots", levelLots);
        check(levelGrowth >= 0 && levelGrowth <= 10, "levelGrowth", levelGrowth);
        check(sizeJitter >= 0 && sizeJitter < 1, "sizeJitter", sizeJitter);
        check(refreshMs >= 50 && refreshMs <= 3_600_000, "refreshMs", refreshMs);
        check(requoteTolerance >= 0 && requoteTolerance < spread / 2, "requoteTolerance", requoteTolerance);
        check(inventoryLimitLots > 0, "inventoryLimitLots", inventoryLimitLots);
        check(makerFundsLots >= inventoryLimitLots + 2 * ladderLots(levels, levelLots, levelGrowth, sizeJitter),
            "makerFundsLots (at least inventoryLimitLots + two ladders of quotes)", makerFundsLots);
        check(takerRate >= 0 && takerRate <= 60_000, "takerRate", takerRate);
        check(takerMinLots >= 1 && takerMaxLots >= takerMinLots && takerMaxLots <= 1e9, "takerMinLots/takerMaxLots",
            takerMinLots + ".." + takerMaxLots);
        check(marketOrderShare >= 0 && marketOrderShare <= 1, "marketOrderShare", marketOrderShare);
        check(takerSlippage >= 0 && takerSlippage < 0.5, "takerSlippage", takerSlippage);
        check(takerFundsLots >= takerMaxLots, "takerFundsLots (at least takerMaxLots)", takerFundsLots);
    }

    /** @return the lots one side of the maker's ladder holds at most (sizes before jitter). */
    public double ladderLots()
    {
        return ladderLots(levels, levelLots, levelGrowth, sizeJitter);
    }

    private static double ladderLots(
        final int levels, final double levelLots, final double levelGrowth, final double sizeJitter)
    {
        return levelLots * (levels + levelGrowth * levels * (levels - 1) / 2.0) * (1 + sizeJitter);
    }

    private static void check(final boolean valid, final String name, final Object value)
    {
        if (!valid)
        {
            throw new IllegalArgumentException("simulator setting " + name + " is out of range: " + value);
        }
    }
}
