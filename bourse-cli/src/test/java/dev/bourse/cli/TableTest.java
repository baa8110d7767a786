package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest
{
    private static JsonNode json(final String text) throws Exception
    {
        return Output.JSON.readTree(text);
    }

    private static String render(final View view, final JsonNode data)
    {
        final StringWriter text = new StringWriter();
        view.render(data, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void shouldPadColumnsToTheWidestCellAndWriteMoneyPlain() throws Exception
    {
        final JsonNode balances = json("[{\"currency\":\"BTC\",\"balance\":0.00000001,\"availableBalance\":1E+3},"
            + "{\"currency\":\"USDT\",\"balance\":12345.5,\"availableBalance\":0}]");

        assertThat(render(Views.BALANCES, balances)).isEqualTo(
            "CURRENCY  BALANCE     AVAILABLE\n"
                + "BTC       0.00000001  1000\n"
                + "USDT      12345.5     0\n");
    }

    @Test
    void shouldSayNoneForAnEmptyList() throws Exception
    {
        assertThat(render(Views.OPEN_ORDERS, json("[]"))).isEqualTo("(none)\n");
    }

    @Test
    void shouldShowTimesAsUtcInstantsAndZeroAsEmpty() throws Exception
    {
        final View view = Table.of(Table.time("CREATED", "createdAt"), Table.time("DONE", "completedAt"));

        assertThat(render(view, json("[{\"createdAt\":1700000000000,\"completedAt\":0}]")))
            .isEqualTo("CREATED" + " ".repeat(15) + "DONE\n2023-11-14T22:13:20Z\n");
    }

    @Test
    void shouldListTheFieldsOfAnObjectInOrder() throws Exception
    {
        final JsonNode order = json("{\"orderID\":10000000000001,\"price\":100.5,\"createdAt\":1700000000000}");

        assertThat(render(Views.ORDER, order)).isEqualTo(
            "orderID    10000000000001\n"
                + "price      100.5\n"
                + "createdAt  2023-11-14T22:13:20Z\n");
    }

    @Test
    void shouldListCancelledOrderIds() throws Exception
    {
        assertThat(render(Views.CANCELLED_ALL, json("{\"orderIDList\":[11,12],\"requestAt\":1}")))
            .isEqualTo("cancelled 2 orders\n11\n12\n");
    }

    @Test
    void shouldWriteJsonWithExactDecimals() throws Exception
    {
        final StringWriter text = new StringWriter();
        new Output(new PrintWriter(text), true).print(json("{\"price\":0.00000001}"), Views.ORDER);

        assertThat(json(text.toString()).get("price").decimalValue()).isEqualByComparingTo("0.00000001");
        assertThat(text.toString()).contains("0.00000001").doesNotContain("E-");
    }
}
