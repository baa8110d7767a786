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
import dev.bourse.engine.event.OrderCancelled.CancelReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static java.math.BigDecimal.ZERO;

/**
 * A naive model of the exchange, written from the rules (the Javadoc of {@link Engine}, docs/ENGINE.md, spec
 * sections 4 and 5) and not from the engine's code: books are plain lists scanned in full at every step, money is
 * {@link BigDecimal} in whole units of each currency (1.5 BTC is 1.5), fees are rounded up to the Market's scale,
 * client order IDs are a list per account searched in full, dead man's switches fields of the accounts. Its order IDs
 * are its own (1, 2, 3...): the simulation maps them to the engine's.
 * <p>
 * Where the rules leave something open it follows the engine's documented choices: the order in which validation
 * rules are checked (a command with several defects gets the first), MARKET, IOC and FOK orders skip the open-order
 * limits and MARKET orders the volume limits, and stops that trigger together enter BUY stops first (lowest stop
 * first), then SELL stops (highest first).
 */
final class ReferenceExchange
{
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9]{16,64}");
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final BigDecimal PPM = BigDecimal.valueOf(1_000_000);

    /** A trade in base units, with the reference's order IDs. */
    record Trade(
        long price,
        long quantity,
        long takerOrderId,
        long takerAccountId,
        long takerFee,
        long makerOrderId,
        long makerAccountId,
        long makerFee)
    {
    }

    /** An order whose remainder was cancelled by itself (not by a cancel-all), and why. */
    record Cancel(long orderId, CancelReason reason)
    {
    }

    /** A cancel-all: whose orders, which pair (null: every pair) and side (null: both), why, the IDs ascending. */
    record CancelAll(long accountId, String coinPair, Side side, CancelReason reason, List<Long> orderIds)
    {
    }

    /**
     * What a command did: its status and, for orders, what happened to which orders, in order; the order a
     * repeated client order ID answered; the deadline a dead man's switch was set to.
     */
    record Outcome(
        Status status,
        long acceptedOrderId,
        List<Trade> trades,
        List<Cancel> cancelled,
        List<Long> triggeredOrderIds,
        List<CancelAll> cancelAlls,
        long alreadyAcceptedOrderId,
        long switchDeadlineMs)
    {
    }

    /** A client order ID an account remembers. */
    record RememberedId(String clientOrderId, long orderId, long acceptedAtMs)
    {
    }

    static final class Cur
    {
        final String code;
        final int scale;
        BigDecimal netDeposits = ZERO;
        BigDecimal fees = ZERO;

        Cur(final String code, final int scale)
        {
            this.code = code;
            this.scale = scale;
        }
    }

    static final class Acct
    {
        final long id;
        final String label;
        final Map<String, BigDecimal> balances = new HashMap<>();
        final Map<String, BigDecimal> reserved = new HashMap<>();
        final List<RememberedId> rememberedIds = new ArrayList<>();
        int apiKeys;
        long switchDeadlineMs;
        String switchPair;

        Acct(final long id, final String label)
        {
            this.id = id;
            this.label = label;
        }

        BigDecimal balance(final String currency)
        {
            return balances.getOrDefault(currency, ZERO);
        }

        BigDecimal available(final String currency)
        {
            return balance(currency).subtract(reserved.getOrDefault(currency, ZERO));
        }

        void addBalance(final String currency, final BigDecimal amount)
        {
            balances.merge(currency, amount, BigDecimal::add);
        }

        void addReserved(final String currency, final BigDecimal amount)
        {
            reserved.merge(currency, amount, BigDecimal::add);
        }
    }

    static final class Book
    {
        final String name;
        final Cur currency;
        final Cur market;
        PairPolicy policy;
        final List<Ord> bids = new ArrayList<>();
        final List<Ord> asks = new ArrayList<>();
        final List<Ord> buyStops = new ArrayList<>();
        final List<Ord> sellStops = new ArrayList<>();
        BigDecimal lastPrice;

        Book(final String name, final Cur currency, final Cur market, final PairPolicy policy)
        {
            this.name = name;
            this.currency = currency;
            this.market = market;
            this.policy = policy;
        }

        List<Ord> side(final Side side)
        {
            return side == Side.BUY ? bids : asks;
        }

        BigDecimal price(final long baseUnits)
        {
            return BigDecimal.valueOf(baseUnits, market.scale);
        }

        BigDecimal quantity(final long baseUnits)
        {
            return BigDecimal.valueOf(baseUnits, currency.scale);
        }

        BigDecimal ceilToMarket(final BigDecimal amount)
        {
            return amount.setScale(market.scale, RoundingMode.CEILING);
        }
    }

    /** An order; amounts in whole units. */
    static final class Ord
    {
        final long id;
        final Acct account;
        final Book book;
        final OrderType type;
        final Side side;
        final BigDecimal price;
        final BigDecimal stopPrice;
        final BigDecimal initial;
        final BigDecimal reservedValue;
        final int makerFeePpm;
        final int takerFeePpm;
        final TimeInForce timeInForce;
        final SelfTradePrevention prevention;
        final String clientOrderId;
        BigDecimal remain;
        BigDecimal filled = ZERO;
        BigDecimal cancelled = ZERO;
        BigDecimal filledVolume = ZERO;
        BigDecimal exactFee = ZERO;
        BigDecimal feeCharged = ZERO;
        BigDecimal reserve;
        OrderStatus status;
        long arrival;

        Ord(
            final long id,
            final Acct account,
            final Book book,
            final PlaceOrder command,
            final BigDecimal reserve,
            final SelfTradePrevention defaultPrevention)
        {
            this.id = id;
            this.account = account;
            this.book = book;
            this.type = command.type();
            this.side = command.side();
            this.price = book.price(command.price());
            this.stopPrice = book.price(command.stopPrice());
            this.initial = book.quantity(command.quantity());
            this.remain = initial;
            this.reservedValue = reserve;
            this.reserve = reserve;
            this.makerFeePpm = book.policy.makerFeePpm();
            this.takerFeePpm = book.policy.takerFeePpm();
            this.timeInForce = command.timeInForce() == null ? TimeInForce.GTC : command.timeInForce();
            this.prevention = command.selfTradePrevention() == null ? defaultPrevention :
                command.selfTradePrevention();
            this.clientOrderId = command.clientOrderId();
        }

        boolean mayRest()
        {
            return type != OrderType.MARKET &&
                (timeInForce == TimeInForce.GTC || timeInForce == TimeInForce.POST_ONLY);
        }

        String reserveCurrency()
        {
            return side == Side.BUY ? book.market.code : book.currency.code;
        }
    }

    private final EngineConfiguration configuration;
    private final Map<String, Cur> currencies = new LinkedHashMap<>();
    private final Map<String, Book> books = new LinkedHashMap<>();
    private final List<Acct> accounts = new ArrayList<>();
    private final Map<String, Boolean> apiKeyRevoked = new HashMap<>();
    private final TreeMap<Long, Ord> openOrders = new TreeMap<>();
    private long lastOrderId;
    private long arrivalSequence;

    private List<Trade> trades;
    private List<Cancel> cancelled;
    private List<Long> triggered;
    private List<CancelAll> cancelAlls;
    private long now;
    private BigDecimal walkedQuantity;

    ReferenceExchange(final EngineConfiguration configuration)
    {
        this.configuration = configuration;
    }

    Outcome apply(final Command command, final long timestampMs)
    {
        now = timestampMs;
        trades = new ArrayList<>();
        cancelled = new ArrayList<>();
        triggered = new ArrayList<>();
        cancelAlls = new ArrayList<>();
        return switch (command)
        {
            case PlaceOrder place -> place(place);
            case CancelOrder cancel -> outcome(cancel(cancel));
            case CancelAllOrders cancelAll -> outcome(cancelAll(cancelAll));
            case Transfer transfer -> outcome(transfer(transfer));
            case PutPair putPair -> outcome(putPair(putPair));
            case CreateAccount create -> outcome(createAccount(create.label()));
            case IssueApiKey issue -> outcome(issueApiKey(issue));
            case RevokeApiKey revoke -> outcome(revokeApiKey(revoke));
            case SetDeadMansSwitch set -> setDeadMansSwitch(set);
            case FireDeadMansSwitches ignored -> outcome(fireDeadMansSwitches());
        };
    }

    private Outcome outcome(final Status status)
    {
        return new Outcome(status, 0, trades, cancelled, triggered, cancelAlls, 0, 0);
    }

    // ----------------------------------------------------------------------------------------------- queries

    long balance(final long accountId, final String currency)
    {
        return toUnits(account(accountId).balance(currency), currencies.get(currency).scale);
    }

    long available(final long accountId, final String currency)
    {
        return toUnits(account(accountId).available(currency), currencies.get(currency).scale);
    }

    long feesCollected(final String currency)
    {
        return toUnits(currencies.get(currency).fees, currencies.get(currency).scale);
    }

    long netDeposits(final String currency)
    {
        return toUnits(currencies.get(currency).netDeposits, currencies.get(currency).scale);
    }

    long bestPrice(final String pair, final Side side)
    {
        final Book book = books.get(pair);
        final Ord best = best(book.side(side));
        return best == null ? 0 : toUnits(best.price, book.market.scale);
    }

    long lastPrice(final String pair)
    {
        final Book book = books.get(pair);
        return book.lastPrice == null ? 0 : toUnits(book.lastPrice, book.market.scale);
    }

    PairPolicy policy(final String pair)
    {
        final Book book = books.get(pair);
        return book == null ? null : book.policy;
    }

    int currencyScale(final String currency)
    {
        return currencies.get(currency).scale;
    }

    List<String> currencyCodes()
    {
        return List.copyOf(currencies.keySet());
    }

    List<String> pairNames()
    {
        return List.copyOf(books.keySet());
    }

    long accountCount()
    {
        return accounts.size();
    }

    String accountLabel(final long accountId)
    {
        return accounts.get((int)accountId - 1).label;
    }

    private static boolean isLabel(final String label)
    {
        if (label == null || label.length() > 32)
        {
            return false;
        }
        for (int i = 0; i < label.length(); i++)
        {
            final char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' ||
                c == '-'))
            {
                return false;
            }
        }
        return true;
    }

    /** @return the open orders, ascending by ID. */
    List<Ord> openOrders()
    {
        return List.copyOf(openOrders.values());
    }

    List<Ord> openOrders(final long accountId, final String pair)
    {
        return openOrders.values().stream()
            .filter(order -> order.account.id == accountId && order.book.name.equals(pair)).toList();
    }

    boolean isOpen(final long orderId)
    {
        return openOrders.containsKey(orderId);
    }

    long lastOrderId()
    {
        return lastOrderId;
    }

    boolean hasApiKey(final String apiKey)
    {
        return apiKeyRevoked.containsKey(apiKey);
    }

    /** @return the earliest deadline of an armed dead man's switch, {@link Long#MAX_VALUE} for none. */
    long nextDeadlineMs()
    {
        return accounts.stream().mapToLong(account -> account.switchDeadlineMs).filter(deadline -> deadline > 0)
            .min().orElse(Long.MAX_VALUE);
    }

    long switchDeadlineMs(final long accountId)
    {
        return account(accountId).switchDeadlineMs;
    }

    String switchPair(final long accountId)
    {
        return account(accountId).switchPair;
    }

    /** @return the client order IDs the account remembers, oldest first (expired ones included until dropped). */
    List<RememberedId> rememberedIds(final long accountId)
    {
        return List.copyOf(account(accountId).rememberedIds);
    }

    static long toUnits(final BigDecimal amount, final int scale)
    {
        return amount.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    // ----------------------------------------------------------------------------------------------- admin

    private Status createAccount(final String label)
    {
        if (accounts.size() >= configuration.maxAccounts() || !isLabel(label))
        {
            return Status.INVALID_PARAMETER;
        }
        accounts.add(new Acct(accounts.size() + 1, label));
        return Status.SUCCESS;
    }

    private Acct account(final long accountId)
    {
        return accountId >= 1 && accountId <= accounts.size() ? accounts.get((int)accountId - 1) : null;
    }

    private Status putPair(final PutPair command)
    {
        if (command.currency() == null || command.market() == null || command.policy() == null ||
            !CODE.matcher(command.currency()).matches() || !CODE.matcher(command.market()).matches() ||
            command.currency().equals(command.market()))
        {
            return Status.INVALID_COIN_PAIR;
        }
        final Cur currency = currencies.get(command.currency());
        final Cur market = currencies.get(command.market());
        final int currencyScale = currency == null ? command.currencyScale() : currency.scale;
        final int marketScale = market == null ? command.marketScale() : market.scale;
        final Book existing = books.get(command.coinPair());
        final PairPolicy policy = command.policy();
        final int created = (currency == null ? 1 : 0) + (market == null ? 1 : 0);
        if (currencies.size() + created > configuration.maxCurrencies() ||
            (existing == null && books.size() >= configuration.maxPairs()) ||
            currencyScale < 0 || currencyScale > 18 || marketScale < 0 || marketScale > 18 ||
            !isValidPolicy(policy, currencyScale, marketScale))
        {
            return Status.INVALID_PARAMETER;
        }
        if (existing != null && openOrders.values().stream().anyMatch(order -> order.book == existing) &&
            (existing.policy.priceDecimals() != policy.priceDecimals() ||
            existing.policy.amountDecimals() != policy.amountDecimals()))
        {
            return Status.INVALID_PARAMETER;
        }
        final Cur theCurrency = currencies.computeIfAbsent(command.currency(), code -> new Cur(code, currencyScale));
        final Cur theMarket = currencies.computeIfAbsent(command.market(), code -> new Cur(code, marketScale));
        if (existing == null)
        {
            books.put(command.coinPair(), new Book(command.coinPair(), theCurrency, theMarket, policy));
        }
        else
        {
            existing.policy = policy;
        }
        return Status.SUCCESS;
    }

    private static boolean isValidPolicy(final PairPolicy policy, final int currencyScale, final int marketScale)
    {
        if (policy.displayName() == null || policy.displayName().length() > 64 || policy.state() == null ||
            policy.priceDecimals() < 0 || policy.amountDecimals() < 0 ||
            policy.amountDecimals() > currencyScale || policy.priceDecimals() + policy.amountDecimals() > marketScale)
        {
            return false;
        }
        final BigDecimal minPrice = BigDecimal.valueOf(policy.minPrice(), marketScale);
        return policy.minPrice() >= 1 && decimalsOf(minPrice) <= policy.priceDecimals() &&
            policy.minAmount() >= 1 && policy.minAmount() <= policy.maxAmount() &&
            policy.minVolume() >= 0 && policy.minVolume() <= policy.maxVolume() &&
            policy.makerFeePpm() >= 0 && policy.makerFeePpm() <= 1_000_000 &&
            policy.takerFeePpm() >= 0 && policy.takerFeePpm() <= 1_000_000;
    }

    private Status transfer(final Transfer command)
    {
        final Acct account = account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        final Cur currency = command.currency() == null ? null : currencies.get(command.currency());
        if (currency == null)
        {
            return Status.INVALID_CURRENCY;
        }
        if (command.type() == null)
        {
            return Status.INVALID_TRANSFER_TYPE;
        }
        final boolean deposit = command.type() == TransferType.DEPOSIT;
        if (command.amount() <= 0 || command.fee() < 0 || command.fee() > command.amount() ||
            (deposit && command.fee() == command.amount()) || command.details() == null)
        {
            return Status.INVALID_PARAMETER;
        }
        final BigDecimal amount = BigDecimal.valueOf(command.amount(), currency.scale);
        final BigDecimal fee = BigDecimal.valueOf(command.fee(), currency.scale);
        if (deposit)
        {
            account.addBalance(currency.code, amount.subtract(fee));
            currency.netDeposits = currency.netDeposits.add(amount);
        }
        else
        {
            final BigDecimal total = amount.add(fee);
            if (account.available(currency.code).compareTo(total) < 0)
            {
                return Status.NOT_ENOUGH_BALANCE;
            }
            account.addBalance(currency.code, total.negate());
            currency.netDeposits = currency.netDeposits.subtract(amount);
        }
        currency.fees = currency.fees.add(fee);
        return Status.SUCCESS;
    }

    private Status issueApiKey(final IssueApiKey command)
    {
        final Acct account = account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        if (command.apiKey() == null || !API_KEY.matcher(command.apiKey()).matches() ||
            apiKeyRevoked.containsKey(command.apiKey()) ||
            command.secretCiphertext() == null || command.secretCiphertext().isEmpty() ||
            command.secretCiphertext().length() > 512 ||
            command.allowedIps() == null || command.allowedIps().length() > 1024 ||
            command.requestsPerSecond() <= 0 || command.requestsPerMinute() <= 0 ||
            account.apiKeys >= configuration.maxApiKeysPerAccount())
        {
            return Status.INVALID_PARAMETER;
        }
        apiKeyRevoked.put(command.apiKey(), false);
        account.apiKeys++;
        return Status.SUCCESS;
    }

    private Status revokeApiKey(final RevokeApiKey command)
    {
        final Boolean revoked = command.apiKey() == null ? null : apiKeyRevoked.get(command.apiKey());
        if (revoked == null)
        {
            return Status.UNREGISTERED_API_KEY;
        }
        if (revoked)
        {
            return Status.INVALID_API_KEY;
        }
        apiKeyRevoked.put(command.apiKey(), true);
        return Status.SUCCESS;
    }

    // ----------------------------------------------------------------------------------------------- orders

    private Outcome place(final PlaceOrder command)
    {
        final Acct account = account(command.accountId());
        if (account == null)
        {
            return outcome(Status.ACCOUNT_NOT_FOUND);
        }
        if (command.clientOrderId() != null)
        {
            if (!CLIENT_ORDER_ID.matcher(command.clientOrderId()).matches())
            {
                return outcome(Status.INVALID_PARAMETER);
            }
            final RememberedId remembered = remembered(account, command.clientOrderId());
            if (remembered != null)
            {
                return new Outcome(Status.SUCCESS, 0, trades, cancelled, triggered, cancelAlls, remembered.orderId(),
                    0);
            }
        }
        final Book book = command.coinPair() == null ? null : books.get(command.coinPair());
        if (book == null)
        {
            return outcome(Status.INVALID_COIN_PAIR);
        }
        final Status invalid = validate(command, account, book);
        if (invalid != null)
        {
            return outcome(invalid);
        }
        final SelfTradePrevention prevention = command.selfTradePrevention() == null ?
            configuration.selfTradePrevention() : command.selfTradePrevention();
        final BigDecimal quantity = book.quantity(command.quantity());
        final BigDecimal reserve;
        if (command.side() == Side.SELL)
        {
            reserve = quantity;
        }
        else if (command.type() == OrderType.MARKET)
        {
            final BigDecimal volume = fillableVolume(account, prevention, book, Side.BUY, null, quantity);
            reserve = volume.add(fee(book, volume, book.policy.takerFeePpm()));
        }
        else
        {
            final BigDecimal volume = book.price(command.price()).multiply(quantity);
            reserve = volume.add(fee(book, volume, Math.max(book.policy.makerFeePpm(), book.policy.takerFeePpm())));
        }
        final Ord order = new Ord(lastOrderId + 1, account, book, command, reserve, configuration.selfTradePrevention());
        if (account.available(order.reserveCurrency()).compareTo(reserve) < 0)
        {
            return outcome(Status.NOT_ENOUGH_BALANCE);
        }
        if (order.timeInForce == TimeInForce.POST_ONLY)
        {
            final Ord best = best(book.side(order.side.opposite()));
            if (best != null && crosses(order, best))
            {
                return outcome(Status.POST_ONLY_WOULD_TAKE);
            }
        }
        lastOrderId++;
        account.addReserved(order.reserveCurrency(), reserve);
        if (order.clientOrderId != null)
        {
            remember(account, new RememberedId(order.clientOrderId, order.id, now));
        }
        order.status = OrderStatus.REQUEST;
        if (!order.mayRest())
        {
            final boolean killed = order.timeInForce == TimeInForce.FOK &&
                fillableQuantity(order).compareTo(order.remain) < 0;
            if (killed)
            {
                cancelRemainder(order, CancelReason.UNFILLED_FOK);
            }
            else
            {
                enterBook(order);
            }
            releaseReserve(order);
        }
        else
        {
            openOrders.put(order.id, order);
            if (command.type() == OrderType.STOPLIMIT && !isTriggered(order, book.lastPrice))
            {
                order.status = OrderStatus.PENDING;
                order.arrival = ++arrivalSequence;
                (order.side == Side.BUY ? book.buyStops : book.sellStops).add(order);
            }
            else
            {
                enterBook(order);
            }
        }
        triggerStops(book);
        return new Outcome(Status.SUCCESS, order.id, trades, cancelled, triggered, cancelAlls, 0, 0);
    }

    private RememberedId remembered(final Acct account, final String clientOrderId)
    {
        for (int i = account.rememberedIds.size() - 1; i >= 0; i--)
        {
            final RememberedId remembered = account.rememberedIds.get(i);
            if (remembered.clientOrderId().equals(clientOrderId))
            {
                return now - remembered.acceptedAtMs() < configuration.clientOrderIdWindowMs() ? remembered : null;
            }
        }
        return null;
    }

    /** Drops what expired and, while the account remembers as many as it may, its oldest; then remembers. */
    private void remember(final Acct account, final RememberedId id)
    {
        final List<RememberedId> ids = account.rememberedIds;
        while (!ids.isEmpty() && (now - ids.get(0).acceptedAtMs() >= configuration.clientOrderIdWindowMs() ||
            ids.size() >= configuration.maxClientOrderIdsPerAccount()))
        {
            ids.remove(0);
        }
        ids.add(id);
    }

    private Status validate(final PlaceOrder command, final Acct account, final Book book)
    {
        final PairPolicy policy = book.policy;
        if (command.type() == null)
        {
            return Status.INVALID_PARAMETER;
        }
        if (command.side() == null)
        {
            return Status.INVALID_ORDER_SIDE;
        }
        if (command.quantity() <= 0)
        {
            return Status.INVALID_QUANTITY;
        }
        final boolean market = command.type() == OrderType.MARKET;
        final boolean stop = command.type() == OrderType.STOPLIMIT;
        if (market && (command.price() != 0 || command.stopPrice() != 0))
        {
            return Status.INVALID_PARAMETER;
        }
        if (!market && (command.price() <= 0 || (stop && command.stopPrice() <= 0)))
        {
            return Status.INVALID_PRICE;
        }
        if (command.type() == OrderType.LIMIT && command.stopPrice() != 0)
        {
            return Status.INVALID_PARAMETER;
        }
        final TimeInForce timeInForce = command.timeInForce() == null ? TimeInForce.GTC : command.timeInForce();
        if (timeInForce != TimeInForce.GTC && command.type() != OrderType.LIMIT)
        {
            return Status.INVALID_PARAMETER;
        }
        if (policy.state() != PairState.TRADING)
        {
            return Status.PAIR_IN_MAINTENANCE;
        }
        final BigDecimal price = book.price(command.price());
        final BigDecimal stopPrice = book.price(command.stopPrice());
        final BigDecimal quantity = book.quantity(command.quantity());
        if (decimalsOf(price) > policy.priceDecimals() || decimalsOf(stopPrice) > policy.priceDecimals())
        {
            return Status.PRICE_OUT_OF_SCALE;
        }
        if (decimalsOf(quantity) > policy.amountDecimals())
        {
            return Status.AMOUNT_OUT_OF_SCALE;
        }
        final BigDecimal minPrice = book.price(policy.minPrice());
        if (!market && (price.compareTo(minPrice) < 0 || (stop && stopPrice.compareTo(minPrice) < 0)))
        {
            return Status.PRICE_TOO_LOW;
        }
        if (quantity.compareTo(book.quantity(policy.minAmount())) < 0)
        {
            return Status.AMOUNT_TOO_LOW;
        }
        if (quantity.compareTo(book.quantity(policy.maxAmount())) > 0)
        {
            return Status.AMOUNT_TOO_HIGH;
        }
        if (!market)
        {
            final BigDecimal volume = price.multiply(quantity);
            if (volume.compareTo(book.price(policy.minVolume())) < 0)
            {
                return Status.VOLUME_TOO_LOW;
            }
            if (volume.compareTo(book.price(policy.maxVolume())) > 0)
            {
                return Status.VOLUME_TOO_HIGH;
            }
            final long ofAccount = openOrders.values().stream().filter(order -> order.account == account).count();
            final long ofPair = openOrders.values().stream().filter(order -> order.book == book).count();
            final boolean mayRest = timeInForce == TimeInForce.GTC || timeInForce == TimeInForce.POST_ONLY;
            if (mayRest &&
                (ofAccount >= configuration.maxOpenOrdersPerAccount() || ofPair >= configuration.maxOpenOrdersPerPair()))
            {
                return Status.ACTIVE_ORDER_COUNT_EXCEEDED;
            }
        }
        return null;
    }

    private static int decimalsOf(final BigDecimal value)
    {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private static BigDecimal fee(final Book book, final BigDecimal volume, final int ratePpm)
    {
        return book.ceilToMarket(exactFee(volume, ratePpm));
    }

    private static BigDecimal exactFee(final BigDecimal volume, final int ratePpm)
    {
        return volume.multiply(BigDecimal.valueOf(ratePpm)).divide(PPM);
    }

    /**
     * Walks the other side as matching would for an incoming order of the account with this self-trade prevention,
     * over the prices at or better than the limit (null: no limit), for at most the quantity.
     *
     * @return the volume that would trade.
     */
    private BigDecimal fillableVolume(
        final Acct account,
        final SelfTradePrevention prevention,
        final Book book,
        final Side side,
        final BigDecimal limit,
        final BigDecimal quantity)
    {
        BigDecimal wanted = quantity;
        BigDecimal volume = ZERO;
        final List<Ord> others = new ArrayList<>(book.side(side.opposite()));
        others.sort(priority(side.opposite()));
        for (final Ord maker : others)
        {
            final boolean withinLimit = limit == null ||
                (side == Side.BUY ? maker.price.compareTo(limit) <= 0 : maker.price.compareTo(limit) >= 0);
            if (wanted.signum() == 0 || !withinLimit)
            {
                break;
            }
            if (maker.account == account && prevention != SelfTradePrevention.NONE)
            {
                if (prevention == SelfTradePrevention.EXPIRE_MAKER)
                {
                    continue;
                }
                break;
            }
            final BigDecimal fill = wanted.min(maker.remain);
            volume = volume.add(maker.price.multiply(fill));
            wanted = wanted.subtract(fill);
        }
        walkedQuantity = quantity.subtract(wanted);
        return volume;
    }

    private BigDecimal fillableQuantity(final Ord order)
    {
        fillableVolume(order.account, order.prevention, order.book, order.side, order.price, order.remain);
        return walkedQuantity;
    }

    private static Comparator<Ord> priority(final Side side)
    {
        final Comparator<Ord> byPrice = Comparator.comparing(order -> order.price);
        return (side == Side.BUY ? byPrice.reversed() : byPrice).thenComparingLong(order -> order.arrival);
    }

    private static Ord best(final List<Ord> side)
    {
        return side.isEmpty() ? null : side.stream().min(priority(side.get(0).side)).orElseThrow();
    }

    /** Matches; what remains rests if the order may rest, else is cancelled (with the reason). */
    private void enterBook(final Ord order)
    {
        final boolean expired = match(order);
        if (order.remain.signum() == 0)
        {
            return;
        }
        if (expired)
        {
            cancelRemainder(order, CancelReason.SELF_TRADE);
        }
        else if (order.mayRest())
        {
            order.arrival = ++arrivalSequence;
            order.book.side(order.side).add(order);
        }
        else
        {
            cancelRemainder(order, order.type == OrderType.MARKET ? CancelReason.UNFILLED_MARKET :
                order.timeInForce == TimeInForce.FOK ? CancelReason.UNFILLED_FOK : CancelReason.UNFILLED_IOC);
        }
    }

    /** @return whether self-trade prevention expired the taker. */
    private boolean match(final Ord taker)
    {
        final List<Ord> opposite = taker.book.side(taker.side.opposite());
        final int bound = opposite.size() + 1;
        for (int i = 0; i <= bound && taker.remain.signum() > 0; i++)
        {
            final Ord maker = best(opposite);
            if (maker == null || !crosses(taker, maker))
            {
                return false;
            }
            if (maker.account != taker.account || taker.prevention == SelfTradePrevention.NONE)
            {
                trade(taker, maker, taker.remain.min(maker.remain));
                continue;
            }
            if (taker.prevention == SelfTradePrevention.EXPIRE_MAKER ||
                taker.prevention == SelfTradePrevention.EXPIRE_BOTH)
            {
                cancelRemainder(maker, CancelReason.SELF_TRADE);
            }
            if (taker.prevention != SelfTradePrevention.EXPIRE_MAKER)
            {
                return true;
            }
        }
        if (taker.remain.signum() > 0 && best(opposite) != null && crosses(taker, best(opposite)))
        {
            throw new IllegalStateException("reference matching did not end");
        }
        return false;
    }

    private static boolean crosses(final Ord taker, final Ord maker)
    {
        if (taker.type == OrderType.MARKET)
        {
            return true;
        }
        final int comparison = maker.price.compareTo(taker.price);
        return taker.side == Side.BUY ? comparison <= 0 : comparison >= 0;
    }

    private void trade(final Ord taker, final Ord maker, final BigDecimal quantity)
    {
        final Book book = taker.book;
        final BigDecimal volume = maker.price.multiply(quantity);
        final BigDecimal takerFee = accrueFee(taker, volume, taker.takerFeePpm);
        final BigDecimal makerFee = accrueFee(maker, volume, maker.makerFeePpm);
        fill(taker, quantity, volume);
        fill(maker, quantity, volume);
        settle(taker, quantity, volume, takerFee);
        settle(maker, quantity, volume, makerFee);
        book.market.fees = book.market.fees.add(takerFee).add(makerFee);
        book.lastPrice = maker.price;
        if (maker.remain.signum() == 0)
        {
            book.side(maker.side).remove(maker);
            openOrders.remove(maker.id);
        }
        if (taker.remain.signum() == 0)
        {
            openOrders.remove(taker.id);
        }
        final int marketScale = book.market.scale;
        trades.add(new Trade(toUnits(maker.price, marketScale), toUnits(quantity, book.currency.scale),
            taker.id, taker.account.id, toUnits(takerFee, marketScale),
            maker.id, maker.account.id, toUnits(makerFee, marketScale)));
    }

    /** The fee of a fill: the rounded-up running total of the order's exact fees less what it was charged so far. */
    private static BigDecimal accrueFee(final Ord order, final BigDecimal volume, final int ratePpm)
    {
        order.exactFee = order.exactFee.add(exactFee(volume, ratePpm));
        final BigDecimal charged = order.book.ceilToMarket(order.exactFee);
        final BigDecimal fee = charged.subtract(order.feeCharged);
        order.feeCharged = charged;
        return fee;
    }

    private static void fill(final Ord order, final BigDecimal quantity, final BigDecimal volume)
    {
        order.remain = order.remain.subtract(quantity);
        order.filled = order.filled.add(quantity);
        order.filledVolume = order.filledVolume.add(volume);
        order.status = order.remain.signum() == 0 ? OrderStatus.COMPLETE : OrderStatus.PROCESS;
    }

    private static void settle(
        final Ord order, final BigDecimal quantity, final BigDecimal volume, final BigDecimal fee)
    {
        final Book book = order.book;
        if (order.side == Side.BUY)
        {
            final BigDecimal charge = volume.add(fee);
            spendReserve(order, book.market.code, charge);
            order.account.addBalance(book.currency.code, quantity);
            if (order.type != OrderType.MARKET)
            {
                final BigDecimal excess = order.reserve.subtract(mostTheRemainderCanCost(order));
                check(excess.signum() >= 0, "BUY reserve short of what its remainder can cost");
                release(order, excess);
            }
        }
        else
        {
            spendReserve(order, book.currency.code, quantity);
            order.account.addBalance(book.market.code, volume.subtract(fee));
        }
    }

    /** What the remainder of a limit BUY can still cost: filled at its limit, with fees at the higher rate. */
    private static BigDecimal mostTheRemainderCanCost(final Ord order)
    {
        final BigDecimal volume = order.price.multiply(order.remain);
        final int rate = Math.max(order.makerFeePpm, order.takerFeePpm);
        final BigDecimal feeTotal = order.book.ceilToMarket(order.exactFee.add(exactFee(volume, rate)));
        return volume.add(feeTotal).subtract(order.feeCharged);
    }

    private static void spendReserve(final Ord order, final String currency, final BigDecimal amount)
    {
        check(amount.compareTo(order.reserve) <= 0, "order " + order.id + " spends beyond its reserve");
        order.reserve = order.reserve.subtract(amount);
        order.account.addReserved(currency, amount.negate());
        order.account.addBalance(currency, amount.negate());
    }

    private static void release(final Ord order, final BigDecimal amount)
    {
        order.reserve = order.reserve.subtract(amount);
        order.account.addReserved(order.reserveCurrency(), amount.negate());
    }

    private static void releaseReserve(final Ord order)
    {
        release(order, order.reserve);
    }

    /** Cancels what remains of an order (open, or incoming) and releases its reserve. */
    private void cancelRemainder(final Ord order, final CancelReason reason)
    {
        cancelQuietly(order);
        cancelled.add(new Cancel(order.id, reason));
    }

    private void cancelQuietly(final Ord order)
    {
        final Book book = order.book;
        book.bids.remove(order);
        book.asks.remove(order);
        book.buyStops.remove(order);
        book.sellStops.remove(order);
        openOrders.remove(order.id);
        order.cancelled = order.cancelled.add(order.remain);
        order.remain = ZERO;
        order.status = OrderStatus.COMPLETE;
        releaseReserve(order);
    }

    private static boolean isTriggered(final Ord stop, final BigDecimal lastPrice)
    {
        if (lastPrice == null)
        {
            return false;
        }
        final int comparison = lastPrice.compareTo(stop.stopPrice);
        return stop.side == Side.BUY ? comparison >= 0 : comparison <= 0;
    }

    private void triggerStops(final Book book)
    {
        final Deque<Ord> queue = new ArrayDeque<>();
        collectTriggered(book, queue);
        final int bound = book.buyStops.size() + book.sellStops.size() + queue.size();
        for (int i = 0; i <= bound && !queue.isEmpty(); i++)
        {
            final Ord order = queue.poll();
            order.status = OrderStatus.REQUEST;
            triggered.add(order.id);
            enterBook(order);
            collectTriggered(book, queue);
        }
        check(queue.isEmpty(), "reference stop triggering did not end");
    }

    private static void collectTriggered(final Book book, final Deque<Ord> queue)
    {
        final Comparator<Ord> byTime = Comparator.comparingLong(order -> order.arrival);
        final Comparator<Ord> byStop = Comparator.comparing(order -> order.stopPrice);
        final List<Ord> buys = book.buyStops.stream().filter(order -> isTriggered(order, book.lastPrice))
            .sorted(byStop.thenComparing(byTime)).toList();
        final List<Ord> sells = book.sellStops.stream().filter(order -> isTriggered(order, book.lastPrice))
            .sorted(byStop.reversed().thenComparing(byTime)).toList();
        book.buyStops.removeAll(buys);
        book.sellStops.removeAll(sells);
        queue.addAll(buys);
        queue.addAll(sells);
    }

    private Status cancel(final CancelOrder command)
    {
        long orderId = command.orderId();
        if (command.clientOrderId() != null)
        {
            final Acct account = account(command.accountId());
            if (account == null)
            {
                return Status.ACCOUNT_NOT_FOUND;
            }
            if (!CLIENT_ORDER_ID.matcher(command.clientOrderId()).matches())
            {
                return Status.INVALID_PARAMETER;
            }
            final RememberedId remembered = remembered(account, command.clientOrderId());
            if (remembered == null)
            {
                return Status.ORIGINAL_REQUEST_NOT_FOUND;
            }
            orderId = remembered.orderId();
        }
        final Ord order = openOrders.get(orderId);
        if (order == null || order.account.id != command.accountId())
        {
            final boolean knownAccount = account(command.accountId()) != null;
            return knownAccount ? Status.ORIGINAL_REQUEST_NOT_FOUND : Status.ACCOUNT_NOT_FOUND;
        }
        cancelRemainder(order, CancelReason.USER);
        return Status.SUCCESS;
    }

    private Status cancelAll(final CancelAllOrders command)
    {
        final Acct account = account(command.accountId());
        if (account == null)
        {
            return Status.ACCOUNT_NOT_FOUND;
        }
        if (command.coinPair() != null && !books.containsKey(command.coinPair()))
        {
            return Status.INVALID_COIN_PAIR;
        }
        cancelAll(account, command.coinPair(), command.side(), CancelReason.CANCEL_ALL);
        return Status.SUCCESS;
    }

    /** Cancels the account's open orders on the pair (null: all) of the side (null: both), as one list. */
    private void cancelAll(final Acct account, final String pair, final Side side, final CancelReason reason)
    {
        final List<Long> ids = openOrders.values().stream()
            .filter(order -> order.account == account && (pair == null || order.book.name.equals(pair)) &&
                (side == null || order.side == side))
            .map(order -> order.id).toList();
        for (final long id : ids)
        {
            cancelQuietly(openOrders.get(id));
        }
        cancelAlls.add(new CancelAll(account.id, pair, side, reason, ids));
    }

    private Outcome setDeadMansSwitch(final SetDeadMansSwitch command)
    {
        final Acct account = account(command.accountId());
        if (account == null)
        {
            return outcome(Status.ACCOUNT_NOT_FOUND);
        }
        if (command.coinPair() != null && !books.containsKey(command.coinPair()))
        {
            return outcome(Status.INVALID_COIN_PAIR);
        }
        final long timeout = command.timeoutMs();
        if (timeout != 0 && (timeout < 1_000 || timeout > 86_400_000))
        {
            return outcome(Status.INVALID_PARAMETER);
        }
        account.switchDeadlineMs = timeout == 0 ? 0 : now + timeout;
        account.switchPair = timeout == 0 ? null : command.coinPair();
        return new Outcome(Status.SUCCESS, 0, trades, cancelled, triggered, cancelAlls, 0, account.switchDeadlineMs);
    }

    private Status fireDeadMansSwitches()
    {
        final List<Acct> due = accounts.stream()
            .filter(account -> account.switchDeadlineMs > 0 && account.switchDeadlineMs <= now)
            .sorted(Comparator.comparingLong((Acct account) -> account.switchDeadlineMs)
                .thenComparingLong(account -> account.id))
            .toList();
        for (final Acct account : due)
        {
            final String pair = account.switchPair;
            account.switchDeadlineMs = 0;
            account.switchPair = null;
            cancelAll(account, pair, null, CancelReason.DEAD_MANS_SWITCH);
        }
        return Status.SUCCESS;
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException("reference model: " + message);
        }
    }
}
