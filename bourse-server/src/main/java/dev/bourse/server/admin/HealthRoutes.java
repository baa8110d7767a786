package dev.bourse.server.admin;

import dev.bourse.server.gateway.ApiRequest;
import dev.bourse.server.gateway.ApiResponse;
import dev.bourse.server.gateway.PublicApi;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.readmodel.HistoryStore;
import dev.bourse.server.sequencer.SequencerHealth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Health and readiness on the admin port, without a token (the admin port is local). Both answer the envelope over
 * HTTP 200 like every other route, so a probe reads {@code acceptingWrites} or {@code ready} in the body:
 * <ul>
 *     <li>{@code GET /admin/v1/health}: whether writes are accepted and, if not, why; how far the durable stream and
 *     each projection are; whether the server is ready; how far the history database is (and its lag).</li>
 *     <li>{@code GET /admin/v1/ready}: ready to serve, that is recovered (always, once the admin port answers: it
 *     opens after recovery), the public port listening, and writes accepted.</li>
 * </ul>
 */
public final class HealthRoutes
{
    private final SequencerHealth health;
    private final BooleanSupplier listening;
    private final HistoryStore history;

    /**
     * @param health    whether writes are accepted, and how far the stream and the projections are.
     * @param listening whether the public port listens.
     * @param history   the durable history, whose progress the health endpoint shows.
     */
    public HealthRoutes(final SequencerHealth health, final BooleanSupplier listening, final HistoryStore history)
    {
        this.health = health;
        this.listening = listening;
        this.history = history;
    }

    /** @return the health and readiness routes. */
    public List<Route> routes()
    {
        return List.of(
            Route.of("GET", "/admin/v1/health", Route.Access.PUBLIC, this::health),
            Route.of("GET", "/admin/v1/ready", Route.Access.PUBLIC, this::ready));
    }

    private CompletableFuture<ApiResponse> health(final ApiRequest request)
    {
        final String stopCause = health.stopCause();
        final long committed = health.committedSequence();
        final Map<String, Long> projections = health.projections();
        final boolean ready = stopCause == null && listening.getAsBoolean();
        final HistoryStore.Health historyHealth = history.health();
        return PublicApi.done(ApiResponse.ok(json ->
        {
            json.writeStartObject();
            json.writeBooleanField("acceptingWrites", stopCause == null);
            json.writeStringField("status", stopCause == null ? "ACCEPTING_WRITES" : "STOPPED");
            if (stopCause != null)
            {
                json.writeStringField("stopCause", stopCause);
            }
            json.writeNumberField("committedSequence", committed);
            json.writeNumberField("projectedSequence", projections.get(SequencerHealth.READ_MODEL));
            json.writeBooleanField("ready", ready);
            json.writeArrayFieldStart("projections");
            for (final Map.Entry<String, Long> projection : projections.entrySet())
            {
                json.writeStartObject();
                json.writeStringField("name", projection.getKey());
                json.writeNumberField("sequence", projection.getValue());
                json.writeNumberField("lag", Math.max(0, committed - projection.getValue()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("history");
            json.writeStringField("status", historyHealth.status());
            json.writeNumberField("committedSequence", historyHealth.committedSequence());
            json.writeNumberField("lag", Math.max(0, committed - historyHealth.committedSequence()));
            if (historyHealth.detail() != null)
            {
                json.writeStringField("detail", historyHealth.detail());
            }
            json.writeEndObject();
            json.writeEndObject();
        }));
    }

    private CompletableFuture<ApiResponse> ready(final ApiRequest request)
    {
        final String stopCause = health.stopCause();
        final boolean publicListening = listening.getAsBoolean();
        return PublicApi.done(ApiResponse.ok(json ->
        {
            json.writeStartObject();
            json.writeBooleanField("ready", stopCause == null && publicListening);
            json.writeBooleanField("recovered", true);
            json.writeBooleanField("listening", publicListening);
            json.writeBooleanField("acceptingWrites", stopCause == null);
            if (stopCause != null)
            {
                json.writeStringField("stopCause", stopCause);
            }
            json.writeEndObject();
        }));
    }
}
