package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;

import static dev.bourse.cli.Table.column;
import static dev.bourse.cli.Table.time;

/** The {@link View}s of the client commands, one per kind of answer. Field names are the API's. */
final class Views
{
    static final View PAIRS = Table.of(
        new Table.Column("PAIR", row -> Table.text(row.get("coinType")) + "." + Table.text(row.get("marketType"))),
        new Table.Column("STATE", row -> row.path("trade").asBoolean() ? "TRADING" : "CANCEL_ONLY"),
        column("MIN_PRICE", "minPrice"),
        column("PRICE_DECIMALS", "minPriceDecimal"),
        column("QTY_DECIMALS", "minAmountDecimal"),
        column("MIN_QTY", "tradeMinAmount"),
        column("MAX_QTY", "tradeMaxAmount"),
        column("MIN_VOLUME", "tradeMinVolume"),
        column("MAX_VOLUME", "tradeMaxVolume"),
        column("MAKER_%", "tradeMakerFeeRate"),
        column("TAKER_%", "tradeTakerFeeRate"));

    static final View TICKER = Fields.INSTANCE;

    static final View BOOK_SIDE = Table.of(column("PRICE", "price"), column("AMOUNT", "amount"));

    static final View BOOK = (data, out) ->
    {
        out.println("ASK (best first)");
        BOOK_SIDE.render(data.path("ASK"), out);
        out.println();
        out.println("BID (best first)");
        BOOK_SIDE.render(data.path("BID"), out);
    };

    static final View MARKET_TRADES = Table.of(
        column("ID", "transactionID"),
        time("TIME", "createdAt"),
        new Table.Column("PAIR", row -> Table.text(row.get("currency")) + "." + Table.text(row.get("market"))),
        column("TAKER", "orderSide"),
        column("PRICE", "price"),
        column("AMOUNT", "amount"),
        column("VALUE", "totalValue"));

    static final View ORDER_ACK = (data, out) -> out.println(
        "order " + Table.text(data.get("orderID")) + " at " + Table.time(data.get("requestAt")));

    static final View CANCELLED = (data, out) -> out.println(
        "cancelled order " + Table.text(data.get("orderID")));

    static final View CANCELLED_ALL = Views::renderCancelledAll;

    static final View DEAD_MANS_SWITCH = (data, out) -> out.println(data.path("triggerAt").asLong() == 0 ?
        "dead man's switch off" :
        "dead man's switch armed: your orders are cancelled at " + Table.time(data.get("triggerAt")) +
        " unless renewed");

    static final View OPEN_ORDERS = Table.of(
        column("ID", "orderID"),
        new Table.Column("PAIR", row -> Table.text(row.get("currency")) + "." + Table.text(row.get("market"))),
        column("TYPE", "orderType"),
        column("SIDE", "orderSide"),
        column("PRICE", "price"),
        column("STOP", "stopPrice"),
        column("QUANTITY", "requestAmount"),
        column("REMAINING", "remainAmount"),
        column("STATUS", "status"),
        time("CREATED", "createdAt"),
        column("CLIENT_ID", "clientOrderId"));

    static final View ORDER = Fields.INSTANCE;

    static final View BALANCES = Table.of(
        column("CURRENCY", "currency"),
        column("BALANCE", "balance"),
        column("AVAILABLE", "availableBalance"));

    static final View MY_TRADES = Table.of(
        column("ID", "transactionID"),
        column("ORDER", "orderID"),
        time("TIME", "createdAt"),
        new Table.Column("PAIR", row -> Table.text(row.get("currency")) + "." + Table.text(row.get("market"))),
        column("SIDE", "orderSide"),
        column("PRICE", "price"),
        column("AMOUNT", "amount"),
        column("FEE", "fee"),
        column("TOTAL", "totalConsideration"),
        column("FILL", "fillType"));

    static final View TRANSFER_ROWS = Table.of(
        time("DATE", "date"),
        column("TYPE", "transferType"),
        column("CURRENCY", "currency"),
        column("AMOUNT", "amount"),
        column("FEE", "fee"),
        column("TOTAL", "total"),
        column("STATUS", "status"),
        column("ADDRESS", "address"));

    static final View TRANSFER_PAGE = (data, out) ->
    {
        TRANSFER_ROWS.render(data.path("content"), out);
        out.println("page " + Table.text(data.get("number")) + " of " + Table.text(data.get("totalPages"))
            + " (numbered from 0), " + Table.text(data.get("totalElements")) + " transfers in all");
    };

    static final View TRANSFER = Fields.INSTANCE;

    static final View ACCOUNT_CREATED = (data, out) -> out.println(
        "account " + Table.text(data.get("accountId")) + label(data));

    static final View ACCOUNT = (data, out) ->
    {
        out.println("account " + Table.text(data.get("accountId")) + label(data) + ", open orders: "
            + Table.text(data.get("openOrderCount")));
        BALANCES.render(data.path("balances"), out);
    };

    static final View ACCOUNT_IDS = (data, out) ->
    {
        for (final JsonNode accountId : data)
        {
            out.println(Table.text(accountId));
        }
    };

    static final View ISSUED_KEY = Fields.INSTANCE;

    static final View KEYS = Table.of(
        column("API_KEY", "apiKey"),
        column("ENABLED", "enabled"),
        column("RPS", "rps"),
        column("RPM", "rpm"),
        column("ALLOWED_IPS", "allowedIps"));

    static final View REVOKED = (data, out) -> out.println("revoked");

    private Views()
    {
    }

    private static String label(final JsonNode account)
    {
        final String label = account.path("label").asText("");
        return label.isEmpty() ? "" : " (" + label + ")";
    }

    private static void renderCancelledAll(final JsonNode data, final PrintWriter out)
    {
        final JsonNode ids = data.path("orderIDList");
        out.println("cancelled " + ids.size() + (ids.size() == 1 ? " order" : " orders"));
        for (final JsonNode id : ids)
        {
            out.println(Table.text(id));
        }
    }
}
