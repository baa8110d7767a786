package dev.bourse.server.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bourse.engine.OrderType;
import dev.bourse.engine.PairPolicy;
import dev.bourse.engine.PairState;
import dev.bourse.engine.Side;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.TransferType;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TransferCompleted;
import dev.bourse.server.readmodel.AccountFill;
import dev.bourse.server.readmodel.AccountStore;
import dev.bourse.server.readmodel.BookDepthStore;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.readmodel.MarketTrade;
import dev.bourse.server.readmodel.TickerStore;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How the API writes the things it shows: field names of spec section 4 in the order of the original's response
 * examples (spec section 7), money as exact JSON numbers in plain notation, converted from base units with the
 * currency's scale.
 */
public final class JsonViews
{
    private final MarketDirectory markets;

    /** @param markets scales and pairs. */
    public JsonViews(final MarketDirectory markets)
    {
        this.markets = markets;
    }

    /** Writes an amount of base units as an exact decimal number. */
    public static void money(final JsonGenerator json, final String field, final long units, final int scale)
        throws IOException
    {
        json.writeFieldName(field);
        json.writeNumber(DecimalUnits.toPlainString(units, scale));
    }

    /** Writes a decimal as an exact number in plain notation. */
    public static void decimal(final JsonGenerator json, final String field, final BigDecimal value)
        throws IOException
    {
        json.writeFieldName(field);
        json.writeNumber(value.stripTrailingZeros().toPlainString());
    }

    /** Writes a time under both names the original uses: {@code createdAt} then {@code createAt}. */
    public static void createdAt(final JsonGenerator json, final long timestampMs) throws IOException
    {
        json.writeNumberField("createdAt", timestampMs);
        json.writeNumberField("createAt", timestampMs);
    }

    /** Writes the policy of a pair as pairPolicy shows it. */
    public void pairPolicy(final JsonGenerator json, final MarketDirectory.Pair pair) throws IOException
    {
        final PairPolicy policy = pair.policy();
        final int currencyScale = markets.scale(pair.currency());
        final int marketScale = markets.scale(pair.market());
        json.writeStartObject();
        json.writeStringField("marketType", pair.market());
        json.writeStringField("coinType", pair.currency());
        json.writeStringField("displayNameOfCoinInformation", policy.displayName());
        json.writeStringField("coinPairType", pair.market() + "." + pair.currency());
        money(json, "tradeMinAmount", policy.minAmount(), currencyScale);
        money(json, "minTradeAmount", policy.minAmount(), currencyScale);
        money(json, "tradeMaxAmount", policy.maxAmount(), currencyScale);
        money(json, "maxTradeAmount", policy.maxAmount(), currencyScale);
        money(json, "tradeMinVolume", policy.minVolume(), marketScale);
        money(json, "minTradeVolume", policy.minVolume(), marketScale);
        money(json, "tradeMaxVolume", policy.maxVolume(), marketScale);
        money(json, "maxTradeVolume", policy.maxVolume(), marketScale);
        money(json, "tradeMakerFeeRate", policy.makerFeePpm(), 4);
        money(json, "tradeTakerFeeRate", policy.takerFeePpm(), 4);
        json.writeStringField("tradeFeeUnit", pair.market());
        money(json, "minPrice", policy.minPrice(), marketScale);
        json.writeStringField("minPriceUnit", pair.market());
        json.writeNumberField("minAmountDecimal", policy.amountDecimals());
        json.writeNumberField("minPriceDecimal", policy.priceDecimals());
        json.writeBooleanField("trade", policy.state() == PairState.TRADING);
        json.writeEndObject();
    }

    /** Writes an open order as openOrders lists it. */
    public void openOrder(final JsonGenerator json, final OrderView order) throws IOException
    {
        final MarketDirectory.Pair pair = PairParameter.require(markets, order.coinPair());
        final int currencyScale = markets.scale(pair.currency());
        final int marketScale = markets.scale(pair.market());
        json.writeStartObject();
        orderHead(json, order, pair);
        prices(json, order, marketScale);
        money(json, "requestAmount", order.requestQuantity(), currencyScale);
        money(json, "remainAmount", order.remainQuantity(), currencyScale);
        json.writeStringField("status", order.status().name());
        createdAt(json, order.createdAtMs());
        json.writeNumberField("completedAt", order.completedAtMs());
        clientOrderId(json, order);
        json.writeEndObject();
    }

