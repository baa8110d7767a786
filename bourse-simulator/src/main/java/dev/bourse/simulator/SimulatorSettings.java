package dev.bourse.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the simulator needs: where the exchange is, the admin token (to open, fund and key its accounts), the
 * label that marks its accounts, the seed, its keys' rate limits, and the settings of each pair. {@link #parse}
 * reads them from {@code key=value} settings (a properties file, {@code --set}), docs/SIMULATOR.md lists them.
 *
 * @param publicUri  the public API, e.g. {@code http://127.0.0.1:8080}.
 * @param adminUri   the admin API, e.g. {@code http://127.0.0.1:8081}.
 * @param adminToken the admin token.
 * @param label      the label of the simulator's accounts.
 * @param seed       the seed of every random choice.
 * @param rps        the requests per second of the simulator's API keys.
 * @param rpm        the requests per minute of the simulator's API keys.
 * @param pairs      the pairs to trade, at least one, each once.
 */
public record SimulatorSettings(
    URI publicUri, URI adminUri, String adminToken, String label, long seed, int rps, int rpm,
    List<PairSettings> pairs)
{
    /** The label of the simulator's accounts unless told otherwise. */
    public static final String DEFAULT_LABEL = "simulated";

    /** The global settings and their defaults. */
    private static final Map<String, String> GLOBAL_DEFAULTS = Map.of(
        "seed", "1", "label", DEFAULT_LABEL, "rps", "20", "rpm", "1200");

    /** The settings of a pair and their defaults; each may be given for all pairs or as {@code PAIR.key}. */
    private static final Map<String, String> PAIR_DEFAULTS = pairDefaults();

    /** Checks the settings. */
    public SimulatorSettings
    {
        Objects.requireNonNull(publicUri, "publicUri");
        Objects.requireNonNull(adminUri, "adminUri");
        Objects.requireNonNull(adminToken, "adminToken");
        if (label == null || !label.matches("[A-Za-z0-9_.-]{1,32}"))
        {
            throw new IllegalArgumentException("simulator setting label must be 1..32 of [A-Za-z0-9_.-]: " + label);
        }
        if (rps < 1 || rpm < rps || rpm > 100_000)
        {
            throw new IllegalArgumentException("simulator settings rps and rpm must be 1 <= rps <= rpm <= 100000: " +
                rps + ", " + rpm);
        }
        if (pairs.isEmpty() || pairs.stream().map(PairSettings::coinPair).distinct().count() != pairs.size())
        {
            throw new IllegalArgumentException("the simulator needs at least one pair, each once: " +
                pairs.stream().map(PairSettings::coinPair).toList());
        }
        pairs = List.copyOf(pairs);
    }

    private static Map<String, String> pairDefaults()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("price", "");
        defaults.put("replay", "");
        defaults.put("replaySpeed", "1");
        defaults.put("replayLoop", "true");
        defaults.put("replayAmountScale", "1");
        defaults.put("volatility", "0.01");
        defaults.put("drift", "0");
        defaults.put("reversion", "0.02");
        defaults.put("stepMs", "1000");
        defaults.put("regimeMinutes", "10");
        defaults.put("regimeVolatility", "3");
        defaults.put("regimeTrend", "0.01");
        defaults.put("spread", "0.002");
        defaults.put("levels", "5");
        defaults.put("levelStep", "0.001");
        defaults.put("levelLots", "100");
        defaults.put("levelGrowth", "0.5");
        defaults.put("sizeJitter", "0.3");
        defaults.put("refreshMs", "1000");
        defaults.put("requoteTolerance", "0.0003");
        defaults.put("inventoryLimitLots", "2000");
        defaults.put("makerFundsLots", "6000");
        defaults.put("takerRate", "20");
        defaults.put("takerMinLots", "5");
        defaults.put("takerMaxLots", "80");
        defaults.put("marketOrderShare", "0.3");
        defaults.put("takerSlippage", "0.001");
        defaults.put("takerFundsLots", "2000");
        return Collections.unmodifiableMap(defaults);
    }

    /** @return the names of the settings of a pair, which also take a {@code PAIR.} prefix. */
    public static List<String> pairKeys()
    {
        return List.copyOf(PAIR_DEFAULTS.keySet());
    }

    /**
     * Reads settings. A key is global ({@code seed}, {@code label}, {@code rps}, {@code rpm}), a pair setting for
     * every pair ({@code spread}), or a pair setting for one pair ({@code BTC.USDT.spread}), which wins. Unknown keys,
     * keys naming a pair that is not simulated and values out of range are refused.
     *
     * @param publicUri     the public API.
     * @param adminUri      the admin API.
     * @param adminToken    the admin token.
     * @param coinPairs     the pairs to trade.
     * @param values        the settings, {@code key -> value}.
     * @param defaultPrices reference prices for pairs the exchange gives none for, by pair (may be empty).
     * @return the settings.
     * @throws IllegalArgumentException naming the setting that is wrong.
     */
    public static SimulatorSettings parse(
        final URI publicUri,
        final URI adminUri,
        final String adminToken,
        final List<String> coinPairs,
        final Map<String, String> values,
        final Map<String, BigDecimal> defaultPrices)
    {
        final Map<String, String> global = new LinkedHashMap<>(GLOBAL_DEFAULTS);
        final Map<String, String> allPairs = new LinkedHashMap<>(PAIR_DEFAULTS);
        final Map<String, Map<String, String>> perPair = new LinkedHashMap<>();
        coinPairs.forEach(pair -> perPair.put(pair, new LinkedHashMap<>()));
        for (final Map.Entry<String, String> entry : values.entrySet())
        {
            final String key = entry.getKey().trim();
            final String value = entry.getValue().trim();
            final int dot = key.lastIndexOf('.');
            if (dot < 0)
            {
                if (GLOBAL_DEFAULTS.containsKey(key))
                {
                    global.put(key, value);
                }
                else if (PAIR_DEFAULTS.containsKey(key))
                {
                    allPairs.put(key, value);
                }
                else
                {
                    throw new IllegalArgumentException("unknown simulator setting: " + key);
                }
                continue;
            }
            final String pair = key.substring(0, dot);
            final String name = key.substring(dot + 1);
            if (!PAIR_DEFAULTS.containsKey(name))
            {
                throw new IllegalArgumentException("unknown simulator setting: " + key);
            }
            if (!perPair.containsKey(pair))
            {
                throw new IllegalArgumentException("simulator setting " + key + " names " + pair +
                    ", which is not simulated (simulated: " + coinPairs + ")");
            }
            perPair.get(pair).put(name, value);
        }
        final List<PairSettings> pairs = new ArrayList<>();
        for (final Map.Entry<String, Map<String, String>> pair : perPair.entrySet())
        {
            final Map<String, String> merged = new LinkedHashMap<>(allPairs);
            merged.putAll(pair.getValue());
            pairs.add(pairSettings(pair.getKey(), new Values(merged), defaultPrices.get(pair.getKey())));
        }
        final Values globals = new Values(global);
        return new SimulatorSettings(publicUri, adminUri, adminToken, globals.text("label"), globals.integer("seed"),
            (int)globals.integer("rps"), (int)globals.integer("rpm"), pairs);
    }

    private static PairSettings pairSettings(final String coinPair, final Values values, final BigDecimal defaultPrice)
    {
        final String replay = values.text("replay");
        return new PairSettings(
            coinPair,
            values.text("price").isEmpty() ? null : values.decimal("price"),
            defaultPrice,
            replay.isEmpty() ? null : Path.of(replay),
            values.number("replaySpeed"),
            values.bool("replayLoop"),
            values.number("replayAmountScale"),
            new RandomWalk.Settings(values.number("volatility"), values.number("drift"), values.number("reversion"),
                values.integer("stepMs"), values.number("regimeMinutes"), values.number("regimeVolatility"),
                values.number("regimeTrend")),
            values.number("spread"),
            (int)values.integer("levels"),
            values.number("levelStep"),
            values.number("levelLots"),
            values.number("levelGrowth"),
            values.number("sizeJitter"),
            values.integer("refreshMs"),
            values.number("requoteTolerance"),
            values.number("inventoryLimitLots"),
            values.number("makerFundsLots"),
            values.number("takerRate"),
            values.number("takerMinLots"),
            values.number("takerMaxLots"),
            values.number("marketOrderShare"),
            values.number("takerSlippage"),
            values.number("takerFundsLots"));
    }

    /** Typed reads of settings, each failure naming its key. */
    private record Values(Map<String, String> values)
    {
        String text(final String key)
        {
            return values.get(key);
        }

        double number(final String key)
        {
            try
            {
                final double value = Double.parseDouble(values.get(key));
                if (!Double.isFinite(value))
                {
                    throw new NumberFormatException();
                }
                return value;
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("simulator setting " + key + " is not a number: " +
                    values.get(key));
            }
        }

        long integer(final String key)
        {
            try
            {
                return Long.parseLong(values.get(key));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("simulator setting " + key + " is not an integer: " +
                    values.get(key));
            }
        }

        BigDecimal decimal(final String key)
        {
            try
            {
                return new BigDecimal(values.get(key));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("simulator setting " + key + " is not a decimal: " +
                    values.get(key));
            }
        }

        boolean bool(final String key)
        {
            return switch (values.get(key))
            {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("simulator setting " + key + " is neither true nor " +
                    "false: " + values.get(key));
            };
        }
    }
}
