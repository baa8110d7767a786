package dev.bourse.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts API secrets at rest with AES-256-GCM: a random 96-bit IV per secret, the API key as associated data
 * (a ciphertext cannot be moved to another key), Base64 of IV and ciphertext with its tag.
 */
public final class SecretCipher
{
    /** Bytes of an AES-256 key. */
    public static final int KEY_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param keyBytes 32 bytes of key material. */
    public SecretCipher(final byte[] keyBytes)
    {
        if (keyBytes.length != KEY_BYTES)
        {
            throw new IllegalArgumentException("the secret key must have " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
    }

    /**
     * @param apiKey the key the secret belongs to.
     * @param secret the secret.
     * @return Base64 of IV and ciphertext.
     */
    public String encrypt(final String apiKey, final String secret)
    {
        final byte[] iv = new byte[IV_BYTES];
        synchronized (random)
        {
            random.nextBytes(iv);
        }
        try
        {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(apiKey.getBytes(StandardCharsets.UTF_8));
            final byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            final byte[] out = Arrays.copyOf(iv, IV_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, IV_BYTES, ciphertext.length);
            return Base64.getEncoder().encodeToString(out);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("AES-GCM encryption failed", ex);
        }
    }

    /**
     * @param apiKey     the key the secret belongs to.
     * @param ciphertext what {@link #encrypt} returned for it.
     * @return the secret's bytes.
     * @throws IllegalArgumentException when the ciphertext is malformed, altered, or encrypted with another key.
     */
    public byte[] decrypt(final String apiKey, final String ciphertext)
    {
        try
        {
            final byte[] in = Base64.getDecoder().decode(ciphertext);
            if (in.length <= IV_BYTES)
            {
                throw new IllegalArgumentException("secret ciphertext too short");
            }
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(apiKey.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("the secret of API key cannot be decrypted with this secret key", ex);
        }
    }
}