    /** Writes an order as order information (v2) shows it. */
    public void orderInfo(final JsonGenerator json, final OrderView order) throws IOException
    {
        final MarketDirectory.Pair pair = PairParameter.require(markets, order.coinPair());
        final int currencyScale = markets.scale(pair.currency());
        final int marketScale = markets.scale(pair.market());
        final int reserveScale = order.side() == Side.BUY ? marketScale : currencyScale;
        json.writeStartObject();
        orderHead(json, order, pair);
        prices(json, order, marketScale);
        money(json, "initialRequestAmount", order.initialQuantity(), currencyScale);
        money(json, "requestAmount", order.requestQuantity(), currencyScale);
        money(json, "remainAmount", order.remainQuantity(), currencyScale);
        money(json, "filledAmount", order.filledQuantity(), currencyScale);
        decimal(json, "reservedValue", reservedValue(order, currencyScale, marketScale));
        money(json, "reserveRemainingValue", order.reserveRemaining(), reserveScale);
        money(json, "makerFeeRate", order.makerFeePpm(), 6);
        money(json, "takerFeeRate", order.takerFeePpm(), 6);
        json.writeBooleanField("enableLnFee", false);
        json.writeNumberField("makerLnFeeRate", 0);
        json.writeNumberField("takerLnFeeRate", 0);
        json.writeStringField("status", order.status().name());
        createdAt(json, order.createdAtMs());
        json.writeNumberField("completedAt", order.completedAtMs());
        decimal(json, "averageFillPrice", averageFillPrice(order, currencyScale, marketScale));
        clientOrderId(json, order);
        json.writeEndObject();
    }

    /** Our extension, after the spec's fields: the order's client order ID, when it has one. */
    private static void clientOrderId(final JsonGenerator json, final OrderView order) throws IOException
    {
        if (order.clientOrderId() != null)
        {
            json.writeStringField("clientOrderId", order.clientOrderId());
        }
    }

    private static void orderHead(final JsonGenerator json, final OrderView order, final MarketDirectory.Pair pair)
        throws IOException
    {
        json.writeNumberField("orderID", order.orderId());
        json.writeStringField("market", pair.market());
        json.writeStringField("currency", pair.currency());
        json.writeStringField("orderType", order.type().name());
        json.writeStringField("orderSide", order.side().name());
    }

    /** Writes {@code price}, then {@code stopPrice} for a STOPLIMIT order only. */
    private static void prices(final JsonGenerator json, final OrderView order, final int marketScale)
        throws IOException
    {
        money(json, "price", order.price(), marketScale);
        if (order.type() == OrderType.STOPLIMIT)
        {
            money(json, "stopPrice", order.stopPrice(), marketScale);
        }
    }

    /**
     * @return {@code reservedValue} from {@code requestAmount}, the amount after cancellation, as the original defines
     * it. A SELL: requestAmount, in the Currency. A LIMIT or STOPLIMIT BUY: requestAmount * price * (1 + fee rate) in
     * the Market, at the higher of the order's two rates and with the fee rounded up, as the engine reserves it. A
     * MARKET BUY has no price; its requestAmount is what filled, so its value is what that cost: filled volume + fees.
     */
    private static BigDecimal reservedValue(final OrderView order, final int currencyScale, final int marketScale)
    {
        if (order.side() == Side.SELL)
        {
            return DecimalUnits.toDecimal(order.requestQuantity(), currencyScale);
        }
        if (order.type() == OrderType.MARKET)
        {
            return BigDecimal.valueOf(order.filledVolume()).add(BigDecimal.valueOf(order.feePaid()))
                .movePointLeft(marketScale);
        }
        final BigDecimal volume = BigDecimal.valueOf(order.price())
            .multiply(BigDecimal.valueOf(order.requestQuantity()))
            .movePointLeft(currencyScale)
            .setScale(0, RoundingMode.CEILING);
        final BigDecimal fee = volume.multiply(BigDecimal.valueOf(Math.max(order.makerFeePpm(), order.takerFeePpm())))
            .movePointLeft(6)
            .setScale(0, RoundingMode.CEILING);
        return volume.add(fee).movePointLeft(marketScale);
    }

