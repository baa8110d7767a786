package dev.bourse.server.edge;

import com.sun.management.UnixOperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Keeps the public port's connection cap below the process's file-descriptor limit, so that a full public port never
 * takes the descriptors the admin port, the journal and snapshots need: the public cap is at most the limit less the
 * admin port's cap less {@link #RESERVED}. A cap that does not fit is lowered at start with a WARN.
 */
public final class DescriptorBudget
{
    /** Descriptors kept for everything but connections: journal segments, snapshots, the JVM's own files, epoll. */
    public static final int RESERVED = 1_024;

    private static final Logger LOG = LoggerFactory.getLogger(DescriptorBudget.class);

    private DescriptorBudget()
    {
    }

    /** @return the most files this process may open, or -1 when the platform does not say. */
    public static long maxDescriptors()
    {
        final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    /**
     * @param publicLimits   the public port's limits as configured.
     * @param adminLimits    the admin port's limits.
     * @param maxDescriptors the process's limit, -1 when unknown (nothing is checked then).
     * @return the public port's limits, the cap lowered to fit.
     * @throws IllegalStateException when not even one public connection fits: raise the limit ({@code ulimit -n}).
     */
    public static ConnectionLimits fit(
        final ConnectionLimits publicLimits, final ConnectionLimits adminLimits, final long maxDescriptors)
    {
        if (maxDescriptors < 0)
        {
            return publicLimits;
        }
        final long room = maxDescriptors - adminLimits.maxConnections() - RESERVED;
        if (room >= publicLimits.maxConnections())
        {
            return publicLimits;
        }
        if (room < 1)
        {
            throw new IllegalStateException("this process may open only " + maxDescriptors + " files, too few for " +
                "the admin port's " + adminLimits.maxConnections() + " connections and " + RESERVED + " other " +
                "files: raise the limit (ulimit -n)");
        }
        LOG.warn("maxConnections {} does not fit in this process's {} file descriptors (less {} for the admin port " +
            "and {} for files): the public port takes at most {} connections; raise the limit (ulimit -n) to allow " +
            "more", publicLimits.maxConnections(), maxDescriptors, adminLimits.maxConnections(), RESERVED, room);
        return publicLimits.withMaxConnections((int)room);
    }
}
