package dev.bourse.server.metrics;

import dev.bourse.engine.Status;
import dev.bourse.engine.command.Command;
import dev.bourse.server.edge.ConnectionGuard;
import dev.bourse.server.gateway.CommandMetrics;
import dev.bourse.server.gateway.RequestMetrics;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.sequencer.EngineAgent;
import dev.bourse.server.sequencer.ProjectionAgent;
import dev.bourse.server.sequencer.SequencerHealth;
import dev.bourse.server.sequencer.SequencerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The server's metrics in Prometheus format (Micrometer's Prometheus registry), served by the admin port at
 * {@code GET /metrics}; docs/OPERATIONS.md says what each means and what to watch. Every meter the hot paths touch
 * is made once and found again without allocating: the engine thread reports once per batch
 * ({@link SequencerMetrics}), the event loops once per answer ({@link RequestMetrics}) and per command
 * ({@link CommandMetrics}), through
 * arrays indexed by status; everything else is read when Prometheus scrapes (gauges and function counters over the
 * server's own counts). JVM memory, GC, threads, classes, CPU, open files and uptime come from Micrometer's binders.
 */
public final class ServerMetrics implements SequencerMetrics, CommandMetrics, AutoCloseable
{
    /** The content type of {@link #scrape()}: Prometheus's text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Status[] STATUSES = Status.values();
    private static final String UNMATCHED = "unmatched";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
    private final HeapAfterGc heapAfterGc = new HeapAfterGc();
    private final DistributionSummary batchSize;
    private final Timer append;
    private final Timer apply;
    private final Timer commit;
    private final Timer snapshot;
    private final ClassValue<AtomicReferenceArray<Counter>> commands = new ClassValue<>()
    {
        @Override
        protected AtomicReferenceArray<Counter> computeValue(final Class<?> type)
        {
            return new AtomicReferenceArray<>(STATUSES.length);
        }
    };
    private final Set<String> projectionsShown = ConcurrentHashMap.newKeySet();
    private volatile SequencerHealth health;

    /** Binds the JVM's meters and makes the sequencer's. */
    public ServerMetrics()
    {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        heapPressure.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("bourse.jvm.heap.after.gc", heapAfterGc, HeapAfterGc::bytes).baseUnit("bytes")
            .description("Heap in use right after the last garbage collection of any kind, every heap pool summed")
            .strongReference(true).register(registry);
        batchSize = DistributionSummary.builder("bourse.engine.batch.size")
            .description("Commands per journal batch")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
            .register(registry);
        append = journalTimer("bourse.journal.append",
            "Time to append one batch's records to the journal (encoding, checksums, early writes, rollovers)");
        apply = journalTimer("bourse.engine.apply", "Time the engine took to apply one batch's commands");
        commit = journalTimer("bourse.journal.commit",
            "Time to commit one batch: one write and, with fsync per-batch, one force (fsync)");
        snapshot = Timer.builder("bourse.snapshot")
            .description("Time to make one snapshot, the shadow state rebuilt from the journal included")
            .serviceLevelObjectives(seconds(0.1), seconds(0.5), seconds(1), seconds(2.5), seconds(5), seconds(10),
                seconds(30), seconds(60), seconds(120), seconds(300))
            .register(registry);
    }

    private Timer journalTimer(final String name, final String description)
    {
        return Timer.builder(name)
            .description(description)
            .serviceLevelObjectives(micros(10), micros(50), micros(100), micros(250), micros(500), micros(1_000),
                micros(2_500), micros(5_000), micros(10_000), micros(25_000), micros(50_000), micros(100_000),
                micros(250_000), micros(1_000_000))
            .register(registry);
    }

    /**
     * Shows the engine thread's queue, the projection thread's queue, whether writes are accepted, the committed
     * sequence and every projection's progress and lag ({@link SequencerHealth#trackProjection}).
     *
     * @param engine      the engine thread's agent.
     * @param projections the projection thread's agent.
     * @param health      the sequencer's health.
     */
    public void bindSequencer(final EngineAgent engine, final ProjectionAgent projections, final SequencerHealth health)
    {
        this.health = health;
        Gauge.builder("bourse.engine.queue.depth", engine, EngineAgent::queueDepth)
            .description("Commands waiting for the engine thread (beyond its capacity: 5001)")
            .strongReference(true).register(registry);
        Gauge.builder("bourse.projection.queue.depth", projections, ProjectionAgent::queuedBatches)
            .description("Durable batches waiting for the projection thread (at 256 the engine thread waits)")
            .strongReference(true).register(registry);
        Gauge.builder("bourse.accepting.writes", health, h -> h.acceptingWrites() ? 1 : 0)
            .description("1 while writes are accepted, 0 after a fail-stop or during shutdown")
            .strongReference(true).register(registry);
        Gauge.builder("bourse.sequence.committed", health, SequencerHealth::committedSequence)
            .description("Sequence of the last durable command")
            .strongReference(true).register(registry);
        showProjections();
    }

    private void showProjections()
    {
        final SequencerHealth current = health;
        if (current == null)
        {
            return;
        }
        for (final String name : current.projections().keySet())
        {
            if (projectionsShown.add(name))
            {
                Gauge.builder("bourse.projection.sequence", current, h -> h.projections().getOrDefault(name, 0L))
                    .description("Sequence of the last command the projection has followed")
                    .tag("projection", name).strongReference(true).register(registry);
                Gauge.builder("bourse.projection.lag", current,
                        h -> h.committedSequence() - h.projections().getOrDefault(name, 0L))
                    .description("Durable commands the projection has not followed yet")
                    .tag("projection", name).strongReference(true).register(registry);
            }
        }
    }

    /**
     * Shows a port's connections: open, admitted, refused (the port full, the IP at its cap, a key at its cap), cut
     * off at the request deadline, and malformed requests.
     *
     * @param guard the port's connection guard.
     */
    public void bindConnections(final ConnectionGuard guard)
    {
        final String port = guard.name();
        Gauge.builder("bourse.connections.open", guard, ConnectionGuard::open)
            .description("Connections open").tag("port", port).strongReference(true).register(registry);
        Gauge.builder("bourse.connections.limit", guard, g -> g.limits().maxConnections())
            .description("Connections the port holds at most").tag("port", port).strongReference(true)
            .register(registry);
        FunctionCounter.builder("bourse.connections.accepted", guard, ConnectionGuard::accepted)
            .description("Connections admitted").tag("port", port).register(registry);
        refused(guard, "port_full", ConnectionGuard::refusedTotal);
        refused(guard, "ip_limit", ConnectionGuard::refusedPerIp);
        refused(guard, "key_limit", ConnectionGuard::refusedPerKey);
        FunctionCounter.builder("bourse.requests.cut.off", guard, ConnectionGuard::cutOffs)
            .description("Connections closed because a request did not arrive within requestTimeoutMs")
            .tag("port", port).register(registry);
        FunctionCounter.builder("bourse.requests.malformed", guard, ConnectionGuard::malformedRequests)
            .description("Requests the HTTP decoder could not parse, answered 4000").tag("port", port)
            .register(registry);
    }

    private void refused(
        final ConnectionGuard guard, final String reason, final java.util.function.ToDoubleFunction<ConnectionGuard> f)
    {
        FunctionCounter.builder("bourse.connections.refused", guard, f)
            .description("Connections closed at once, unread, because of a connection cap")
            .tag("port", guard.name()).tag("reason", reason).register(registry);
    }

    /**
     * @param port   the port's name.
     * @param routes the routes its gateway serves.
     * @return what that gateway reports to: answers by route and status, with their latency.
     */
    public RequestMetrics requests(final String port, final List<Route> routes)
    {
        final Map<Route, AtomicReferenceArray<Timer>> timers = new IdentityHashMap<>();
        for (final Route route : routes)
        {
            timers.put(route, new AtomicReferenceArray<>(STATUSES.length));
        }
        final AtomicReferenceArray<Timer> unmatched = new AtomicReferenceArray<>(STATUSES.length);
        return (route, status, durationNs) ->
        {
            final AtomicReferenceArray<Timer> byStatus = route == null ? unmatched : timers.get(route);
            if (byStatus == null)
            {
                return;
            }
            Timer timer = byStatus.get(status.ordinal());
            if (timer == null)
            {
                timer = httpTimer(port, route, status);
                byStatus.set(status.ordinal(), timer);
            }
            timer.record(durationNs, TimeUnit.NANOSECONDS);
        };
    }

    @Override
    public void commandAnswered(final Command command, final Status status)
    {
        final AtomicReferenceArray<Counter> byStatus = commands.get(command.getClass());
        Counter counter = byStatus.get(status.ordinal());
        if (counter == null)
        {
            counter = Counter.builder("bourse.commands")
                .description("Commands sent to the engine, by type and outcome")
                .tag("type", command.getClass().getSimpleName())
                .tag("status", Integer.toString(status.code()))
                .register(registry);
            byStatus.set(status.ordinal(), counter);
        }
        counter.increment();
    }

    private Timer httpTimer(final String port, final Route route, final Status status)
    {
        return Timer.builder("bourse.http.requests")
            .description("Answers by route and statusCode, from the end of the request's head to the answer written")
            .tag("port", port)
            .tag("method", route == null ? UNMATCHED : route.method())
            .tag("route", route == null ? UNMATCHED : route.path().toString())
            .tag("status", Integer.toString(status.code()))
            .serviceLevelObjectives(millis(0.25), millis(0.5), millis(1), millis(2), millis(5), millis(10),
                millis(25), millis(50), millis(100), millis(250), millis(500), millis(1_000), millis(2_500))
            .register(registry);
    }

    @Override
    public void batchCommitted(final int commands, final long appendNs, final long applyNs, final long commitNs)
    {
        batchSize.record(commands);
        append.record(appendNs, TimeUnit.NANOSECONDS);
        apply.record(applyNs, TimeUnit.NANOSECONDS);
        commit.record(commitNs, TimeUnit.NANOSECONDS);
    }

    @Override
    public void snapshotWritten(final long durationNs)
    {
        snapshot.record(durationNs, TimeUnit.NANOSECONDS);
    }

    /** @return every meter in Prometheus's text format ({@link #CONTENT_TYPE}). */
    public String scrape()
    {
        showProjections();
        return registry.scrape();
    }

    @Override
    public void close()
    {
        gcMetrics.close();
        heapPressure.close();
        heapAfterGc.close();
        registry.close();
    }

    private static Duration micros(final long micros)
    {
        return Duration.ofNanos(micros * 1_000);
    }

    private static Duration millis(final double millis)
    {
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    private static Duration seconds(final double seconds)
    {
        return Duration.ofMillis(Math.round(seconds * 1_000));
    }
}