    /**
     * @return filled volume / filled quantity in Market units per whole Currency unit, rounded half-even to the
     * Market's scale; 0 without fills.
     */
    static BigDecimal averageFillPrice(final OrderView order, final int currencyScale, final int marketScale)
    {
        if (order.filledQuantity() == 0)
        {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(order.filledVolume(), marketScale)
            .divide(BigDecimal.valueOf(order.filledQuantity(), currencyScale), marketScale, RoundingMode.HALF_EVEN);
    }

    /** Writes a trade as market tradeHistory shows it. */
    public void marketTrade(final JsonGenerator json, final MarketTrade trade) throws IOException
    {
        final MarketDirectory.Pair pair = PairParameter.require(markets, trade.coinPair());
        final int currencyScale = markets.scale(pair.currency());
        final int marketScale = markets.scale(pair.market());
        json.writeStartObject();
        json.writeNumberField("transactionID", trade.tradeId());
        json.writeStringField("market", pair.market());
        json.writeStringField("currency", pair.currency());
        money(json, "price", trade.price(), marketScale);
        money(json, "amount", trade.quantity(), currencyScale);
        money(json, "totalValue", trade.volume(), marketScale);
        json.writeStringField("orderSide", trade.takerSide().name());
        createdAt(json, trade.timestampMs());
        json.writeEndObject();
    }

    /** Writes a fill as account tradeHistory shows it; {@code totalConsideration} is price * amount + fee. */
    public void accountFill(final JsonGenerator json, final AccountFill fill) throws IOException
    {
        final MarketDirectory.Pair pair = PairParameter.require(markets, fill.coinPair());
        final int currencyScale = markets.scale(pair.currency());
        final int marketScale = markets.scale(pair.market());
        json.writeStartObject();
        json.writeNumberField("transactionID", fill.tradeId());
        json.writeNumberField("orderID", fill.orderId());
        json.writeStringField("market", pair.market());
        json.writeStringField("currency", pair.currency());
        money(json, "price", fill.price(), marketScale);
        money(json, "amount", fill.quantity(), currencyScale);
        money(json, "fee", fill.fee(), marketScale);
        decimal(json, "totalConsideration",
            BigDecimal.valueOf(fill.volume()).add(BigDecimal.valueOf(fill.fee())).movePointLeft(marketScale));
        json.writeStringField("orderSide", fill.side().name());
        json.writeStringField("fillType", fill.full() ? "FULL" : "PARTIAL");
        createdAt(json, fill.timestampMs());
        json.writeEndObject();
    }

    /**
     * Writes a deposit or withdrawal as transactionHistory shows it (spec section 7). A transfer is fiat when it
     * carries bank details ({@code bankName} or {@code accountNo}), otherwise cryptocurrency. {@code total} is
     * {@code amount - fee} for a fiat deposit and {@code amount + fee} otherwise. Only the details that apply are
     * written, in the order of the original's examples: {@code address} and {@code tag} before {@code status} for
     * cryptocurrency, {@code bankName} and {@code accountNo} after it for fiat.
     */
    public void transfer(final JsonGenerator json, final TransferCompleted transfer) throws IOException
    {
        final int scale = markets.scale(transfer.currency());
        final TransferDetails details = transfer.details();
        final boolean fiat = !details.bankName().isEmpty() || !details.accountNo().isEmpty();
        final BigDecimal amount = DecimalUnits.toDecimal(transfer.amount(), scale);
        final BigDecimal fee = DecimalUnits.toDecimal(transfer.fee(), scale);
        json.writeStartObject();
        json.writeNumberField("date", transfer.timestampMs());
        json.writeStringField("transferType", transfer.type().name());
        decimal(json, "amount", amount);
        decimal(json, "fee", fee);
        final boolean fiatDeposit = fiat && transfer.type() == TransferType.DEPOSIT;
        decimal(json, "total", fiatDeposit ? amount.subtract(fee) : amount.add(fee));
        if (!fiat)
        {
            json.writeStringField("address", details.address());
            json.writeStringField("tag", details.tag());
        }
        json.writeStringField("status", "COMPLETE");
        if (fiat)
        {
            json.writeStringField("bankName", details.bankName());
            json.writeStringField("accountNo", details.accountNo());
        }
        json.writeStringField("currency", transfer.currency());
        json.writeEndObject();
    }

    /**
     * Writes a pair's ticker as currentTickValue shows it: best bid and ask (0 for an empty side), then the 24-hour
     * figures.
     */
    public void ticker(final JsonGenerator json, final MarketDirectory.Pair pair, final long bid, final long ask,
        final TickerStore.Ticker ticker) throws IOException
    {
        final int currencyScale = markets.scale(pair.currency());
        final int marketScale = markets.scale(pair.market());
        json.writeStartObject();
        money(json, "bid", bid, marketScale);
        money(json, "ask", ask, marketScale);
        money(json, "last", ticker.last(), marketScale);
        money(json, "volume", ticker.volume(), currencyScale);
        money(json, "open", ticker.open(), marketScale);
        money(json, "close", ticker.close(), marketScale);
        money(json, "high", ticker.high(), marketScale);
        money(json, "low", ticker.low(), marketScale);
        json.writeEndObject();
    }

    /** Writes the {@code BID} and {@code ASK} arrays of price levels as orderBooks shows them, in the order given. */
    public void bookSides(final JsonGenerator json, final MarketDirectory.Pair pair,
        final List<BookDepthStore.Level> bids, final List<BookDepthStore.Level> asks) throws IOException
    {
        final int currencyScale = markets.scale(pair.currency());
        final int marketScale = markets.scale(pair.market());
        for (final String side : new String[] {"BID", "ASK"})
        {
            json.writeArrayFieldStart(side);
            for (final BookDepthStore.Level level : "BID".equals(side) ? bids : asks)
            {
                json.writeStartObject();
                money(json, "price", level.price(), marketScale);
                money(json, "amount", level.quantity(), currencyScale);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    /** Writes a balance as balances shows it. */
    public void balance(final JsonGenerator json, final String currency, final AccountStore.Balance balance)
        throws IOException
    {
        final int scale = markets.scale(currency);
        json.writeStartObject();
        json.writeStringField("currency", currency);
        money(json, "balance", balance.balance(), scale);
        money(json, "availableBalance", balance.available(), scale);
        json.writeEndObject();
    }
}
