package dev.bourse.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.bourse.server.ExactJson.assertFailure;
import static dev.bourse.server.ExactJson.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 7 over real HTTP, account history: {@code totalConsideration} is price * amount + fee for both sides;
 * transactionHistory takes {@code transferType} in any letter case, and shows {@code total} and the transfer's
 * details as a cryptocurrency or a fiat transfer, in the original's field order. Answers are compared byte for byte.
 */
class AccountConformanceTest
{
    private static final long T0 = TestExchange.START_MS;
    private static final String HISTORY = "/v1/account/transactionHistory";

    private TestExchange exchange;
    private TestExchange.Trader trader;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
        exchange.createPair("BTC.USD");
        trader = exchange.trader();
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    private TestExchange.Answer transfer(final String kind, final String form)
    {
        return exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/" + kind, form);
    }

    private void transferEveryKind()
    {
        transfer("deposits", "currency=ETH&amount=10&fee=0.5&address=0xabc&tag=7");
        exchange.clock.advance(1_000);
        transfer("withdrawals", "currency=ETH&amount=1&fee=0.1&address=0xdef");
        exchange.clock.advance(1_000);
        transfer("deposits", "currency=USD&amount=100&fee=2&bankName=CITIZENS+BANK+NA&accountNo=*******1128");
        exchange.clock.advance(1_000);
        transfer("withdrawals", "currency=USD&amount=10&fee=1&accountNo=123");
        exchange.clock.advance(1_000);
        transfer("deposits", "currency=USD&amount=5&address=0xnot-for-fiat&bankName=X");
    }

    @Test
    void shouldShowTotalAndDetailsOfCryptocurrencyAndFiatTransfersInTheExamplesFieldOrder()
    {
        transferEveryKind();

        assertSuccess(exchange.signed(trader, "GET", HISTORY, null, null), T0 + 4_000, """
            {"number":0,"size":20,"totalPages":1,"numberOfElements":5,"totalElements":5,"previousPage":false,
             "first":true,"nextPage":false,"last":true,"content":[
              {"date":1700000004000,"transferType":"DEPOSIT","amount":5,"fee":0,"total":5,"status":"COMPLETE",
               "bankName":"X","accountNo":"","currency":"USD"},
              {"date":1700000003000,"transferType":"WITHDRAW","amount":10,"fee":1,"total":11,"status":"COMPLETE",
               "bankName":"","accountNo":"123","currency":"USD"},
              {"date":1700000002000,"transferType":"DEPOSIT","amount":100,"fee":2,"total":98,"status":"COMPLETE",
               "bankName":"CITIZENS BANK NA","accountNo":"*******1128","currency":"USD"},
              {"date":1700000001000,"transferType":"WITHDRAW","amount":1,"fee":0.1,"total":1.1,"address":"0xdef",
               "tag":"","status":"COMPLETE","currency":"ETH"},
              {"date":1700000000000,"transferType":"DEPOSIT","amount":10,"fee":0.5,"total":10.5,"address":"0xabc",
               "tag":"7","status":"COMPLETE","currency":"ETH"}]}""");
    }

    @Test
    void shouldAnswerAdminTransfersAsTransactionHistoryShowsThem()
    {
        assertSuccess(transfer("deposits", "currency=ETH&amount=10&fee=0.5&address=0xabc&tag=7"), T0, """
            {"date":1700000000000,"transferType":"DEPOSIT","amount":10,"fee":0.5,"total":10.5,"address":"0xabc",
             "tag":"7","status":"COMPLETE","currency":"ETH"}""");
        assertSuccess(transfer("deposits", "currency=USD&amount=100&fee=2&bankName=B&accountNo=1"), T0, """
            {"date":1700000000000,"transferType":"DEPOSIT","amount":100,"fee":2,"total":98,"status":"COMPLETE",
             "bankName":"B","accountNo":"1","currency":"USD"}""");
        assertThat(exchange.available(trader, "ETH")).as("a deposit still credits amount - fee")
            .isEqualByComparingTo("9.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEPOSIT", "deposit", "Deposit", "dEpOsIt"})
    void shouldTakeDepositInAnyLetterCase(final String transferType)
    {
        transferEveryKind();

        final TestExchange.Answer answer = exchange.signed(trader, "GET", HISTORY, "transferType=" + transferType,
            null);
        assertThat(answer.data().get("totalElements").asInt()).isEqualTo(3);
        assertThat(answer.data().get("content").findValuesAsText("transferType")).containsOnly("DEPOSIT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WITHDRAW", "withdraw", "Withdraw", "wItHdRaW"})
    void shouldTakeWithdrawInAnyLetterCase(final String transferType)
    {
        transferEveryKind();

        final TestExchange.Answer answer = exchange.signed(trader, "GET", HISTORY, "transferType=" + transferType,
            null);
        assertThat(answer.data().get("totalElements").asInt()).isEqualTo(2);
        assertThat(answer.data().get("content").findValuesAsText("transferType")).containsOnly("WITHDRAW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEPOSITS", "DEPOSI", "GIFT", "depos%C4%B1t", "depo%C5%BFit", "%EF%BC%A4EPOSIT",
        "DEPOSIT%20", "%20DEPOSIT"})
    void shouldRefuseOtherTransferTypes(final String transferType)
    {
        final TestExchange.Answer answer = exchange.signed(trader, "GET", HISTORY, "transferType=" + transferType,
            null);
        assertFailure(answer, T0, 4014, "Invalid transfer type");
    }

    @Test
    void shouldAddTheFeeToTotalConsiderationOnBothSides()
    {
        final TestExchange.Trader maker = exchange.fundedTrader("10", "BCH");
        final TestExchange.Trader taker = exchange.fundedTrader("10", "ETH");
        exchange.limitOrder(maker, "BCH.ETH", "SELL", "0.05", "2");
        exchange.signedOk(taker, "POST", "/v1/trade/marketOrders", null, "coinPair=BCH.ETH&orderSide=BUY&quantity=1");

        // taker: 1 x 0.05 = 0.05, plus 0.2 % = 0.0001
        assertSuccess(exchange.signed(taker, "GET", "/v2/account/tradeHistory", null, null), T0, """
            [{"transactionID":20100000000001,"orderID":10100000000002,"market":"ETH","currency":"BCH","price":0.05,
              "amount":1,"fee":0.0001,"totalConsideration":0.0501,"orderSide":"BUY","fillType":"FULL",
              "createdAt":1700000000000,"createAt":1700000000000}]""");
        // maker: 1 x 0.05 = 0.05, plus 0.1 % = 0.00005, a SELL too
        assertSuccess(exchange.signed(maker, "GET", "/v2/account/tradeHistory", null, null), T0, """
            [{"transactionID":20100000000001,"orderID":10100000000001,"market":"ETH","currency":"BCH","price":0.05,
              "amount":1,"fee":0.00005,"totalConsideration":0.05005,"orderSide":"SELL","fillType":"PARTIAL",
              "createdAt":1700000000000,"createAt":1700000000000}]""");
    }
}
