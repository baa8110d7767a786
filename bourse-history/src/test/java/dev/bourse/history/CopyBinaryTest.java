package dev.bourse.history;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bytes of PostgreSQL's binary COPY format, as its documentation lays them out. */
class CopyBinaryTest
{
    private static String hex(final CopyBinary copy)
    {
        return HexFormat.of().formatHex(Arrays.copyOf(copy.finish(), copy.length()));
    }

    @Test
    void shouldWriteTheHeaderEachRowAndTheTrailer()
    {
        final CopyBinary copy = new CopyBinary(6);
        copy.bigint(-2).integer(7).smallint(3).bool(true).text("\u00e9\t").text(null).endRow();

        assertThat(copy.rows()).isEqualTo(1);
        assertThat(hex(copy)).isEqualTo(
            "5047434f50590aff0d0a00" + "00000000" + "00000000" + // signature, flags, header extension
            "0006" + // six columns
            "00000008" + "fffffffffffffffe" +
            "00000004" + "00000007" +
            "00000002" + "0003" +
            "00000001" + "01" +
            "00000003" + "c3a909" + // UTF-8, no escaping
            "ffffffff" + // NULL
            "ffff"); // trailer
    }

    @Test
    void shouldGrowPastItsFirstBuffer()
    {
        final CopyBinary copy = new CopyBinary(1);
        for (int i = 0; i < 1_000; i++)
        {
            copy.bigint(i).endRow();
        }

        final byte[] bytes = copy.finish();
        assertThat(copy.length()).isEqualTo(19 + 1_000 * (2 + 4 + 8) + 2);
        assertThat(bytes[copy.length() - 4]).isEqualTo((byte)0x03); // 999 = 0x3e7, the last row's value
        assertThat(bytes[copy.length() - 3]).isEqualTo((byte)0xe7);
    }

    @Test
    void shouldRefuseRowsOfTheWrongWidthAndValuesThatDoNotFitTheirColumn()
    {
        final CopyBinary copy = new CopyBinary(2);
        copy.bigint(1);

        assertThatThrownBy(copy::endRow).isInstanceOf(IllegalStateException.class);
        copy.bigint(2);
        assertThatThrownBy(() -> copy.bigint(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CopyBinary(1).smallint(40_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CopyBinary(1).bigint(1).finish()).isInstanceOf(IllegalStateException.class);
    }
}
