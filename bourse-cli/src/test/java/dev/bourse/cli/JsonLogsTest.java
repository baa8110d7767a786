package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogsTest
{
    @Test
    void shouldWriteOneJsonObjectALineOnStandardError() throws Exception
    {
        final PrintStream stderr = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try
        {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JsonLogs.enable();
            LoggerFactory.getLogger("dev.bourse.test").warn("refused {} connection(s)", 3,
                new IllegalStateException("why"));
        }
        finally
        {
            System.setErr(stderr);
            JsonLogs.configure(JsonLogsTest.class.getResource("/logback.xml"));
        }
        final String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        final JsonNode line = Output.JSON.readTree(lines[0]);
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("loggerName").asText()).isEqualTo("dev.bourse.test");
        assertThat(line.get("formattedMessage").asText()).isEqualTo("refused 3 connection(s)");
        assertThat(line.get("timestamp").asLong()).isPositive();
        assertThat(line.get("throwable").toString()).contains("why");
    }
}
