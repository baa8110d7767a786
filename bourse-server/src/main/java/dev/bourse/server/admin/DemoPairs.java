package dev.bourse.server.admin;

import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.command.PutPair;

import java.util.List;
import java.util.Map;

/**
 * The pairs an empty exchange starts with, so that a newcomer can trade at once: BTC.USDT, ETH.BTC and BCH.ETH, every
 * currency with 8 decimals, maker fee 0.1 %, taker fee 0.2 %; and plausible prices for them, where the simulated
 * market starts when the pairs have no trade yet.
 */
public final class DemoPairs
{
    /** Scale of every demo currency. */
    public static final int SCALE = 8;

    private DemoPairs()
    {
    }

    /**
     * @return a plausible price of each demo pair, in its Market per unit of its Currency, on its price tick: BTC at
     * 65,000 USDT, ETH at 0.05 BTC (3,250 USDT), BCH at 0.12 ETH (390 USDT).
     */
    public static Map<String, String> referencePrices()
    {
        return Map.of("BTC.USDT", "65000", "ETH.BTC", "0.05", "BCH.ETH", "0.12");
    }

    /** @return the commands that create the demo pairs. */
    public static List<PutPair> commands()
    {
        return List.of(
            // price 0.01 USDT steps, amount 0.000001 BTC steps; 0.0001..1000 BTC; 1..10,000,000 USDT per order
            pair("BTC", "USDT", "Bitcoin / Tether", 1_000_000L, 2, 6, 10_000L, 100_000_000_000L,
                100_000_000L, 1_000_000_000_000_000L),
            // price 0.00001 BTC steps, amount 0.001 ETH steps; 0.001..10,000 ETH; 0.0001..1000 BTC per order
            pair("ETH", "BTC", "Ethereum / Bitcoin", 1_000L, 5, 3, 100_000L, 1_000_000_000_000L,
                10_000L, 100_000_000_000L),
            // price 0.0001 ETH steps, amount 0.0001 BCH steps; 0.001..10,000 BCH; 0.001..10,000 ETH per order
            pair("BCH", "ETH", "Bitcoin Cash / Ethereum", 10_000L, 4, 4, 100_000L, 1_000_000_000_000L,
                100_000L, 1_000_000_000_000L));
    }

    private static PutPair pair(
        final String currency,
        final String market,
        final String displayName,
        final long minPrice,
        final int priceDecimals,
        final int amountDecimals,
        final long minAmount,
        final long maxAmount,
        final long minVolume,
        final long maxVolume)
    {
        return new PutPair(currency, market, SCALE, SCALE, new PairPolicy(displayName, minPrice, priceDecimals,
            amountDecimals, minAmount, maxAmount, minVolume, maxVolume, 1_000, 2_000, PairState.TRADING));
    }

    /**
     * @param publicPort the public API's port.
     * @param adminPort  the admin API's port.
     * @param tokenHint  how to get the admin token in a shell, e.g. {@code $(cat data/admin.token)}.
     * @return what a newcomer reads first: how to open an account, get a key and deposit.
     */
    public static String gettingStarted(final int publicPort, final int adminPort, final String tokenHint)
    {
        final String admin = "http://127.0.0.1:" + adminPort;
        return String.join("\n",
            "",
            "Bourse is serving demo pairs BTC.USDT, ETH.BTC and BCH.ETH. To trade within a minute:",
            "  TOKEN=" + tokenHint,
            "  # 1. open an account; ACCOUNT is the accountId it answers",
            "  ACCOUNT=$(curl -s -X POST -H \"Authorization: Bearer $TOKEN\" " + admin + "/admin/v1/accounts \\",
            "    | sed 's/.*\"accountId\":\\([0-9]*\\).*/\\1/')",
            "  # 2. issue an API key for it (answers apiKey and apiSecret; the secret is shown only this once)",
            "  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" " + admin + "/admin/v1/accounts/$ACCOUNT/apiKeys",
            "  # 3. deposit 10,000 USDT and 1 BTC",
            "  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" -d currency=USDT -d amount=10000 " +
                admin + "/admin/v1/accounts/$ACCOUNT/deposits",
            "  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" -d currency=BTC -d amount=1 " +
                admin + "/admin/v1/accounts/$ACCOUNT/deposits",
            "  # 4. market data needs no key",
            "  curl -s 'http://127.0.0.1:" + publicPort + "/v1/market/public/coins/pairPolicy'",
            "Signed trading calls (X-API-KEY, X-API-TIMESTAMP, X-API-NONCE, X-API-SIGN) are described in docs/API.md;",
            "the OpenAPI document is at http://127.0.0.1:" + publicPort + "/openapi.yaml",
            "");
    }
}
