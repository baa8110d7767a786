package dev.bourse.loadgen;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeTest
{
    @Test
    void shouldReadTheStatusCodeAndOrderIdOfAnEnvelope()
    {
        final String body = "{\"timezone\":\"UTC\",\"responseTime\":1700000000000,\"statusCode\":1000," +
            "\"statusMessage\":\"SUCCESS\",\"responseData\":{\"orderID\":10000000000042,\"requestAt\":1700000000000}}";

        assertThat(Envelope.statusCode(body)).isEqualTo(1000);
        assertThat(Envelope.orderId(body)).isEqualTo(10000000000042L);
    }

    @Test
    void shouldAnswerMinusOneForAMissingField()
    {
        final String bare = BareServer.envelope(1_700_000_000_000L).toString(StandardCharsets.US_ASCII);

        assertThat(Envelope.statusCode(bare)).isEqualTo(1000);
        assertThat(Envelope.orderId(bare)).isEqualTo(-1);
        assertThat(Envelope.statusCode("not json")).isEqualTo(-1);
    }
}
