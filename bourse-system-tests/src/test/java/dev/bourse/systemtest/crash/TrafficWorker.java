package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One trader's signed traffic: limit orders (some crossing), market orders, cancels, cancel-alls, deposits,
 * withdrawals and order reads, each acknowledgement recorded; the kill moment is reached after a target of
 * acknowledgements. Against one server the traffic ends when the server dies; against the nodes of a cluster it goes
 * on through the next node's gateway when one dies, until it is told to stop.
 */
final class TrafficWorker implements Runnable
{
    static final String PAIR = "BCH.ETH";
    private static final int MAX_REQUESTS = 1_000_000;

    private final List<ExchangeConnection> nodes;
    private final AtomicBoolean stop;
    private final ExchangeConnection.Trader trader;
    private final Acknowledgements acks;
    private final long killAfterAcks;
    private final CompletableFuture<Void> killMoment;
    private final Random random;
    private final List<Long> myOrders = new ArrayList<>();
    private ExchangeConnection connection;
    private int node;

    /**
     * @param nodes        the servers to send to: one server, or the nodes of a cluster.
     * @param firstNode    the node sent to first.
     * @param stop         ends the traffic when set.
     * @param killAfterAcks the acknowledgements (of all workers) that reach the kill moment.
     */
    TrafficWorker(final List<ExchangeConnection> nodes, final int firstNode, final AtomicBoolean stop,
        final ExchangeConnection.Trader trader, final Acknowledgements acks, final long killAfterAcks,
        final CompletableFuture<Void> killMoment, final long seed)
    {
        this.nodes = List.copyOf(nodes);
        this.node = firstNode % nodes.size();
        this.connection = this.nodes.get(node);
        this.stop = stop;
        this.trader = trader;
        this.acks = acks;
        this.killAfterAcks = killAfterAcks;
        this.killMoment = killMoment;
        this.random = new Random(seed);
    }

    /**
     * Creates the pair and the traders, each with a key of generous rate limits and 1,000 ETH and 1,000 BCH deposited.
     *
     * @return the traders.
     */
    static List<ExchangeConnection.Trader> fundedTraders(final ExchangeConnection connection, final int count,
        final Acknowledgements acks) throws IOException, InterruptedException
    {
        connection.adminOk("PUT", "/admin/v1/pairs/" + PAIR, "minPrice=0.0001&minPriceDecimal=4" +
            "&minAmountDecimal=3&tradeMinAmount=0.001&tradeMaxAmount=100000&tradeMinVolume=0.0001" +
            "&tradeMaxVolume=10000000&makerFeeRate=0.1&takerFeeRate=0.2");
        final List<ExchangeConnection.Trader> traders = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final ExchangeConnection.Trader trader = connection.newTrader();
            for (final String currency : List.of("ETH", "BCH"))
            {
                final BigDecimal amount = BigDecimal.valueOf(1_000);
                acks.deposits.sent(currency, amount);
                connection.adminOk("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
                    "currency=" + currency + "&amount=" + amount);
                acks.deposits.acknowledged(currency, amount);
            }
            traders.add(trader);
        }
        return traders;
    }

    @Override
    public void run()
    {
        try
        {
            for (int i = 0; i < MAX_REQUESTS && !stop.get(); i++)
            {
                try
                {
                    step();
                }
                catch (final IOException ex)
                {
                    // the server was killed: this request's outcome is unknown, which the checks allow for
                    if (nodes.size() == 1)
                    {
                        return;
                    }
                    node = (node + 1) % nodes.size();
                    connection = nodes.get(node);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void step() throws IOException, InterruptedException
    {
        final int dice = random.nextInt(100);
        if (dice < 45)
        {
            final String side = random.nextBoolean() ? "BUY" : "SELL";
            final String price = "0.0" + (450 + random.nextInt(100));
            final String form = "coinPair=" + PAIR + "&orderSide=" + side + "&price=" + price + "&quantity=" +
                quantity();
            final JsonNode answer = connection.signed(trader, "POST", "/v1/trade/limitOrders", null, form);
            if (ExchangeConnection.isSuccess(answer))
            {
                placed(answer.get("responseData").get("orderID").asLong());
            }
        }
        else if (dice < 53)
        {
            final String form = "coinPair=" + PAIR + "&orderSide=" + (random.nextBoolean() ? "BUY" : "SELL") +
                "&quantity=" + quantity();
            final JsonNode answer = connection.signed(trader, "POST", "/v1/trade/marketOrders", null, form);
            if (ExchangeConnection.isSuccess(answer))
            {
                acks.marketOrders.incrementAndGet();
                placed(answer.get("responseData").get("orderID").asLong());
            }
        }
        else if (dice < 75 && !myOrders.isEmpty())
        {
            final long orderId = myOrders.get(random.nextInt(myOrders.size()));
            if (ExchangeConnection.isSuccess(
                connection.signed(trader, "DELETE", "/v1/trade/orders/" + orderId, null, null)))
            {
                acks.cancelledOrderIds.add(orderId);
                acknowledged();
            }
        }
        else if (dice < 81)
        {
            final JsonNode answer = connection.signed(trader, "DELETE", "/v1/trade/openOrders/" + PAIR, null, null);
            if (ExchangeConnection.isSuccess(answer))
            {
                answer.get("responseData").get("orderIDList").forEach(id -> acks.cancelledOrderIds.add(id.asLong()));
                acks.cancelAlls.incrementAndGet();
                acknowledged();
            }
        }
        else if (dice < 88)
        {
            transfer("deposits", acks.deposits, 50);
        }
        else if (dice < 91)
        {
            transfer("withdrawals", acks.withdrawals, 20);
        }
        else if (!myOrders.isEmpty())
        {
            connection.signed(trader, "GET", "/v2/account/orders/" + myOrders.get(random.nextInt(myOrders.size())),
                null, null);
        }
    }

    /** A deposit or a withdrawal of 1 to {@code maxAmount} whole units of ETH or BCH, through the admin API. */
    private void transfer(final String kind, final Acknowledgements.Transfers transfers, final int maxAmount)
        throws IOException, InterruptedException
    {
        final String currency = random.nextBoolean() ? "ETH" : "BCH";
        final BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(maxAmount));
        transfers.sent(currency, amount);
        if (ExchangeConnection.isSuccess(connection.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/" +
            kind, "currency=" + currency + "&amount=" + amount + "&address=0xcrash")))
        {
            transfers.acknowledged(currency, amount);
            acknowledged();
        }
    }

    private String quantity()
    {
        return BigDecimal.valueOf(1 + random.nextInt(2_000), 3).toPlainString();
    }

    private void placed(final long orderId)
    {
        myOrders.add(orderId);
        acks.orderPlaced(orderId, trader.accountId());
        acknowledged();
    }

    private void acknowledged()
    {
        if (acks.acknowledged.incrementAndGet() >= killAfterAcks)
        {
            killMoment.complete(null);
        }
    }
}
