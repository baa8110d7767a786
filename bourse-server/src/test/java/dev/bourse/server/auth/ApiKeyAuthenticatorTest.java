package dev.bourse.server.auth;

import dev.bourse.engine.Status;
import dev.bourse.engine.event.ApiKeyIssued;
import dev.bourse.protocol.RequestSigner;
import dev.bourse.server.gateway.ApiException;
import dev.bourse.server.readmodel.ApiKeyStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of spec section 3 in their order, with a clock moved by hand. */
class ApiKeyAuthenticatorTest
{
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final String KEY = "6W206egN32nCQ0VB";
    private static final String SECRET = "dwjnGqCVzfHlW6Q9r4BjXpmiK1WCdMBI";

    private final SecretCipher cipher = new SecretCipher(new byte[SecretCipher.KEY_BYTES]);
    private final ApiKeyStore keys = new ApiKeyStore(cipher);
    private final ApiKeyAuthenticator authenticator =
        new ApiKeyAuthenticator(keys, ApiKeyAuthenticator.Configuration.DEFAULT, NOW_MS - 60_000);

    ApiKeyAuthenticatorTest()
    {
        keys.onIssued(new ApiKeyIssued(7, KEY, cipher.encrypt(KEY, SECRET), 3, 60, ""));
    }

    private static ApiKeyAuthenticator.SignedRequest request(
        final String method, final long timestampMs, final String nonce, final String query)
    {
        final String timestamp = Long.toString(timestampMs);
        final String sign = RequestSigner.sign(SECRET.getBytes(StandardCharsets.UTF_8), nonce, timestamp, method,
            "/v1/trade/openOrders", query, new byte[0]);
        return new ApiKeyAuthenticator.SignedRequest(KEY, timestamp, nonce, sign, method, "/v1/trade/openOrders",
            query, new byte[0], "127.0.0.1");
    }

    private Status statusOf(final ApiKeyAuthenticator.SignedRequest request, final long nowMs)
    {
        try
        {
            assertThat(authenticator.authenticate(request, false, nowMs).accountId()).isEqualTo(7);
            return Status.SUCCESS;
        }
        catch (final ApiException ex)
        {
            return ex.status();
        }
    }

    private static ApiKeyAuthenticator.SignedRequest with(
        final ApiKeyAuthenticator.SignedRequest r, final UnaryOperator<String[]> change)
    {
        final String[] f = change.apply(new String[] {r.apiKey(), r.timestamp(), r.nonce(), r.sign()});
        return new ApiKeyAuthenticator.SignedRequest(f[0], f[1], f[2], f[3], r.method(), r.path(), r.query(),
            r.body(), r.remoteIp());
    }

    @Test
    void shouldAcceptAWellSignedRequest()
    {
        assertThat(statusOf(request("GET", NOW_MS, "12345", "currency=BTC"), NOW_MS)).isEqualTo(Status.SUCCESS);
    }

    @Test
    void shouldCheckInTheDocumentedOrder()
    {
        final ApiKeyAuthenticator.SignedRequest good = request("GET", NOW_MS, "12345", "");

        assertThat(statusOf(with(good, f -> new String[] {null, "x", "1", "bad"}), NOW_MS))
            .isEqualTo(Status.MISSING_AUTH_HEADER);
        assertThat(statusOf(with(good, f -> new String[] {f[0], f[1], f[2], null}), NOW_MS))
            .isEqualTo(Status.MISSING_AUTH_HEADER);
        assertThat(statusOf(with(good, f -> new String[] {"unknown", "12x", "1", "bad"}), NOW_MS))
            .isEqualTo(Status.INVALID_TIMESTAMP);
        assertThat(statusOf(with(good, f -> new String[] {"unknown", f[1], "1234", "bad"}), NOW_MS))
            .isEqualTo(Status.INVALID_NONCE);
        assertThat(statusOf(with(good, f -> new String[] {"unknown", f[1], "09999", "bad"}), NOW_MS))
            .isEqualTo(Status.INVALID_NONCE);
        assertThat(statusOf(with(good, f -> new String[] {f[0], f[1], null, f[3]}), NOW_MS))
            .isEqualTo(Status.INVALID_NONCE);
        assertThat(statusOf(with(good, f -> new String[] {"unknown", "1", f[2], "bad"}), NOW_MS))
            .isEqualTo(Status.UNREGISTERED_API_KEY);
        assertThat(statusOf(with(good, f -> new String[] {f[0], "1", f[2], "bad"}), NOW_MS))
            .isEqualTo(Status.INVALID_REQUEST_TIMESTAMP);
        assertThat(statusOf(with(good, f -> new String[] {f[0], f[1], f[2], "bad"}), NOW_MS))
            .isEqualTo(Status.INVALID_SIGNATURE);
        assertThat(statusOf(good, NOW_MS)).isEqualTo(Status.SUCCESS);
        assertThat(statusOf(good, NOW_MS)).isEqualTo(Status.DUPLICATE_SIGNATURE);
    }

