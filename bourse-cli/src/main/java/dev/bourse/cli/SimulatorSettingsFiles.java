package dev.bourse.cli;

import dev.bourse.server.admin.DemoPairs;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** What {@code serve} and {@code simulate} share about the simulator: its settings file and the demo prices. */
final class SimulatorSettingsFiles
{
    private SimulatorSettingsFiles()
    {
    }

    /**
     * @param file a properties file of simulator settings (docs/SIMULATOR.md), or null.
     * @return its settings, key to value; empty without a file.
     * @throws UsageException when the file cannot be read.
     */
    static Map<String, String> read(final Path file)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        if (file == null)
        {
            return values;
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot read the simulator settings " + file + ": " + ex.getMessage());
        }
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    /** @return the demo pairs' plausible prices, where the simulator starts when a pair has no trade nor book. */
    static Map<String, BigDecimal> demoPrices()
    {
        final Map<String, BigDecimal> prices = new LinkedHashMap<>();
        DemoPairs.referencePrices().forEach((pair, price) -> prices.put(pair, new BigDecimal(price)));
        return prices;
    }
}
