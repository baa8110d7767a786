package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written by the version before account labels (engine snapshot format 2, command encoding 1)
 * starts, from its journal alone or from its snapshot, shows its accounts without a label, and takes labelled accounts
 * (in a new segment of the current encoding) that survive a restart.
 */
class OlderDataDirectoryTest
{
    /** {@code data-v0.1}: 3 demo pairs; account 1 with 10,000 USDT and an API key, account 2 with 1 BTC. */
    private static final String FIXTURE = "data-v0.1/";
    private static final String[] FILES = {"journal/journal-00000000000000000001.log",
        "snapshots/snapshot-00000000000000000008.snap"};
    /** The settings the fixture was written with. */
    private static final String ADMIN_TOKEN = "legacy-admin-token";
    private static final String SECRET_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private TestExchange exchange;

    @AfterEach
    void close() throws IOException
    {
        if (exchange != null)
        {
            exchange.close();
        }
    }

    @Test
    void shouldReplayAnOlderJournalAndKeepNewLabelsAcrossARestart() throws IOException
    {
        startOn(FILES[0]);
        assertOlderAccountsAndLabelAnother();
    }

    @Test
    void shouldLoadAnOlderSnapshotAndKeepNewLabelsAcrossARestart() throws IOException
    {
        startOn(FILES);
        assertOlderAccountsAndLabelAnother();
    }

    private void startOn(final String... files) throws IOException
    {
        exchange = new TestExchange(context ->
        {
            copyOnce(context.dataDir(), files);
            return context.adminToken(ADMIN_TOKEN).secretKeyBase64(SECRET_KEY);
        });
    }

    private void assertOlderAccountsAndLabelAnother() throws IOException
    {
        assertOlderAccounts();
        assertThat(exchange.adminOk("POST", "/admin/v1/accounts", "label=simulated").get("accountId").asLong())
            .isEqualTo(3);
        assertThat(segments()).as("the new account went to a segment of the current encoding").isEqualTo(2);

        exchange.restart();

        assertOlderAccounts();
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts?label=simulated", null).findValuesAsText("accountId"))
            .containsExactly("3");
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts/3", null).get("label").asText())
            .isEqualTo("simulated");
    }

    private void assertOlderAccounts()
    {
        final JsonNode first = exchange.adminOk("GET", "/admin/v1/accounts/1", null);
        assertThat(first.get("label").asText()).isEmpty();
        assertThat(first.get("balances").findValuesAsText("currency")).containsExactly("BTC", "USDT", "ETH", "BCH");
        assertThat(first.get("balances").get(1).get("balance").decimalValue()).isEqualByComparingTo("10000");
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts/1/apiKeys", null)).hasSize(1);
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts/2", null).get("balances").get(0).get("balance")
            .decimalValue()).isEqualByComparingTo("1");
        assertThat(exchange.publicGet("/v1/market/public/coins/pairPolicy").data()).hasSize(3);
    }

    private static void copyOnce(final Path dataDir, final String... files)
    {
        try
        {
            if (Files.exists(dataDir.resolve("journal")))
            {
                return;
            }
            for (final String file : files)
            {
                final Path target = dataDir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = OlderDataDirectoryTest.class.getResourceAsStream(FIXTURE + file))
                {
                    Files.copy(in, target);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private long segments() throws IOException
    {
        try (Stream<Path> files = Files.list(exchange.dataDir.resolve("journal")))
        {
            return files.filter(file -> file.getFileName().toString().endsWith(".log")).count();
        }
    }
}
