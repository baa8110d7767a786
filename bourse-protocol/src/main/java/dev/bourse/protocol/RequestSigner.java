package dev.bourse.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of spec section 3: lowercase hex HMAC-SHA256, keyed with the API secret, of
 * {@code nonce + timestamp + METHOD + requestPath + queryString + requestBody} with no separators.
 */
public final class RequestSigner
{
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    /** One MAC per thread, re-keyed for each signature: looking the algorithm up costs more than signing. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(RequestSigner::newMac);

    private RequestSigner()
    {
    }

    /**
     * @param secret      the API secret.
     * @param nonce       X-API-NONCE as sent.
     * @param timestamp   X-API-TIMESTAMP as sent.
     * @param method      the HTTP method, upper case.
     * @param path        the raw request path.
     * @param query       the raw query without {@code ?}, empty when absent.
     * @param body        the raw body bytes, empty when absent.
     * @return the lowercase hex signature.
     */
    public static String sign(
        final byte[] secret,
        final String nonce,
        final String timestamp,
        final String method,
        final String path,
        final String query,
        final byte[] body)
    {
        final Mac mac = mac(secret);
        mac.update((nonce + timestamp + method + path + query).getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return HEX.formatHex(mac.doFinal());
    }

    /**
     * @param expected the signature computed by {@link #sign}.
     * @param provided the signature the client sent, hex in either letter case.
     * @return whether they are equal, compared in time that does not depend on where they differ.
     */
    public static boolean matches(final String expected, final String provided)
    {
        final byte[] given = provided.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < given.length; i++)
        {
            given[i] = (byte)(given[i] >= 'A' && given[i] <= 'F' ? given[i] + ('a' - 'A') : given[i]);
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given);
    }

    private static Mac mac(final byte[] secret)
    {
        try
        {
            final Mac mac = MACS.get();
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("the API secret cannot key HmacSHA256", ex);
        }
    }

    private static Mac newMac()
    {
        try
        {
            return Mac.getInstance(ALGORITHM);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