    @Test
    void shouldAnswerRevokedKeysBeforeAnythingAboutTheRequest()
    {
        keys.onRevoked(KEY);

        assertThat(statusOf(request("GET", 1, "12345", ""), NOW_MS)).isEqualTo(Status.INVALID_API_KEY);
    }

    @Test
    void shouldRefuseCallersOutsideTheAllowList()
    {
        final String key = "AllowListedKey0001";
        keys.onIssued(new ApiKeyIssued(8, key, cipher.encrypt(key, SECRET), 3, 60, "10.0.0.1, ::1"));
        final ApiKeyAuthenticator.SignedRequest r = request("GET", 1, "12345", "");

        assertThat(statusOf(with(r, f -> new String[] {key, f[1], f[2], f[3]}), NOW_MS))
            .isEqualTo(Status.UNAUTHORIZED_IP);
        final ApiKeyAuthenticator.SignedRequest fromV6 = new ApiKeyAuthenticator.SignedRequest(key, "1", "12345",
            "bad", "GET", "/", "", new byte[0], "0:0:0:0:0:0:0:1");
        assertThat(statusOf(fromV6, NOW_MS)).isEqualTo(Status.INVALID_REQUEST_TIMESTAMP);
    }

    @Test
    void shouldApplyTheTimeWindows()
    {
        assertThat(statusOf(request("GET", NOW_MS + 1_000, "10001", ""), NOW_MS)).isEqualTo(Status.SUCCESS);
        assertThat(statusOf(request("GET", NOW_MS + 1_001, "10002", ""), NOW_MS))
            .isEqualTo(Status.INVALID_REQUEST_TIMESTAMP);
        assertThat(statusOf(request("GET", NOW_MS - 5_000, "10003", ""), NOW_MS)).isEqualTo(Status.SUCCESS);
        assertThat(statusOf(request("GET", NOW_MS - 5_001, "10004", ""), NOW_MS))
            .isEqualTo(Status.INVALID_REQUEST_TIMESTAMP);
        assertThat(statusOf(request("DELETE", NOW_MS - 10_000, "10005", ""), NOW_MS))
            .isEqualTo(Status.SUCCESS);
        assertThat(statusOf(request("DELETE", NOW_MS - 10_001, "10006", ""), NOW_MS))
            .isEqualTo(Status.INVALID_REQUEST_TIMESTAMP);
    }

