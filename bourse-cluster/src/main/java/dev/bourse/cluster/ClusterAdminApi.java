package dev.bourse.cluster;

import dev.bourse.engine.Status;
import dev.bourse.server.gateway.ApiRequest;
import dev.bourse.server.gateway.ApiResponse;
import dev.bourse.server.gateway.DecimalUnits;
import dev.bourse.server.gateway.Route;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /admin/v1/cluster} (admin token): this node's ID and role, the leader it follows and the one its
 * gateways send to, and its state between two commands (the sequence of the last command applied, the engine's state
 * hash, the log position, and per currency the balances, the fees and the deposits less withdrawals). Nodes that
 * applied the same commands show the same sequence, hash and funds.
 */
final class ClusterAdminApi
{
    private static final long REPORT_TIMEOUT_MS = 5_000;

    private final int nodeId;
    private final ExchangeService service;
    private final IngressAgent ingress;

    ClusterAdminApi(final int nodeId, final ExchangeService service, final IngressAgent ingress)
    {
        this.nodeId = nodeId;
        this.service = service;
        this.ingress = ingress;
    }

    List<Route> routes()
    {
        return List.of(Route.of("GET", "/admin/v1/cluster", Route.Access.ADMIN, this::status));
    }

    private CompletableFuture<ApiResponse> status(final ApiRequest request)
    {
        final String role = service.role().name();
        final int leader = service.leaderNodeId();
        final int sendingTo = ingress.leaderNodeId();
        return service.report()
            .completeOnTimeout(null, REPORT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .exceptionally(failure -> null)
            .thenApply(report -> report == null ? ApiResponse.failure(Status.INTERNAL_TIMEOUT) : ApiResponse.ok(json ->
            {
                json.writeStartObject();
                json.writeNumberField("nodeId", nodeId);
                json.writeStringField("role", role);
                json.writeNumberField("leaderNodeId", leader);
                json.writeNumberField("ingressLeaderNodeId", sendingTo);
                json.writeNumberField("appliedSequence", report.appliedSequence());
                json.writeStringField("stateHash", Long.toHexString(report.stateHash()));
                json.writeNumberField("logPosition", report.logPosition());
                json.writeArrayFieldStart("funds");
                for (final StateReport.Funds funds : report.funds())
                {
                    json.writeStartObject();
                    json.writeStringField("currency", funds.currency());
                    json.writeFieldName("balances");
                    json.writeNumber(DecimalUnits.toPlainString(funds.balances(), funds.scale()));
                    json.writeFieldName("feesCollected");
                    json.writeNumber(DecimalUnits.toPlainString(funds.feesCollected(), funds.scale()));
                    json.writeFieldName("netDeposits");
                    json.writeNumber(DecimalUnits.toPlainString(funds.netDeposits(), funds.scale()));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }));
    }
}
