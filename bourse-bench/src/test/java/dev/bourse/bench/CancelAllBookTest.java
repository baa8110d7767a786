package dev.bourse.bench;

import dev.bourse.bench.workload.BenchmarkExchange;
import dev.bourse.engine.Engine;
import dev.bourse.engine.event.OrderView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CancelAllBookTest
{
    @Test
    void shouldHoldTheCallersOrdersAndTheOtherAccountsOrdersOnTheSameLevels()
    {
        final CancelAllBook book = new CancelAllBook(1_000, 3_000, 100);
        final Engine engine = book.engine();

        assertThat(book.callerOpenOrders()).isEqualTo(1_000);
        assertThat(book.otherOpenOrders()).isEqualTo(3_000);
        assertThat(engine.openOrderCountOfPair(BenchmarkExchange.COIN_PAIR)).isEqualTo(4_000);
        final Set<Long> callerPrices = prices(engine.openOrders(CancelAllBook.CALLER, BenchmarkExchange.COIN_PAIR));
        final Set<Long> otherPrices = prices(engine.openOrders(CancelAllBook.OTHER, BenchmarkExchange.COIN_PAIR));
        assertThat(callerPrices).hasSize(100).isEqualTo(otherPrices);
        assertThat(engine.bestBid(BenchmarkExchange.COIN_PAIR)).isLessThan(engine.bestAsk(BenchmarkExchange.COIN_PAIR));
    }

    @Test
    void shouldSpreadFewCallerOrdersOverAsManyLevelsAmongTheOtherAccountsOrders()
    {
        final CancelAllBook book = new CancelAllBook(10, 1_000, 100);

        assertThat(book.callerOpenOrders()).isEqualTo(10);
        assertThat(book.otherOpenOrders()).isEqualTo(1_000);
        assertThat(prices(book.engine().openOrders(CancelAllBook.OTHER, BenchmarkExchange.COIN_PAIR)))
            .containsAll(prices(book.engine().openOrders(CancelAllBook.CALLER, BenchmarkExchange.COIN_PAIR)));
    }

    @Test
    void shouldCancelOnlyTheCallersOrdersBothWays()
    {
        final CancelAllBenchmark benchmark = new CancelAllBenchmark(2_000, 50);
        final CancelAllBook byCancelAll = new CancelAllBook(500, 2_000, 50);
        final CancelAllBook bySingles = new CancelAllBook(500, 2_000, 50);
        final List<OrderView> otherBefore =
            byCancelAll.engine().openOrders(CancelAllBook.OTHER, BenchmarkExchange.COIN_PAIR);

        benchmark.cancelAllNanos(byCancelAll);
        benchmark.singleCancelsNanos(bySingles);

        assertThat(byCancelAll.callerOpenOrders()).isZero();
        assertThat(bySingles.callerOpenOrders()).isZero();
        assertThat(byCancelAll.engine().openOrders(CancelAllBook.OTHER, BenchmarkExchange.COIN_PAIR))
            .isEqualTo(otherBefore);
        assertThat(byCancelAll.engine().stateHash()).isEqualTo(bySingles.engine().stateHash());
        assertThat(byCancelAll.engine().available(CancelAllBook.CALLER, BenchmarkExchange.QUOTE))
            .isEqualTo(BenchmarkExchange.AMPLE_BALANCE);
    }

    @Test
    void shouldPutTheCallersLevelsAtTheTopAndLetTwoOrdersMeetOnlyThemAfterEitherWayOfCancelling()
    {
        final CancelAllBook atOnce = CancelAllBook.withCallerAtTop(500, 2_000, 50);
        final CancelAllBook singly = CancelAllBook.withCallerAtTop(500, 2_000, 50);
        final Engine engine = atOnce.engine();
        final Set<Long> callerPrices = prices(engine.openOrders(CancelAllBook.CALLER, BenchmarkExchange.COIN_PAIR));
        final Set<Long> otherPrices = prices(engine.openOrders(CancelAllBook.OTHER, BenchmarkExchange.COIN_PAIR));
        assertThat(callerPrices).hasSize(50).doesNotContainAnyElementsOf(otherPrices)
            .contains(atOnce.callerWorstBid(), atOnce.callerWorstAsk());
        assertThat(otherPrices).hasSize(50).allMatch(price -> price < atOnce.callerWorstBid() ||
            price > atOnce.callerWorstAsk());
        assertThat(engine.bestBid(BenchmarkExchange.COIN_PAIR)).isGreaterThanOrEqualTo(atOnce.callerWorstBid());
        final CancelAllBenchmark benchmark = new CancelAllBenchmark(2_000, 50);

        benchmark.cancelAllNanos(atOnce);
        benchmark.singleCancelsNanos(singly);
        CancelAllBenchmark.meetCallerLevelsNanos(atOnce);
        CancelAllBenchmark.meetCallerLevelsNanos(singly);

        assertThat(engine.bestBid(BenchmarkExchange.COIN_PAIR)).isLessThan(atOnce.callerWorstBid());
        assertThat(engine.bestAsk(BenchmarkExchange.COIN_PAIR)).isGreaterThan(atOnce.callerWorstAsk());
        assertThat(engine.stateHash()).isEqualTo(singly.engine().stateHash());
    }

    @Test
    void shouldSpreadBothAccountsOrdersOverThePairsAndCancelThemAllAtOnceOrPairByPairAlike()
    {
        final CancelAllBenchmark benchmark = new CancelAllBenchmark(3_000, 20);
        final CancelAllBook atOnce = new CancelAllBook(1_000, 3_000, 20, 100);
        final CancelAllBook pairByPair = new CancelAllBook(1_000, 3_000, 20, 100);
        for (int pair = 0; pair < 100; pair++)
        {
            assertThat(atOnce.engine().openOrders(CancelAllBook.CALLER, BenchmarkExchange.coinPair(pair))).hasSize(10);
            assertThat(atOnce.engine().openOrders(CancelAllBook.OTHER, BenchmarkExchange.coinPair(pair))).hasSize(30);
        }

        benchmark.cancelAllNanos(atOnce, null);
        benchmark.perPairCancelAllsNanos(pairByPair);

        assertThat(atOnce.callerOpenOrders()).isZero();
        assertThat(atOnce.otherOpenOrders()).isEqualTo(3_000);
        assertThat(atOnce.engine().stateHash()).isEqualTo(pairByPair.engine().stateHash());
    }

    private static Set<Long> prices(final List<OrderView> orders)
    {
        return orders.stream().map(OrderView::price).collect(Collectors.toSet());
    }
}
