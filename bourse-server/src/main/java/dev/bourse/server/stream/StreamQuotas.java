package dev.bourse.server.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The caps on connections and subscriptions per address and per API key, counted across every event loop. */
final class StreamQuotas
{
    private final StreamConfiguration configuration;
    private final Map<String, Integer> connectionsByIp = new ConcurrentHashMap<>();
    private final Map<String, Integer> connectionsByKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> subscriptionsByIp = new ConcurrentHashMap<>();
    private final Map<String, Integer> subscriptionsByKey = new ConcurrentHashMap<>();

    StreamQuotas(final StreamConfiguration configuration)
    {
        this.configuration = configuration;
    }

    boolean acquireConnection(final String ip)
    {
        return acquire(connectionsByIp, ip, 1, configuration.maxConnectionsPerIp());
    }

    void releaseConnection(final String ip)
    {
        release(connectionsByIp, ip, 1);
    }

    boolean acquireKeyConnection(final String apiKey)
    {
        return acquire(connectionsByKey, apiKey, 1, configuration.maxConnectionsPerKey());
    }

    void releaseKeyConnection(final String apiKey)
    {
        release(connectionsByKey, apiKey, 1);
    }

    /**
     * @param ip     the connection's address.
     * @param apiKey its key, or null before a login.
     * @param count  subscriptions to add.
     * @return whether both caps allow them (then they are counted).
     */
    boolean acquireSubscriptions(final String ip, final String apiKey, final int count)
    {
        if (!acquire(subscriptionsByIp, ip, count, configuration.maxSubscriptionsPerIp()))
        {
            return false;
        }
        if (apiKey != null && !acquire(subscriptionsByKey, apiKey, count, configuration.maxSubscriptionsPerKey()))
        {
            release(subscriptionsByIp, ip, count);
            return false;
        }
        return true;
    }

    /** Counts a connection's subscriptions for the key it logs in with; @return whether the key's cap allows it. */
    boolean acquireKeySubscriptions(final String apiKey, final int count)
    {
        return acquire(subscriptionsByKey, apiKey, count, configuration.maxSubscriptionsPerKey());
    }

    void releaseSubscriptions(final String ip, final String apiKey, final int count)
    {
        release(subscriptionsByIp, ip, count);
        if (apiKey != null)
        {
            release(subscriptionsByKey, apiKey, count);
        }
    }

    private static boolean acquire(final Map<String, Integer> counts, final String key, final int count, final int max)
    {
        if (count == 0)
        {
            return true;
        }
        final boolean[] acquired = new boolean[1];
        counts.compute(key, (k, current) ->
        {
            final int held = current == null ? 0 : current;
            if (held + count > max)
            {
                return current;
            }
            acquired[0] = true;
            return held + count;
        });
        return acquired[0];
    }

    private static void release(final Map<String, Integer> counts, final String key, final int count)
    {
        if (count > 0)
        {
            counts.computeIfPresent(key, (k, current) -> current - count <= 0 ? null : current - count);
        }
    }
}
