package dev.bourse.server;

import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.journal.JournalConfiguration;
import dev.bourse.journal.JournalReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** API secrets reach the journal only encrypted, and a key still works. */
class JournalSecretsTest
{
    @Test
    void shouldJournalApiSecretsOnlyEncrypted() throws Exception
    {
        try (TestExchange exchange = new TestExchange())
        {
            final TestExchange.Trader trader = exchange.trader();
            final List<Command> logged = new ArrayList<>();
            final Path journalDirectory = exchange.dataDir.resolve("journal");
            new JournalReader(journalDirectory, JournalConfiguration.DEFAULT_MAX_BATCH_BYTES)
                .read(1, (sequence, timestampMs, command) -> logged.add(command));
            try (Stream<Path> segments = Files.list(journalDirectory))
            {
                for (final Path segment : segments.toList())
                {
                    assertThat(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1))
                        .doesNotContain(trader.secret());
                }
            }

            final IssueApiKey issued = logged.stream().filter(IssueApiKey.class::isInstance)
                .map(IssueApiKey.class::cast).findFirst().orElseThrow();
            assertThat(issued.apiKey()).isEqualTo(trader.apiKey());
            assertThat(issued.secretCiphertext()).doesNotContain(trader.secret());
            assertThat(logged.toString()).doesNotContain(trader.secret());
            assertThat(exchange.signed(trader, "GET", "/v1/account/balances", null, null).statusCode())
                .isEqualTo(1000);
        }
    }
}
