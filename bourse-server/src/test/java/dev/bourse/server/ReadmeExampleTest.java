package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The README's curl + openssl example, run as a real process against a real server. */
class ReadmeExampleTest
{
    @Test
    void shouldCancelAllWithTheShellExample() throws Exception
    {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl"))).isTrue();
        try (TestExchange exchange = new TestExchange(context -> context.clock(SystemEpochClock.INSTANCE)))
        {
            exchange.createPair("BCH.ETH");
            final TestExchange.Trader trader = exchange.trader();
            exchange.deposit(trader, "BCH", "5");
            final long orderId = exchange.signedAt(trader, System.currentTimeMillis(), "11111", "POST",
                "/v1/trade/limitOrders", null, "coinPair=BCH.ETH&orderSide=SELL&price=0.05&quantity=1")
                .data().get("orderID").asLong();
            final Path script = exchange.dataDir.resolve("cancel-all.sh");
            try (InputStream in = ReadmeExampleTest.class.getResourceAsStream("/readme-cancel-all.sh"))
            {
                Files.write(script, in.readAllBytes());
            }

            final ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
            builder.environment().put("BASE", "http://127.0.0.1:" + exchange.server.publicPort());
            builder.environment().put("API_KEY", trader.apiKey());
            builder.environment().put("API_SECRET", trader.secret());
            final Process process = builder.start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            final JsonNode answer = TestExchange.JSON.readTree(output);
            assertThat(answer.get("statusCode").asInt()).as(output).isEqualTo(1000);
            assertThat(answer.get("responseData").get("orderIDList").get(0).asLong()).isEqualTo(orderId);
        }
    }
}
