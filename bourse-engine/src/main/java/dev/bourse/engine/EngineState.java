package dev.bourse.engine;

import dev.bourse.engine.command.CancelAllOrders;
import dev.bourse.engine.command.CancelOrder;
import dev.bourse.engine.command.Command;
import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.FireDeadMansSwitches;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.SetDeadMansSwitch;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.AccountCreated;
import dev.bourse.engine.event.ApiKeyIssued;
import dev.bourse.engine.event.ApiKeyRevoked;
import dev.bourse.engine.event.BalanceChanged;
import dev.bourse.engine.event.CommandRejected;
import dev.bourse.engine.event.CurrencyCreated;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.PairUpdated;
import dev.bourse.engine.event.TransferCompleted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The whole state of the exchange and the handling of every command but orders (see {@link OrderProcessor}) and
 * dead man's switches (see {@link DeadMansSwitches}).
 */
final class EngineState
{
    static final long ORDER_ID_BASE = 10_100_000_000_000L;
    static final long TRADE_ID_BASE = 20_100_000_000_000L;
    static final long TRANSFER_ID_BASE = 30_100_000_000_000L;
    static final long MAX_SEQUENCE = 9_899_999_999_999L;

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9]{16,64}");
    private static final int MAX_DISPLAY_NAME = 64;
    private static final int MAX_DETAIL = 128;
    private static final int MAX_CIPHERTEXT = 512;
    private static final int MAX_ALLOWED_IPS = 1024;

    final EngineConfiguration configuration;
    final List<Currency> currencies = new ArrayList<>();
    final Map<String, Currency> currenciesByCode = new HashMap<>();
    final List<Pair> pairs = new ArrayList<>();
    final Map<String, Pair> pairsByName = new HashMap<>();
    final List<Account> accounts = new ArrayList<>();
    final LinkedHashMap<String, ApiKeyRecord> apiKeys = new LinkedHashMap<>();
    final OrderIndex openOrders = new OrderIndex();
    long orderSequence;
    long tradeSequence;
    long transferSequence;

    private final OrderProcessor orderProcessor = new OrderProcessor(this);
    final DeadMansSwitches deadMansSwitches = new DeadMansSwitches(this, orderProcessor);

    EngineState(final EngineConfiguration configuration)
    {
        this.configuration = configuration;
    }

    EngineConfiguration configuration()
    {
        return configuration;
    }

    Status apply(final Command command, final long timestampMs, final EventSink sink)
    {
        final Status status = switch (command)
        {
            case PlaceOrder place -> orderProcessor.place(place, timestampMs, sink);
            case CancelOrder cancel -> orderProcessor.cancel(cancel, timestampMs, sink);
            case CancelAllOrders cancelAll -> orderProcessor.cancelAll(cancelAll, sink);
            case SetDeadMansSwitch set -> deadMansSwitches.set(set, timestampMs, sink);
            case FireDeadMansSwitches ignored -> deadMansSwitches.fire(timestampMs, sink);
            case Transfer transfer -> transfer(transfer, timestampMs, sink);
            case PutPair putPair -> putPair(putPair, sink);
            case CreateAccount create -> createAccount(create, sink);
            case IssueApiKey issue -> issueApiKey(issue, sink);
            case RevokeApiKey revoke -> revokeApiKey(revoke, sink);
        };
        if (!status.isSuccess())
        {
            sink.onEvent(new CommandRejected(status));
        }
        return status;
    }

    Account account(final long accountId)
    {
        return accountId >= 1 && accountId <= accounts.size() ? accounts.get((int)(accountId - 1)) : null;
    }

    Pair pair(final String coinPair)
    {
        return coinPair == null ? null : pairsByName.get(coinPair);
    }

    Currency currency(final String code)
    {
        return code == null ? null : currenciesByCode.get(code);
    }

    void emitBalance(final Account account, final Currency currency, final EventSink sink)
    {
        sink.onEvent(new BalanceChanged(account.id, currency.code, account.balance(currency),
            account.available(currency)));
    }

    private Status createAccount(final CreateAccount command, final EventSink sink)
    {
        if (accounts.size() >= configuration.maxAccounts() || !CreateAccount.isValidLabel(command.label()))
        {
            return Status.INVALID_PARAMETER;
        }
        final Account account = new Account(accounts.size() + 1, command.label(), currencies.size());
        accounts.add(account);
        sink.onEvent(new AccountCreated(account.id, account.label));
        return Status.SUCCESS;
    }

    private Status putPair(final PutPair command, final EventSink sink)
    {
        final Status invalid = validatePutPair(command);
        if (invalid != null)
        {
            return invalid;
        }
        final Currency currency = currencyOrCreate(command.currency(), command.currencyScale(), sink);
        final Currency market = currencyOrCreate(command.market(), command.marketScale(), sink);
        Pair pair = pairsByName.get(command.coinPair());
        if (pair == null)
        {
            pair = new Pair(pairs.size(), currency, market, command.policy());
            pairs.add(pair);
            pairsByName.put(pair.coinPair, pair);
        }
        else
        {
            pair.updatePolicy(command.policy());
        }
        sink.onEvent(new PairUpdated(pair.id, pair.coinPair, currency.code, market.code, pair.policy));
        return Status.SUCCESS;
    }

    private Status validatePutPair(final PutPair command)
    {
        if (command.currency() == null || command.market() == null || command.policy() == null ||
            !CURRENCY_CODE.matcher(command.currency()).matches() || !CURRENCY_CODE.matcher(command.market()).matches() ||
            command.currency().equals(command.market()))
        {
            return Status.INVALID_COIN_PAIR;
        }
        final Currency currency = currenciesByCode.get(command.currency());
        final Currency market = currenciesByCode.get(command.market());
        final int newCurrencies = (currency == null ? 1 : 0) + (market == null ? 1 : 0);
        final Pair existing = pairsByName.get(command.coinPair());
        if (currencies.size() + newCurrencies > configuration.maxCurrencies() ||
            (existing == null && pairs.size() >= configuration.maxPairs()))
        {
            return Status.INVALID_PARAMETER;
        }
        final int currencyScale = currency == null ? command.currencyScale() : currency.scale;
        final int marketScale = market == null ? command.marketScale() : market.scale;
        if (!isScale(currencyScale) || !isScale(marketScale) ||
            !isValidPolicy(command.policy(), currencyScale, marketScale))
        {
            return Status.INVALID_PARAMETER;
        }
        if (existing != null && existing.openOrderCount() > 0 &&
            (existing.policy.priceDecimals() != command.policy().priceDecimals() ||
            existing.policy.amountDecimals() != command.policy().amountDecimals()))
        {
            return Status.INVALID_PARAMETER;
        }
        return null;
    }

    private static boolean isScale(final int scale)
    {
        return scale >= 0 && scale <= Money.MAX_SCALE;
    }

    private static boolean isValidPolicy(final PairPolicy policy, final int currencyScale, final int marketScale)
    {
        return policy.displayName() != null && policy.displayName().length() <= MAX_DISPLAY_NAME &&
            policy.state() != null &&
            policy.priceDecimals() >= 0 && policy.amountDecimals() >= 0 &&
            policy.amountDecimals() <= currencyScale &&
            policy.priceDecimals() + policy.amountDecimals() <= marketScale &&
            policy.minPrice() >= 1 && policy.minPrice() % Money.pow10(marketScale - policy.priceDecimals()) == 0 &&
            policy.minAmount() >= 1 && policy.minAmount() <= policy.maxAmount() &&
            policy.minVolume() >= 0 && policy.minVolume() <= policy.maxVolume() &&
            isFeeRate(policy.makerFeePpm()) && isFeeRate(policy.takerFeePpm());
    }

    private static boolean isFeeRate(final int ratePpm)
    {
        return ratePpm >= 0 && ratePpm <= PairPolicy.PPM;
    }

    private Currency currencyOrCreate(final String code, final int scale, final EventSink sink)
    {
        Currency currency = currenciesByCode.get(code);
        if (currency == null)
        {
            currency = new Currency(currencies.size(), code, scale);
            currencies.add(currency);
            currenciesByCode.put(code, currency);
            sink.onEvent(new CurrencyCreated(currency.id, currency.code, currency.scale));
        }
        return currency;
    }

    private Status transfer(final Transfer command, final long timestampMs, final EventSink sink)
    {
        final Account account = account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        final Currency currency = currency(command.currency());
        if (currency == null)
        {
            return Status.INVALID_CURRENCY;
        }
        if (command.type() == null)
        {
            return Status.INVALID_TRANSFER_TYPE;
        }
        if (command.amount() <= 0 || command.fee() < 0 || command.fee() > command.amount() ||
            (command.type() == TransferType.DEPOSIT && command.fee() == command.amount()) ||
            !isValidDetails(command.details()) || transferSequence >= MAX_SEQUENCE)
        {
            return Status.INVALID_PARAMETER;
        }
        final long total;
        if (command.type() == TransferType.DEPOSIT)
        {
            if (currency.netDeposits > Long.MAX_VALUE - command.amount())
            {
                return Status.INVALID_PARAMETER;
            }
            total = command.amount() - command.fee();
            currency.netDeposits += command.amount();
            account.credit(currency, total);
        }
        else
        {
            total = command.amount() + command.fee();
            if (total < 0 || account.available(currency) < total)
            {
                return Status.NOT_ENOUGH_BALANCE;
            }
            currency.netDeposits -= command.amount();
            account.credit(currency, -total);
        }
        currency.fees += command.fee();
        final long transferId = TRANSFER_ID_BASE + ++transferSequence;
        sink.onEvent(new TransferCompleted(transferId, account.id, command.type(), currency.code, command.amount(),
            command.fee(), total, command.details(), timestampMs));
        emitBalance(account, currency, sink);
        return Status.SUCCESS;
    }

    private static boolean isValidDetails(final TransferDetails details)
    {
        return details != null &&
            isShortText(details.address(), MAX_DETAIL) && isShortText(details.tag(), MAX_DETAIL) &&
            isShortText(details.bankName(), MAX_DETAIL) && isShortText(details.accountNo(), MAX_DETAIL);
    }

    private static boolean isShortText(final String text, final int maxLength)
    {
        return text != null && text.length() <= maxLength;
    }

    private Status issueApiKey(final IssueApiKey command, final EventSink sink)
    {
        final Account account = account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        if (command.apiKey() == null || !API_KEY.matcher(command.apiKey()).matches() ||
            apiKeys.containsKey(command.apiKey()) ||
            !isShortText(command.secretCiphertext(), MAX_CIPHERTEXT) || command.secretCiphertext().isEmpty() ||
            !isShortText(command.allowedIps(), MAX_ALLOWED_IPS) ||
            command.requestsPerSecond() <= 0 || command.requestsPerMinute() <= 0 ||
            account.apiKeyCount >= configuration.maxApiKeysPerAccount())
        {
            return Status.INVALID_PARAMETER;
        }
        apiKeys.put(command.apiKey(), new ApiKeyRecord(account.id, command.apiKey(), command.secretCiphertext(),
            command.requestsPerSecond(), command.requestsPerMinute(), command.allowedIps(), false));
        account.apiKeyCount++;
        sink.onEvent(new ApiKeyIssued(account.id, command.apiKey(), command.secretCiphertext(),
            command.requestsPerSecond(), command.requestsPerMinute(), command.allowedIps()));
        return Status.SUCCESS;
    }

    private Status revokeApiKey(final RevokeApiKey command, final EventSink sink)
    {
        final ApiKeyRecord record = command.apiKey() == null ? null : apiKeys.get(command.apiKey());
        if (record == null)
        {
            return Status.UNREGISTERED_API_KEY;
        }
        if (record.revoked())
        {
            return Status.INVALID_API_KEY;
        }
        apiKeys.put(record.apiKey(), record.revoke());
        sink.onEvent(new ApiKeyRevoked(record.accountId(), record.apiKey()));
        return Status.SUCCESS;
    }

    long stateHash()
    {
        return SnapshotCodec.hash(this);
    }

    long balance(final long accountId, final String code)
    {
        final Account account = account(accountId);
        final Currency currency = currency(code);
        return account == null || currency == null ? 0 : account.balance(currency);
    }

    long available(final long accountId, final String code)
    {
        final Account account = account(accountId);
        final Currency currency = currency(code);
        return account == null || currency == null ? 0 : account.available(currency);
    }

    long feesCollected(final String code)
    {
        final Currency currency = currency(code);
        return currency == null ? 0 : currency.fees;
    }

    long netDeposits(final String code)
    {
        final Currency currency = currency(code);
        return currency == null ? 0 : currency.netDeposits;
    }

    int currencyScale(final String code)
    {
        final Currency currency = currency(code);
        return currency == null ? -1 : currency.scale;
    }

    List<String> currencies()
    {
        return currencies.stream().map(currency -> currency.code).toList();
    }

    List<String> coinPairs()
    {
        return pairs.stream().map(pair -> pair.coinPair).toList();
    }

    PairPolicy pairPolicy(final String coinPair)
    {
        final Pair pair = pair(coinPair);
        return pair == null ? null : pair.policy;
    }

    long accountCount()
    {
        return accounts.size();
    }

    String accountLabel(final long accountId)
    {
        final Account account = account(accountId);
        return account == null ? null : account.label;
    }

    OrderView openOrder(final long orderId)
    {
        final Order order = openOrders.get(orderId);
        return order == null ? null : order.view(0);
    }

    List<OrderView> openOrders(final long accountId, final String coinPair)
    {
        final Account account = account(accountId);
        final Pair pair = pair(coinPair);
        final List<OrderView> views = new ArrayList<>();
        final AccountOrders orders = account == null || pair == null ? null : account.openOrders(pair);
        if (orders == null)
        {
            return views;
        }
        for (int slot = orders.start(); slot < orders.end(); slot++)
        {
            final long orderId = orders.idAt(slot);
            if (orderId != 0)
            {
                views.add(openOrders.get(orderId).view(0));
            }
        }
        return views;
    }

    int openOrderCount(final long accountId)
    {
        final Account account = account(accountId);
        return account == null ? 0 : account.openOrderCount;
    }

    int openOrderCountOfPair(final String coinPair)
    {
        final Pair pair = pair(coinPair);
        return pair == null ? 0 : pair.openOrderCount();
    }

    long bestPrice(final String coinPair, final Side side)
    {
        final Pair pair = pair(coinPair);
        final PriceLevel best = pair == null ? null : pair.book(side).best();
        return best == null ? 0 : best.price;
    }

    long nextDeadlineMs()
    {
        return deadMansSwitches.nextDeadlineMs();
    }

    long deadMansSwitchDeadlineMs(final long accountId)
    {
        final Account account = account(accountId);
        return account == null ? 0 : account.deadMansSwitchDeadlineMs;
    }

    String deadMansSwitchPair(final long accountId)
    {
        final Account account = account(accountId);
        return account == null || account.deadMansSwitchPair == null ? null : account.deadMansSwitchPair.coinPair;
    }

    int clientOrderIdCount(final long accountId)
    {
        final Account account = account(accountId);
        return account == null || account.clientOrderIds == null ? 0 : account.clientOrderIds.size();
    }

    long lastPrice(final String coinPair)
    {
        final Pair pair = pair(coinPair);
        return pair == null ? 0 : pair.lastPrice;
    }
}
