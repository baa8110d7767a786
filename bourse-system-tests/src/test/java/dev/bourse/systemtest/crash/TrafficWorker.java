package dev.bourse.systemtest.crash;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * One trader's signed traffic until the server dies or the stop target of acknowledgements is reached: limit orders
 * (some crossing), market orders, cancels, cancel-alls, deposits, withdrawals and order reads, each acknowledgement
 * recorded.
 */
final class TrafficWorker implements Runnable
{
    static final String PAIR = "BCH.ETH";
    private static final int MAX_REQUESTS = 1_000_000;

    private final ExchangeConnection connection;
    private final ExchangeConnection.Trader trader;
    private final Acknowledgements acks;
    private final long killAfterAcks;
    private final CompletableFuture<Void> killMoment;
    private final Random random;
    private final List<Long> myOrders = new ArrayList<>();

    TrafficWorker(final ExchangeConnection connection, final ExchangeConnection.Trader trader,
        final Acknowledgements acks, final long killAfterAcks, final CompletableFuture<Void> killMoment,
        final long seed)
    {
        this.connection = connection;
        this.trader = trader;
        this.acks = acks;
        this.killAfterAcks = killAfterAcks;
        this.killMoment = killMoment;
        this.random = new Random(seed);
    }

    @Override
    public void run()
    {
        try
        {
            for (int i = 0; i < MAX_REQUESTS; i++)
            {
                step();
            }
        }
        catch (final IOException ex)
        {
            // the server was killed: this request's outcome is unknown, which the checks allow for
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
