package dev.bourse.server.admin;

import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.Status;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.AccountCreated;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TransferCompleted;
import dev.bourse.server.auth.IpAddresses;
import dev.bourse.server.auth.SecretCipher;
import dev.bourse.server.gateway.ApiException;
import dev.bourse.server.gateway.ApiRequest;
import dev.bourse.server.gateway.ApiResponse;
import dev.bourse.server.gateway.DecimalUnits;
import dev.bourse.server.gateway.EngineGateway;
import dev.bourse.server.gateway.JsonViews;
import dev.bourse.server.gateway.PairParameter;
import dev.bourse.server.gateway.PublicApi;
import dev.bourse.server.gateway.RequestParameters;
import dev.bourse.server.gateway.Route;
import dev.bourse.server.readmodel.AccountStore;
import dev.bourse.server.readmodel.ApiKeyStore;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.readmodel.ReadModel;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** The admin API of spec section 6: accounts, API keys, deposits, withdrawals, pairs (health: {@link HealthRoutes}). */
public final class AdminApi
{
    /** Scale of a currency created by PUT pairs without currencyScale/marketScale. */
    public static final int DEFAULT_SCALE = 8;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{1,16}");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int API_KEY_LENGTH = 20;
    private static final int API_SECRET_LENGTH = 32;
    private static final int MAX_DETAIL_LENGTH = 128;
    private static final int MAX_OPEN_ORDERS_SHOWN = 100_000;
    private static final int MAX_ACCOUNTS_LISTED = 10_000;
    private static final int DEFAULT_ACCOUNTS_LISTED = 1_000;

    private final ReadModel readModel;
    private final MarketDirectory markets;
    private final JsonViews views;
    private final EngineGateway engine;
    private final SecretCipher cipher;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param readModel what reads show.
     * @param engine    where commands go.
     * @param cipher    encrypts new API secrets.
     */
    public AdminApi(final ReadModel readModel, final EngineGateway engine, final SecretCipher cipher)
    {
        this.readModel = readModel;
        this.markets = readModel.markets();
        this.views = new JsonViews(markets);
        this.engine = engine;
        this.cipher = cipher;
    }

    /** @return the routes of the admin API. */
    public List<Route> routes()
    {
        return List.of(
            Route.of("POST", "/admin/v1/accounts", Route.Access.ADMIN, this::createAccount),
            Route.of("GET", "/admin/v1/accounts", Route.Access.ADMIN, this::listAccounts),
            Route.of("GET", "/admin/v1/accounts/{accountId}", Route.Access.ADMIN, this::account),
            Route.of("POST", "/admin/v1/accounts/{accountId}/apiKeys", Route.Access.ADMIN, this::issueApiKey),
            Route.of("GET", "/admin/v1/accounts/{accountId}/apiKeys", Route.Access.ADMIN, this::listApiKeys),
            Route.of("DELETE", "/admin/v1/apiKeys/{apiKey}", Route.Access.ADMIN, this::revokeApiKey),
            Route.of("POST", "/admin/v1/accounts/{accountId}/deposits", Route.Access.ADMIN,
                request -> transfer(request, TransferType.DEPOSIT)),
            Route.of("POST", "/admin/v1/accounts/{accountId}/withdrawals", Route.Access.ADMIN,
                request -> transfer(request, TransferType.WITHDRAW)),
            Route.of("PUT", "/admin/v1/pairs/{coinPair}", Route.Access.ADMIN, this::putPair));
    }

    private CompletableFuture<ApiResponse> createAccount(final ApiRequest request)
    {
        final String label = request.params().optional("label");
        return engine.send(new CreateAccount(label == null ? "" : validLabel(label)), reply ->
        {
            final AccountCreated created = reply.first(AccountCreated.class);
            return ApiResponse.ok(json ->
            {
                json.writeStartObject();
                json.writeNumberField("accountId", created.accountId());
                json.writeStringField("label", created.label());
                json.writeEndObject();
            });
        });
    }

    private static String validLabel(final String label)
    {
        if (!CreateAccount.isValidLabel(label))
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return label;
    }

