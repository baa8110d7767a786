package dev.bourse.server.stream;

import dev.bourse.engine.Side;
import dev.bourse.server.readmodel.BookDepthStore.Level;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookMirrorTest
{
    @Test
    void shouldKeepTheLevelsAndBestPricesItIsGivenAndSnapshotThemBestFirst()
    {
        final BookMirror mirror = new BookMirror(10);
        mirror.load(Side.BUY, List.of(new Level(101, 3), new Level(100, 7)));
        mirror.load(Side.SELL, List.of(new Level(105, 1)));

        assertThat(mirror.bestPrice(Side.BUY)).isEqualTo(101);
        assertThat(mirror.bestPrice(Side.SELL)).isEqualTo(105);
        assertThat(mirror.quantity(Side.BUY, 100)).isEqualTo(7);
        assertThat(mirror.quantity(Side.SELL, 100)).isZero();

        final long previous = mirror.apply(12, List.of(new Level(101, 0), new Level(99, 2), new Level(102, 4)),
            List.of(new Level(104, 6), new Level(110, 1)), 102, 104);

        assertThat(previous).isEqualTo(10);
        assertThat(mirror.bestPrice(Side.BUY)).isEqualTo(102);
        assertThat(mirror.quantity(Side.BUY, 101)).isZero();
        assertThat(mirror.snapshot()).isEqualTo(new BookMirror.Snapshot(12,
            List.of(new Level(102, 4), new Level(100, 7), new Level(99, 2)),
            List.of(new Level(104, 6), new Level(105, 1), new Level(110, 1))));
    }

    @Test
    void shouldSnapshotAnEmptyBook()
    {
        final BookMirror mirror = new BookMirror(0);
        mirror.load(Side.BUY, List.of());

        assertThat(mirror.bestPrice(Side.BUY)).isZero();
        assertThat(mirror.snapshot()).isEqualTo(new BookMirror.Snapshot(0, List.of(), List.of()));
    }
}
