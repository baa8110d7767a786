package dev.bourse.client;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FormTest
{
    @Test
    void shouldWriteMoneyAsPlainDecimalsWithoutTrailingZeros()
    {
        assertThat(Form.plain(new BigDecimal("100"))).isEqualTo("100");
        assertThat(Form.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Form.plain(new BigDecimal("0.00100000"))).isEqualTo("0.001");
        assertThat(Form.plain(new BigDecimal("1E-8"))).isEqualTo("0.00000001");
        assertThat(Form.plain(new BigDecimal("0.000"))).isEqualTo("0");
    }

    @Test
    void shouldEncodeInOrderAndLeaveOutNulls()
    {
        final Form form = new Form()
            .put("coinPair", "BTC.USDT")
            .put("price", (BigDecimal)null)
            .put("quantity", new BigDecimal("0.50"))
            .put("orderSide", OrderSide.BUY)
            .put("allowedIps", "127.0.0.1,::1");

        assertThat(form.encoded())
            .isEqualTo("coinPair=BTC.USDT&quantity=0.5&orderSide=BUY&allowedIps=127.0.0.1%2C%3A%3A1");
        assertThat(new Form().encoded()).isEmpty();
        assertThat(Form.segment("A B/C")).isEqualTo("A%20B%2FC");
    }

    @Test
    void shouldWriteTheParametersOfEachRequest()
    {
        assertThat(OrderRequest.stopLimit("BTC.USDT", OrderSide.SELL, new BigDecimal("1"), new BigDecimal("2"),
            new BigDecimal("3")).form().encoded())
            .isEqualTo("coinPair=BTC.USDT&quantity=1&price=2&orderSide=SELL&stopPrice=3");
        assertThat(OrderRequest.market("BCH.ETH", OrderSide.BUY, BigDecimal.ONE).form().encoded())
            .isEqualTo("quantity=1&coinPair=BCH.ETH&orderSide=BUY");
        assertThat(OpenOrdersQuery.forPair("ETH.BTC").withMax(5).form().encoded())
            .isEqualTo("market=BTC&currency=ETH&max=5");
        assertThat(TransactionHistoryQuery.all().withTransferType(TransferType.WITHDRAW).withPage(2, 50).form()
            .encoded()).isEqualTo("transferType=WITHDRAW&page=2&pageSize=50");
        assertThat(PairPolicyUpdate.builder().feeRatesPercent(new BigDecimal("0.1"), new BigDecimal("0.2"))
            .state(PairState.CANCEL_ONLY).build().form().encoded())
            .isEqualTo("makerFeeRate=0.1&takerFeeRate=0.2&state=CANCEL_ONLY");
        assertThat(ApiKeyRequest.defaults().form().encoded()).isEmpty();
    }
}
