package dev.bourse.systemtest.client.samples;

import dev.bourse.client.BourseClient;

import java.net.URI;
import java.time.Duration;

/** Sample: a client for the three nodes of a cluster (docs/CLUSTER.md). */
public final class FailoverSample
{
    private FailoverSample()
    {
    }

    /**
     * @param node0     the public API of the node to use first.
     * @param node1     the next node.
     * @param node2     the last node.
     * @param apiKey    the key.
     * @param apiSecret its secret.
     * @return a client that retries reads, cancels and cancel-alls on the next node when a node does not answer.
     */
    public static BourseClient connect(
        final URI node0, final URI node1, final URI node2, final String apiKey, final String apiSecret)
    {
        return BourseClient.builder(node0)
            .failoverUris(node1, node2)
            .credentials(apiKey, apiSecret)
            .retries(5, Duration.ofMillis(200), Duration.ofSeconds(2))   // span an election (5 s by default)
            .build();
    }
}
