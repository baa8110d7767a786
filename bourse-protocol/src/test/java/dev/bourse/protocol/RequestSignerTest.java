package dev.bourse.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vectors of spec section 3. */
class RequestSignerTest
{
    private static final byte[] SECRET = "dwjnGqCVzfHlW6Q9r4BjXpmiK1WCdMBI".getBytes(StandardCharsets.UTF_8);
    private static final String TIMESTAMP = "1523864107010";
    private static final String NONCE = "12345";

    @Test
    void shouldSignGetWithQueryAsTheSpecVector()
    {
        assertThat(RequestSigner.sign(SECRET, NONCE, TIMESTAMP, "GET", "/v1/trade/openOrders",
            "market=ETH&currency=BTC&max=100", new byte[0]))
            .isEqualTo("f6f55e74ebe513b5c5b26a1c056923ce7a8dd56c0ea890d22fa603688b28ace0");
    }

    @Test
    void shouldSignPostWithBodyAsTheSpecVector()
    {
        assertThat(RequestSigner.sign(SECRET, NONCE, TIMESTAMP, "POST", "/v1/trade/marketOrders", "",
            "quantity=1&coinPair=BCH.ETH&orderSide=BUY".getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("03838b25c336e0a6fb3617b9b07c9da9d91d96ab0e61598aa7e6cd1396b2b3ef");
    }

    @Test
    void shouldSignDeleteAsTheConcatenationWithoutSeparators() throws Exception
    {
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        final String expected = HexFormat.of().formatHex(
            mac.doFinal("123451523864107010DELETE/v1/trade/openOrders/BCH.ETH".getBytes(StandardCharsets.UTF_8)));

        assertThat(RequestSigner.sign(SECRET, NONCE, TIMESTAMP, "DELETE", "/v1/trade/openOrders/BCH.ETH", "",
            new byte[0])).isEqualTo(expected).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldMatchOnlyTheSameDigestInEitherLetterCase()
    {
        final String signature = "f6f55e74ebe513b5c5b26a1c056923ce7a8dd56c0ea890d22fa603688b28ace0";

        assertThat(RequestSigner.matches(signature, signature)).isTrue();
        assertThat(RequestSigner.matches(signature, signature.toUpperCase())).isTrue();
        assertThat(RequestSigner.matches(signature, "F6f55E74ebe513b5c5b26a1c056923ce7a8dd56c0ea890d22fa603688b28ACE0"))
            .isTrue();
        assertThat(RequestSigner.matches(signature, signature.substring(1))).isFalse();
        assertThat(RequestSigner.matches(signature, signature + "0")).isFalse();
        assertThat(RequestSigner.matches(signature, signature.replace('f', 'g'))).isFalse();
        assertThat(RequestSigner.matches(signature, signature.replace('f', 'G'))).isFalse();
        assertThat(RequestSigner.matches(signature, "")).isFalse();
    }
}