    private CompletableFuture<ApiResponse> listAccounts(final ApiRequest request)
    {
        final RequestParameters params = request.params();
        final String label = validLabel(params.required("label"));
        final long from = params.integer("fromAccountId", 1, 1, Long.MAX_VALUE, Status.INVALID_PARAMETER);
        final int max = (int)params.integer("max", DEFAULT_ACCOUNTS_LISTED, 1, MAX_ACCOUNTS_LISTED,
            Status.INVALID_PARAMETER);
        final List<Long> accountIds = readModel.accounts().accountsLabelled(label, from, max);
        return PublicApi.done(ApiResponse.ok(json ->
        {
            json.writeStartArray();
            for (final long accountId : accountIds)
            {
                json.writeStartObject();
                json.writeNumberField("accountId", accountId);
                json.writeStringField("label", label);
                json.writeEndObject();
            }
            json.writeEndArray();
        }));
    }

    private long accountParam(final ApiRequest request)
    {
        final long accountId = RequestParameters.parseLong(request.pathParam("accountId"), Status.ACCOUNT_NOT_FOUND);
        if (!readModel.accounts().exists(accountId))
        {
            throw new ApiException(Status.ACCOUNT_NOT_FOUND);
        }
        return accountId;
    }

    private CompletableFuture<ApiResponse> account(final ApiRequest request)
    {
        final long accountId = accountParam(request);
        final List<String> currencies = markets.currencies();
        final List<AccountStore.Balance> balances =
            currencies.stream().map(currency -> readModel.accounts().balance(accountId, currency)).toList();
        final Map<String, Integer> openByPair = new TreeMap<>();
        final List<OrderView> open = readModel.orders().openOrders(accountId, order -> true, MAX_OPEN_ORDERS_SHOWN);
        open.forEach(order -> openByPair.merge(order.coinPair(), 1, Integer::sum));
        return PublicApi.done(ApiResponse.ok(json ->
        {
            json.writeStartObject();
            json.writeNumberField("accountId", accountId);
            json.writeStringField("label", readModel.accounts().label(accountId));
            json.writeArrayFieldStart("balances");
            for (int i = 0; i < currencies.size(); i++)
            {
                views.balance(json, currencies.get(i), balances.get(i));
            }
            json.writeEndArray();
            json.writeNumberField("openOrderCount", open.size());
            json.writeArrayFieldStart("openOrders");
            for (final Map.Entry<String, Integer> pair : openByPair.entrySet())
            {
                json.writeStartObject();
                json.writeStringField("coinPair", pair.getKey());
                json.writeNumberField("count", pair.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    private CompletableFuture<ApiResponse> issueApiKey(final ApiRequest request)
    {
        final long accountId = accountParam(request);
        final RequestParameters params = request.params();
        final int rpm = (int)params.integer("rpm", 60, 1, 100_000, Status.INVALID_PARAMETER);
        final int rps = (int)params.integer("rps", Math.min(3, rpm), 1, rpm, Status.INVALID_PARAMETER);
        final String allowedIps = allowedIps(params.optional("allowedIps"));
        final String apiKey = randomText(API_KEY_LENGTH);
        final String apiSecret = randomText(API_SECRET_LENGTH);
        final IssueApiKey command = new IssueApiKey(accountId, apiKey, cipher.encrypt(apiKey, apiSecret), rps, rpm,
            allowedIps);
        return engine.send(command, reply -> ApiResponse.ok(json ->
        {
            json.writeStartObject();
            json.writeNumberField("accountId", accountId);
            json.writeStringField("apiKey", apiKey);
            json.writeStringField("apiSecret", apiSecret);
            json.writeNumberField("rps", rps);
            json.writeNumberField("rpm", rpm);
            json.writeStringField("allowedIps", allowedIps);
            json.writeEndObject();
        }));
    }

    private static String allowedIps(final String text)
    {
        if (text == null)
        {
            return "";
        }
        final List<String> ips = IpAddresses.parseList(text);
        if (text.length() > 1024 || ips.stream().anyMatch(ip -> !IpAddresses.isLiteral(ip)))
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return String.join(",", ips);
    }

    private String randomText(final int length)
    {
        final StringBuilder text = new StringBuilder(length);
        synchronized (random)
        {
            for (int i = 0; i < length; i++)
            {
                text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            }
        }
        return text.toString();
    }

    private CompletableFuture<ApiResponse> listApiKeys(final ApiRequest request)
    {
        final List<ApiKeyStore.ApiKey> keys = readModel.apiKeys().keysOf(accountParam(request));
        return PublicApi.done(ApiResponse.ok(json ->
        {
            json.writeStartArray();
            for (final ApiKeyStore.ApiKey key : keys)
            {
                json.writeStartObject();
                json.writeNumberField("accountId", key.accountId());
                json.writeStringField("apiKey", key.apiKey());
                json.writeNumberField("rps", key.requestsPerSecond());
                json.writeNumberField("rpm", key.requestsPerMinute());
                json.writeStringField("allowedIps", String.join(",", key.allowedIps()));
                json.writeBooleanField("enabled", key.usable());
                json.writeEndObject();
            }
            json.writeEndArray();
        }));
    }

    private CompletableFuture<ApiResponse> revokeApiKey(final ApiRequest request)
    {
        final ApiKeyStore.ApiKey key = readModel.apiKeys().key(request.pathParam("apiKey"));
        if (key == null)
        {
            throw new ApiException(Status.UNREGISTERED_API_KEY);
        }
        return engine.send(new RevokeApiKey(key.apiKey()), reply -> ApiResponse.ok(json ->
        {
            json.writeStartObject();
            json.writeStringField("apiKey", key.apiKey());
            json.writeBooleanField("enabled", false);
            json.writeEndObject();
        }));
    }

    private CompletableFuture<ApiResponse> transfer(final ApiRequest request, final TransferType type)
    {
        final long accountId = accountParam(request);
        final RequestParameters params = request.params();
        final String amountText = params.required("amount");
        final String currency = params.required("currency");
        final int scale = markets.scale(currency);
        if (scale < 0)
        {
            throw new ApiException(Status.INVALID_CURRENCY);
        }
        final long amount = DecimalUnits.parse(amountText, scale, DecimalUnits.POSITIVE_AMOUNT);
        final String feeText = params.optional("fee");
        final long fee = feeText == null ? 0 : DecimalUnits.parse(feeText, scale, DecimalUnits.AMOUNT_OR_ZERO);
        final TransferDetails details = new TransferDetails(detail(params, "address"), detail(params, "tag"),
            detail(params, "bankName"), detail(params, "accountNo"));
        return engine.send(new Transfer(accountId, type, currency, amount, fee, details), reply ->
        {
            final TransferCompleted transfer = reply.first(TransferCompleted.class);
            return ApiResponse.ok(json -> views.transfer(json, transfer));
        });
    }

    private static String detail(final RequestParameters params, final String name)
    {
        final String value = params.optional(name);
        if (value != null && value.length() > MAX_DETAIL_LENGTH)
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return value == null ? "" : value;
    }

    private CompletableFuture<ApiResponse> putPair(final ApiRequest request)
    {
        final String coinPair = request.pathParam("coinPair");
        final int dot = coinPair.indexOf('.');
        final String currency = dot < 0 ? "" : coinPair.substring(0, dot);
        final String market = dot < 0 ? "" : coinPair.substring(dot + 1);
        if (!CURRENCY.matcher(currency).matches() || !CURRENCY.matcher(market).matches() || currency.equals(market))
        {
            throw new ApiException(Status.INVALID_COIN_PAIR);
        }
        final RequestParameters params = request.params();
        final int currencyScale = scaleOf(currency, params, "currencyScale");
        final int marketScale = scaleOf(market, params, "marketScale");
        final MarketDirectory.Pair existing = markets.pair(coinPair);
        final PairPolicy policy = PairPolicyParser.parse(
            params, existing == null ? null : existing.policy(), coinPair, currencyScale, marketScale);
        return engine.send(new PutPair(currency, market, currencyScale, marketScale, policy), reply ->
        {
            final MarketDirectory.Pair pair = PairParameter.require(markets, coinPair);
            return ApiResponse.ok(json -> views.pairPolicy(json, pair));
        });
    }

    private int scaleOf(final String currency, final RequestParameters params, final String name)
    {
        final int existing = markets.scale(currency);
        final int requested = (int)params.integer(name, existing >= 0 ? existing : DEFAULT_SCALE, 0, 18,
            Status.INVALID_PARAMETER);
        if (existing >= 0 && requested != existing)
        {
            throw new ApiException(Status.INVALID_PARAMETER);
        }
        return requested;
    }

    /** Reads the state parameter of PUT pairs. */
    static PairState state(final String text, final PairState defaultState)
    {
        if (text == null)
        {
            return defaultState;
        }
        return switch (text)
        {
            case "TRADING" -> PairState.TRADING;
            case "CANCEL_ONLY" -> PairState.CANCEL_ONLY;
            default -> throw new ApiException(Status.INVALID_PARAMETER);
        };
    }
}
