package dev.bourse.bench.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceBookTest
{
    @Test
    void shouldMatchByPriceThenTimeAtTheRestingPrice()
    {
        final ReferenceBook book = new ReferenceBook();
        book.place(new WorkloadCommand.Place(1, 1, false, 101, 2, false));
        book.place(new WorkloadCommand.Place(2, 2, false, 100, 1, false));
        book.place(new WorkloadCommand.Place(3, 3, false, 100, 1, false));

        book.place(new WorkloadCommand.Place(4, 4, true, 101, 3, false));

        assertThat(book.trades()).isEqualTo(3);
        assertThat(book.volume()).isEqualTo(3);
        assertThat(book.resting()).isEqualTo(1);
        assertThat(book.liveOrderId(0)).isEqualTo(1);
        assertThat(book.bestAsk()).isEqualTo(101);
    }

    @Test
    void shouldRestWhatAGtcOrderCannotFillAndDropWhatAnIocCannot()
    {
        final ReferenceBook book = new ReferenceBook();
        book.place(new WorkloadCommand.Place(1, 1, true, 99, 5, false));

        book.place(new WorkloadCommand.Place(2, 2, false, 90, 8, true));
        book.place(new WorkloadCommand.Place(3, 2, false, 100, 4, false));
        book.place(new WorkloadCommand.Place(4, 1, true, 99, 4, true));

        assertThat(book.trades()).as("the last IOC's limit does not reach the ask").isEqualTo(1);
        assertThat(book.volume()).isEqualTo(5);
        assertThat(book.resting()).isEqualTo(1);
        assertThat(book.bestBid()).isZero();
        assertThat(book.bestAsk()).isEqualTo(100);
    }

    @Test
    void shouldCancelOnlyLiveOrders()
    {
        final ReferenceBook book = new ReferenceBook();
        book.place(new WorkloadCommand.Place(1, 1, true, 99, 5, false));
        book.place(new WorkloadCommand.Place(2, 1, true, 98, 5, false));

        assertThat(book.cancel(new WorkloadCommand.Cancel(1, 1))).isTrue();
        assertThat(book.cancel(new WorkloadCommand.Cancel(1, 1))).isFalse();
        assertThat(book.cancel(new WorkloadCommand.Cancel(7, 1))).isFalse();
        assertThat(book.resting()).isEqualTo(1);
        assertThat(book.liveOrderId(0)).isEqualTo(2);
        assertThat(book.bestBid()).isEqualTo(98);
    }
}
