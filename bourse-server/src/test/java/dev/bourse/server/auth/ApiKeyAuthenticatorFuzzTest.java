package dev.bourse.server.auth;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bourse.engine.Status;
import dev.bourse.engine.event.ApiKeyIssued;
import dev.bourse.protocol.RequestSigner;
import dev.bourse.server.gateway.ApiException;
import dev.bourse.server.readmodel.ApiKeyStore;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes authentication (spec section 3) with requests whose every part the fuzzer picks: the genuine value, a
 * near miss or anything, and signatures that are right, right in upper case, right for the shorter text, or wrong.
 * Properties: a request is either accepted, and then it was signed by the key's secret within the time window, and
 * sent again it is a replay (4005); or it is refused with one of the documented statuses and nothing else escapes;
 * and a refused request changes nothing: the key's whole per-second allowance is still there for genuine requests.
 */
class ApiKeyAuthenticatorFuzzTest
{
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final String KEY = "6W206egN32nCQ0VB";
    private static final String SECRET = "dwjnGqCVzfHlW6Q9r4BjXpmiK1WCdMBI";
    private static final int PER_SECOND = 3;
    private static final Set<Status> DOCUMENTED = Set.of(Status.MISSING_AUTH_HEADER, Status.INVALID_TIMESTAMP,
        Status.INVALID_NONCE, Status.UNREGISTERED_API_KEY, Status.INVALID_API_KEY, Status.UNAUTHORIZED_IP,
        Status.INVALID_REQUEST_TIMESTAMP, Status.INVALID_SIGNATURE, Status.DUPLICATE_SIGNATURE,
        Status.RATE_LIMIT_EXCEEDED);
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};

    private final SecretCipher cipher = new SecretCipher(new byte[SecretCipher.KEY_BYTES]);

    @FuzzTest(maxDuration = "20s")
    void acceptsOnlyGenuineRequestsAndRefusalsChangeNothing(final FuzzedDataProvider data)
    {
        final ApiKeyStore keys = new ApiKeyStore(cipher);
        keys.onIssued(new ApiKeyIssued(7, KEY, cipher.encrypt(KEY, SECRET), PER_SECOND, 60,
            data.consumeBoolean() ? "" : "127.0.0.1"));
        final ApiKeyAuthenticator authenticator =
            new ApiKeyAuthenticator(keys, ApiKeyAuthenticator.Configuration.DEFAULT, NOW_MS - 60_000);
        final ApiKeyAuthenticator.SignedRequest request = request(data);
        try
        {
            assertThat(authenticator.authenticate(request, data.consumeBoolean(), NOW_MS).accountId()).isEqualTo(7);
        }
        catch (final ApiException refused)
        {
            assertThat(refused.status()).isIn(DOCUMENTED);
            for (int i = 0; i < PER_SECOND; i++)
            {
                assertThat(authenticator.authenticate(genuine("2000" + i), false, NOW_MS).accountId()).isEqualTo(7);
            }
            return;
        }
        assertThat(request.apiKey()).isEqualTo(KEY);
        assertThat(Long.parseLong(request.timestamp())).isBetween(NOW_MS - 10_000, NOW_MS + 1_000);
        assertThat(signedBySecret(request)).isTrue();
        try
        {
            authenticator.authenticate(request, false, NOW_MS);
            throw new AssertionError("a replay was accepted: " + request);
        }
        catch (final ApiException replay)
        {
            assertThat(replay.status()).isEqualTo(Status.DUPLICATE_SIGNATURE);
        }
    }

    private static ApiKeyAuthenticator.SignedRequest request(final FuzzedDataProvider data)
    {
        final String apiKey = pick(data, KEY, KEY.substring(1));
        final String timestamp = pick(data, Long.toString(NOW_MS - data.consumeLong(-2_000, 12_000)),
            Long.toString(NOW_MS));
        final String nonce = pick(data, Integer.toString(data.consumeInt(9_990, 100_010)), "12345");
        final String method = data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(8);
        final String path = data.consumeString(40);
        final String query = data.consumeString(60);
        final byte[] body = data.consumeBytes(60);
        final String ip = data.consumeBoolean() ? "127.0.0.1" : data.consumeString(40);
        final String whole = sign(nonce, timestamp, method, path, query, body);
        final String sign = switch (data.consumeInt(0, 4))
        {
            case 0 -> whole;
            case 1 -> whole == null ? null : whole.toUpperCase(Locale.ROOT);
            case 2 -> "GET".equals(method) ? sign(nonce, timestamp, method, path, query, new byte[0]) :
                sign(nonce, timestamp, method, path, "", body);
            case 3 -> data.consumeString(70);
            default -> null;
        };
        return new ApiKeyAuthenticator.SignedRequest(apiKey, timestamp, nonce, sign, method, path, query, body, ip);
    }

    /** @return one of the two, anything, or null, as the fuzzer decides. */
    private static String pick(final FuzzedDataProvider data, final String genuine, final String nearMiss)
    {
        return switch (data.consumeInt(0, 3))
        {
            case 0 -> genuine;
            case 1 -> nearMiss;
            case 2 -> data.consumeString(24);
            default -> null;
        };
    }

    private static String sign(final String nonce, final String timestamp, final String method, final String path,
        final String query, final byte[] body)
    {
        return nonce == null || timestamp == null ? null : RequestSigner.sign(SECRET.getBytes(StandardCharsets.UTF_8),
            nonce, timestamp, method, path, query, body);
    }

    private static boolean signedBySecret(final ApiKeyAuthenticator.SignedRequest request)
    {
        final String sign = request.sign().toLowerCase(Locale.ROOT);
        final boolean get = "GET".equals(request.method());
        return sign.equals(sign(request.nonce(), request.timestamp(), request.method(), request.path(),
            request.query(), request.body())) || sign.equals(sign(request.nonce(), request.timestamp(),
            request.method(), request.path(), get ? request.query() : "", get ? new byte[0] : request.body()));
    }

    private static ApiKeyAuthenticator.SignedRequest genuine(final String nonce)
    {
        final String timestamp = Long.toString(NOW_MS);
        return new ApiKeyAuthenticator.SignedRequest(KEY, timestamp, nonce,
            sign(nonce, timestamp, "GET", "/v1/trade/openOrders", "", new byte[0]), "GET", "/v1/trade/openOrders", "",
            new byte[0], "127.0.0.1");
    }
}
