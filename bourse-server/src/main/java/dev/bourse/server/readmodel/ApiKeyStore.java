package dev.bourse.server.readmodel;

import dev.bourse.engine.event.ApiKeyIssued;
import dev.bourse.server.auth.IpAddresses;
import dev.bourse.server.auth.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Read model of API keys: the engine journals each key with its secret encrypted; this store decrypts it once
 * when the key is issued and keeps it in memory only. Written by the engine thread.
 */
public final class ApiKeyStore
{
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);

    /**
     * An API key.
     *
     * @param accountId         the owner.
     * @param apiKey            the key.
     * @param secret            the secret's bytes, or null when it could not be decrypted (the key is unusable).
     * @param requestsPerSecond rate limit per second.
     * @param requestsPerMinute rate limit per minute.
     * @param allowedIps        IP addresses allowed to use the key; empty for any.
     * @param revoked           whether the key was revoked.
     */
    public record ApiKey(long accountId, String apiKey, byte[] secret, int requestsPerSecond, int requestsPerMinute,
        List<String> allowedIps, boolean revoked)
    {
        /** @return whether requests signed with this key can be accepted at all. */
        public boolean usable()
        {
            return !revoked && secret != null;
        }

        @Override
        public String toString()
        {
            return "ApiKey[accountId=" + accountId + ", apiKey=" + apiKey + ", revoked=" + revoked + "]";
        }

        @Override
        public boolean equals(final Object other)
        {
            return other instanceof ApiKey key && key.apiKey.equals(apiKey) && key.revoked == revoked &&
                key.accountId == accountId && Arrays.equals(key.secret, secret);
        }

        @Override
        public int hashCode()
        {
            return apiKey.hashCode();
        }
    }

    private final SecretCipher cipher;
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, ApiKeyIssued> issued = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> keysByAccount = new ConcurrentHashMap<>();

    /** @param cipher decrypts the secrets. */
    public ApiKeyStore(final SecretCipher cipher)
    {
        this.cipher = cipher;
    }

    public void onIssued(final ApiKeyIssued event)
    {
        byte[] secret = null;
        try
        {
            secret = cipher.decrypt(event.apiKey(), event.secretCiphertext());
        }
        catch (final IllegalArgumentException ex)
        {
            LOG.error("the secret of API key {} cannot be decrypted (another BOURSE_SECRET_KEY?): the key is unusable",
                event.apiKey());
        }
        issued.put(event.apiKey(), event);
        keys.put(event.apiKey(), new ApiKey(event.accountId(), event.apiKey(), secret, event.requestsPerSecond(),
            event.requestsPerMinute(), IpAddresses.parseList(event.allowedIps()), false));
        keysByAccount.computeIfAbsent(event.accountId(), id -> new CopyOnWriteArrayList<>()).add(event.apiKey());
    }

    public void onRevoked(final String apiKey)
    {
        keys.computeIfPresent(apiKey, (k, key) -> new ApiKey(key.accountId(), key.apiKey(), key.secret(),
            key.requestsPerSecond(), key.requestsPerMinute(), key.allowedIps(), true));
    }

    /** Writes every key as issued (secrets encrypted) with whether it is revoked; the writer thread only. */
    void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(keysByAccount.size());
        for (final Map.Entry<Long, List<String>> account : keysByAccount.entrySet())
        {
            out.writeLong(account.getKey());
            out.writeInt(account.getValue().size());
            for (final String apiKey : account.getValue())
            {
                SnapshotFields.writeApiKey(out, issued.get(apiKey));
                out.writeBoolean(keys.get(apiKey).revoked());
            }
        }
    }

    /** Restores an empty store from {@link #writeSnapshot}, decrypting each secret again. */
    void readSnapshot(final DataInput in) throws IOException
    {
        final int accounts = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < accounts; i++)
        {
            in.readLong();
            final int count = SnapshotFields.readCount(in, Integer.MAX_VALUE);
            for (int k = 0; k < count; k++)
            {
                final ApiKeyIssued key = SnapshotFields.readApiKey(in);
                onIssued(key);
                if (in.readBoolean())
                {
                    onRevoked(key.apiKey());
                }
            }
        }
    }

    /** @return the key, or null when it was never issued. */
    public ApiKey key(final String apiKey)
    {
        return apiKey == null ? null : keys.get(apiKey);
    }

    /** @return the account's keys in issue order. */
    public List<ApiKey> keysOf(final long accountId)
    {
        return keysByAccount.getOrDefault(accountId, List.of()).stream().map(keys::get).toList();
    }

    /** @return the comma-separated addresses as a list, blanks dropped. */
}
