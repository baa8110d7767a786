package dev.bourse.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK's stream types: events written as JSON carry the server's field names; options are checked. */
class StreamEventTest
{
    @Test
    void shouldWriteEventsWithTheServersFieldNamesTypeFirst()
    {
        final JsonNode book = HttpTransport.JSON.valueToTree(new StreamEvent.BookChanged(42, 3, 1_700_000_000_000L,
            1_700_000_000_000_123L, "BTC.USDT", 40, List.of(new BookLevel(new BigDecimal("30000"), BigDecimal.ZERO)),
            List.of()));
        assertThat(book.fieldNames()).toIterable()
            .containsExactly("type", "seq", "idx", "timestamp", "publishedAtUs", "coinPair", "prevSeq", "BID", "ASK");
        assertThat(book.get("type").asText()).isEqualTo("book");
        assertThat(book.get("BID").get(0).get("price").decimalValue()).isEqualByComparingTo("30000");

        final JsonNode cancelAll = HttpTransport.JSON.valueToTree(new StreamEvent.OrdersCancelled(7, 0, 1, 2,
            "BTC.USDT", List.of(1L, 2L)));
        assertThat(cancelAll.fieldNames()).toIterable()
            .containsExactly("type", "seq", "idx", "timestamp", "publishedAtUs", "coinPair", "orderIDList");
        assertThat(new StreamEvent.OrdersCancelled(7, 0, 1, 2, "BTC.USDT", List.of()).place())
            .isEqualTo(new StreamPlace(7, 0));
    }

    @Test
    void shouldOrderPlacesBySequenceThenIndex()
    {
        assertThat(new StreamPlace(5, 9)).isLessThan(new StreamPlace(6, 0));
        assertThat(new StreamPlace(6, 1)).isGreaterThan(new StreamPlace(6, 0));
    }

    @Test
    void shouldRefuseOptionsThatCannotWork()
    {
        assertThatThrownBy(StreamOptions::of).isInstanceOf(IllegalArgumentException.class);
        assertThat(StreamOptions.cancelOnDisconnectOnly().needsLogin()).isTrue();
        assertThat(StreamOptions.of(StreamChannel.book("BTC.USDT")).needsLogin()).isFalse();
        assertThat(StreamOptions.of(StreamChannel.fills()).needsLogin()).isTrue();
        assertThatThrownBy(() -> StreamOptions.of(StreamChannel.orders())
            .withReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(StreamChannel.ticker("ETH.BTC").wireName()).isEqualTo("ticker:ETH.BTC");
    }
}