    @Test
    void shouldRefuseRequestsSignedBeforeItStarted()
    {
        final ApiKeyAuthenticator restarted =
            new ApiKeyAuthenticator(keys, ApiKeyAuthenticator.Configuration.DEFAULT, NOW_MS);

        assertThatThrownBy(() -> restarted.authenticate(request("DELETE", NOW_MS - 1, "12345", ""), false, NOW_MS))
            .isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.status()).isEqualTo(Status.INVALID_REQUEST_TIMESTAMP));
    }

    @Test
    void shouldRefuseTheSameKeyTimestampAndNonceEvenWithAnotherSignature()
    {
        assertThat(statusOf(request("GET", NOW_MS, "12345", "currency=BTC"), NOW_MS)).isEqualTo(Status.SUCCESS);

        assertThat(statusOf(request("GET", NOW_MS, "12345", "currency=ETH"), NOW_MS + 1_000))
            .isEqualTo(Status.DUPLICATE_SIGNATURE);
        assertThat(statusOf(request("GET", NOW_MS, "12346", "currency=ETH"), NOW_MS + 1_000))
            .isEqualTo(Status.SUCCESS);
    }

    @Test
    void shouldRefuseAReplayWhateverTheLetterCaseOfItsSignatureOrTheZerosBeforeItsTimestamp()
    {
        final ApiKeyAuthenticator.SignedRequest good = request("GET", NOW_MS, "12345", "currency=BTC");
        assertThat(statusOf(good, NOW_MS)).isEqualTo(Status.SUCCESS);

        assertThat(statusOf(with(good, f -> new String[] {f[0], f[1], f[2], f[3].toUpperCase()}), NOW_MS))
            .isEqualTo(Status.DUPLICATE_SIGNATURE);
        final String padded = "0" + NOW_MS;
        final String paddedSign = RequestSigner.sign(SECRET.getBytes(StandardCharsets.UTF_8), "12345", padded, "GET",
            "/v1/trade/openOrders", "currency=BTC", new byte[0]);
        assertThat(statusOf(with(good, f -> new String[] {f[0], padded, f[2], paddedSign}), NOW_MS))
            .isEqualTo(Status.DUPLICATE_SIGNATURE);
    }

    @Test
    void shouldLimitTheRatePerSecondAndPerMinute()
    {
        long nowMs = NOW_MS;
        int nonce = 10_000;
        for (int i = 0; i < 3; i++)
        {
            assertThat(statusOf(request("GET", nowMs, Integer.toString(nonce++), ""), nowMs)).isEqualTo(Status.SUCCESS);
        }
        assertThat(statusOf(request("GET", nowMs, Integer.toString(nonce++), ""), nowMs))
            .isEqualTo(Status.RATE_LIMIT_EXCEEDED);
        assertThat(statusOf(request("GET", nowMs + 999, Integer.toString(nonce++), ""), nowMs + 999))
            .isEqualTo(Status.RATE_LIMIT_EXCEEDED);
        int accepted = 3;
        while (accepted < 60)
        {
            nowMs += 1_000;
            for (int i = 0; i < 3 && accepted < 60; i++, accepted++)
            {
                assertThat(statusOf(request("GET", nowMs, Integer.toString(nonce++), ""), nowMs))
                    .isEqualTo(Status.SUCCESS);
            }
        }
        assertThat(statusOf(request("GET", nowMs + 1_000, Integer.toString(nonce++), ""), nowMs + 1_000))
            .isEqualTo(Status.RATE_LIMIT_EXCEEDED);
        assertThat(statusOf(request("GET", NOW_MS + 60_000, Integer.toString(nonce), ""), NOW_MS + 60_000))
            .isEqualTo(Status.SUCCESS);
    }

    @Test
    void shouldLimitTradeHistoryToOneASecond()
    {
        assertThat(authenticator.authenticate(request("GET", NOW_MS, "10001", ""), true, NOW_MS).accountId())
            .isEqualTo(7);
        assertThatThrownBy(() -> authenticator.authenticate(request("GET", NOW_MS, "10002", ""), true, NOW_MS))
            .isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.status()).isEqualTo(Status.RATE_LIMIT_EXCEEDED));
        assertThat(statusOf(request("GET", NOW_MS, "10003", ""), NOW_MS)).isEqualTo(Status.SUCCESS);
    }

    @Test
    void shouldForgetSignaturesOnlyOnceTheyAreOutsideEveryWindow()
    {
        final ApiKeyAuthenticator.SignedRequest cancel = request("DELETE", NOW_MS, "12345", "");
        assertThat(statusOf(cancel, NOW_MS)).isEqualTo(Status.SUCCESS);

        assertThat(statusOf(cancel, NOW_MS + 10_000)).isEqualTo(Status.DUPLICATE_SIGNATURE);
        assertThat(statusOf(cancel, NOW_MS + 10_001)).isEqualTo(Status.INVALID_REQUEST_TIMESTAMP);
    }
}
