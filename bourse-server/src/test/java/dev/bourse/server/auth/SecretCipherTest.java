package dev.bourse.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest
{
    private final byte[] key = new byte[SecretCipher.KEY_BYTES];

    @Test
    void shouldDecryptWhatItEncrypted()
    {
        final SecretCipher cipher = new SecretCipher(key);
        final String ciphertext = cipher.encrypt("KEY0000000000001", "secret-secret");

        assertThat(ciphertext).doesNotContain("secret");
        assertThat(new String(cipher.decrypt("KEY0000000000001", ciphertext), StandardCharsets.UTF_8))
            .isEqualTo("secret-secret");
        assertThat(cipher.encrypt("KEY0000000000001", "secret-secret")).isNotEqualTo(ciphertext);
    }

    @Test
    void shouldRefuseAnotherKeyAnotherApiKeyOrAlteredCiphertext()
    {
        final SecretCipher cipher = new SecretCipher(key);
        final String ciphertext = cipher.encrypt("KEY0000000000001", "secret");
        final byte[] otherKey = key.clone();
        otherKey[0] = 1;

        assertThatThrownBy(() -> new SecretCipher(otherKey).decrypt("KEY0000000000001", ciphertext))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("KEY0000000000002", ciphertext))
            .isInstanceOf(IllegalArgumentException.class);
        final char flipped = ciphertext.charAt(20) == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt("KEY0000000000001",
            ciphertext.substring(0, 20) + flipped + ciphertext.substring(21)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
