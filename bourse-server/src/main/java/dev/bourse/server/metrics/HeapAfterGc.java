package dev.bourse.server.metrics;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The heap in use right after the last garbage collection of any kind, every heap pool summed: what the server holds
 * live, plus what the last collection left for a later one. A leak shows as this growing from minute to minute.
 * (Micrometer's {@code jvm_gc_live_data_size_bytes} moves only after collections of the old generation, which a
 * generational collector may not run for many minutes.) A collector whose notification holds no heap pool (ZGC's
 * pause beans) leaves the figure as it was.
 */
final class HeapAfterGc implements NotificationListener, AutoCloseable
{
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong bytes = new AtomicLong(-1);

    HeapAfterGc()
    {
        for (final GarbageCollectorMXBean collector : collectors)
        {
            if (collector instanceof NotificationEmitter emitter)
            {
                emitter.addNotificationListener(this, null, null);
            }
        }
    }

    /** @return the heap in use after the last collection, or -1 before the first. */
    long bytes()
    {
        return bytes.get();
    }

    @Override
    public void handleNotification(final Notification notification, final Object handback)
    {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType()))
        {
            return;
        }
        final GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData());
        long used = 0;
        for (final Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet())
        {
            if (heapPools.contains(pool.getKey()))
            {
                used += pool.getValue().getUsed();
            }
        }
        if (used > 0)
        {
            bytes.set(used);
        }
    }

    @Override
    public void close()
    {
        for (final GarbageCollectorMXBean collector : collectors)
        {
            if (collector instanceof NotificationEmitter emitter)
            {
                try
                {
                    emitter.removeNotificationListener(this);
                }
                catch (final ListenerNotFoundException ignored)
                {
                    // never added
                }
            }
        }
    }
}
