package dev.bourse.server.simulation;

import dev.bourse.engine.Side;
import dev.bourse.server.readmodel.MarketDirectory;
import dev.bourse.server.readmodel.ReadModel;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Everything a read model answers, written out in one canonical order: two read models with the same fingerprint
 * answer every API read the same.
 */
final class ReadModelFingerprint
{
    private static final int MAX = 100_000;

    private ReadModelFingerprint()
    {
    }

    /**
     * @param readModel the read model.
     * @param orderIds  orders to look up (the read model cannot list the completed ones).
     * @param nowMs     the time tickers are taken at.
     * @return its fingerprint.
     */
    static String of(final ReadModel readModel, final Collection<Long> orderIds, final long nowMs)
    {
        final StringBuilder out = new StringBuilder();
        final MarketDirectory markets = readModel.markets();
        out.append("currencies ").append(markets.currencies()).append('\n');
        for (final MarketDirectory.Pair pair : markets.pairs())
        {
            final String coinPair = pair.coinPair();
            out.append(pair).append('\n');
            out.append(" bids ").append(readModel.depth().levels(coinPair, Side.BUY, MAX)).append('\n');
            out.append(" asks ").append(readModel.depth().levels(coinPair, Side.SELL, MAX)).append('\n');
            out.append(" ticker ").append(readModel.tickers().ticker(coinPair, nowMs)).append('\n');
            out.append(" trades ").append(readModel.trades(coinPair, 0, Long.MAX_VALUE, MAX)).append('\n');
        }
        for (long accountId = 1; readModel.accounts().exists(accountId); accountId++)
        {
            out.append("account ").append(accountId).append('\n');
            for (final String currency : markets.currencies())
            {
                out.append(' ').append(currency).append(' ')
                    .append(readModel.accounts().balance(accountId, currency)).append('\n');
            }
            out.append(" open ").append(readModel.orders().openOrders(accountId, order -> true, MAX)).append('\n');
            out.append(" fills ").append(readModel.fills(accountId, 0, Long.MAX_VALUE, fill -> true, MAX))
                .append('\n');
            out.append(" transfers ").append(readModel.accounts().transfers(accountId, 0, Long.MAX_VALUE,
                transfer -> true)).append('\n');
            out.append(" keys ").append(readModel.apiKeys().keysOf(accountId)).append('\n');
        }
        for (final long orderId : new TreeSet<>(orderIds))
        {
            out.append("order ").append(orderId).append(' ').append(readModel.orders().order(orderId)).append('\n');
        }
        return out.toString();
    }
}
