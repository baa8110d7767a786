package dev.bourse.simulator;

import dev.bourse.client.OrderSide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeFileTest
{
    private static List<RecordedTrade> read(final String text) throws IOException
    {
        return TradeFile.read(new StringReader(text), "trades.csv");
    }

    private static void assertRefused(final String text, final String message)
    {
        assertThatThrownBy(() -> read(text)).isInstanceOf(TradeFileException.class).hasMessage(message);
    }

    @Test
    void shouldReadTradesWithCommentsBlankLinesAndBothKindsOfTime() throws IOException
    {
        final List<RecordedTrade> trades = read("""
            \uFEFF# recorded on the desk
            time,price,amount,side

            2025-01-06T09:30:00Z,65000.12,0.015,BUY
            # a comment between trades
            1736156400250, 64999.8 ,2,sell
            1736156400250,65000,0.5,Buy
            """);

        assertThat(trades).containsExactly(
            new RecordedTrade(Instant.parse("2025-01-06T09:30:00Z").toEpochMilli(), new BigDecimal("65000.12"),
                new BigDecimal("0.015"), OrderSide.BUY),
            new RecordedTrade(1_736_156_400_250L, new BigDecimal("64999.8"), new BigDecimal("2"), OrderSide.SELL),
            new RecordedTrade(1_736_156_400_250L, new BigDecimal("65000"), new BigDecimal("0.5"), OrderSide.BUY));
    }

    @Test
    void shouldRefuseBadLinesNamingTheLineAndWhatIsWrong()
    {
        final String header = "time,price,amount,side\n";
        assertRefused("", "trades.csv: no trades (and no header 'time,price,amount,side')");
        assertRefused(header, "trades.csv: no trades");
        assertRefused("# c\ntimestamp,price,qty,side\n",
            "trades.csv line 2: the header must be 'time,price,amount,side', not 'timestamp,price,qty,side'");
        assertRefused(header + "1000,1,1\n", "trades.csv line 2: expected 4 fields (time,price,amount,side), found 3");
        assertRefused(header + "1000,1,1,BUY,x\n",
            "trades.csv line 2: expected 4 fields (time,price,amount,side), found 5");
        assertRefused(header + "yesterday,1,1,BUY\n", "trades.csv line 2: time 'yesterday' is neither milliseconds " +
            "since the epoch nor an ISO-8601 instant such as 2025-01-06T09:30:00Z");
        assertRefused(header + "1000,-1,1,BUY\n", "trades.csv line 2: price '-1' is not a plain positive decimal " +
            "(digits with an optional fraction, at most 32 characters)");
        assertRefused(header + "1000,1e5,1,BUY\n", "trades.csv line 2: price '1e5' is not a plain positive decimal " +
            "(digits with an optional fraction, at most 32 characters)");
        assertRefused(header + "1000,0.00,1,BUY\n", "trades.csv line 2: price must be positive, not 0.00");
        assertRefused(header + "1000,1,.5,BUY\n", "trades.csv line 2: amount '.5' is not a plain positive decimal " +
            "(digits with an optional fraction, at most 32 characters)");
        assertRefused(header + "1000,1,1,HOLD\n", "trades.csv line 2: side 'HOLD' is neither BUY nor SELL");
        assertRefused(header + "2000,1,1,BUY\n1999,1,1,SELL\n", "trades.csv line 3: time 1970-01-01T00:00:01.999Z " +
            "is earlier than the line before (1970-01-01T00:00:02Z): trades must be in time order");
        assertRefused(header + "1000,1,1,BUY," + "x".repeat(300) + "\n",
            "trades.csv line 2: longer than 256 characters");
    }

    @Test
    void shouldWriteWhatItReads() throws IOException
    {
        final List<RecordedTrade> trades = List.of(
            new RecordedTrade(1_736_156_400_000L, new BigDecimal("65000.12"), new BigDecimal("0.015"), OrderSide.BUY),
            new RecordedTrade(1_736_156_400_250L, new BigDecimal("64999.80"), new BigDecimal("2"), OrderSide.SELL));
        final StringBuilder text = new StringBuilder();

        TradeFile.write(trades, text);

        assertThat(text.toString()).isEqualTo("""
            time,price,amount,side
            2025-01-06T09:40:00Z,65000.12,0.015,BUY
            2025-01-06T09:40:00.250Z,64999.80,2,SELL
            """);
        assertThat(read(text.toString())).isEqualTo(trades);
    }
}
