package dev.bourse.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Blocks of consecutive UDP ports that were free a moment ago on the loopback address, for test members. */
final class FreeUdpPorts
{
    private static final int FIRST = 20_000;
    private static final int LAST = 60_000;
    private static final int ATTEMPTS = 1_000;

    private FreeUdpPorts()
    {
    }

    /** @return the first port of a free block of {@link ClusterConfiguration#PORTS_PER_MEMBER} ports. */
    static int block()
    {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            final int base = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (free(base))
            {
                return base;
            }
        }
        throw new IllegalStateException("no block of free UDP ports found");
    }

    private static boolean free(final int base)
    {
        final List<DatagramSocket> sockets = new ArrayList<>();
        try
        {
            for (int port = base; port < base + ClusterConfiguration.PORTS_PER_MEMBER; port++)
            {
                sockets.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
        finally
        {
            sockets.forEach(DatagramSocket::close);
        }
    }

    /** @return members on 127.0.0.1 with IDs 0 to count - 1, each on a free block. */
    static List<ClusterConfiguration.Member> members(final int count)
    {
        final List<ClusterConfiguration.Member> members = new ArrayList<>();
        for (int id = 0; id < count; id++)
        {
            members.add(new ClusterConfiguration.Member(id, "127.0.0.1", block()));
        }
        return members;
    }

}
