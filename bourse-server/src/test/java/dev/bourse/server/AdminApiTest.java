package dev.bourse.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API of spec section 6 through real HTTP. */
class AdminApiTest
{
    private TestExchange exchange;

    @BeforeEach
    void setUp() throws Exception
    {
        exchange = new TestExchange();
        exchange.createPair("BCH.ETH");
    }

    @AfterEach
    void tearDown() throws Exception
    {
        exchange.close();
    }

    @Test
    void shouldRefuseRequestsWithoutTheToken()
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(exchange.adminUri("/admin/v1/accounts"))
            .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(exchange.send(request.build()).statusCode()).isEqualTo(6000);
        assertThat(exchange.send(request.header("Authorization", "Bearer wrong").build()).statusCode())
            .isEqualTo(6000);
        assertThat(exchange.admin("GET", "/admin/v1/accounts/1", null).statusCode()).isEqualTo(4101);
    }

    @Test
    void shouldRefuseTheTokenWithExtraWhitespaceBetweenBearerAndIt()
    {
        final String token = exchange.server.adminToken();
        final long committedBefore = exchange.server.health().committedSequence();
        for (final String header : new String[] {"Bearer  " + token, "Bearer \t" + token, "Bearer " + token + " x",
            "Bearer " + token + "\t" + token, "Bearer" + token, token})
        {
            final HttpRequest request = HttpRequest.newBuilder(exchange.adminUri("/admin/v1/accounts"))
                .header("Authorization", header).POST(HttpRequest.BodyPublishers.noBody()).build();
            assertThat(exchange.send(request).statusCode()).as(header).isEqualTo(6000);
        }
        assertThat(exchange.server.health().committedSequence()).isEqualTo(committedBefore);
    }

    @Test
    void shouldWriteTheGeneratedTokenAndSecretKeyOwnerOnly() throws Exception
    {
        for (final String file : new String[] {"admin.token", "secret.key"})
        {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exchange.dataDir.resolve(file))))
                .isEqualTo("rw-------");
        }
        assertThat(Files.readString(exchange.dataDir.resolve("admin.token")).trim())
            .isEqualTo(exchange.server.adminToken());
    }

    @Test
    void shouldCreateAccountsWithIncreasingIds()
    {
        final long first = exchange.adminOk("POST", "/admin/v1/accounts", null).get("accountId").asLong();
        final long second = exchange.adminOk("POST", "/admin/v1/accounts", null).get("accountId").asLong();

        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void shouldLabelAccountsAndListThemByLabel()
    {
        final JsonNode first = exchange.adminOk("POST", "/admin/v1/accounts", "label=simulated");
        final long plain = exchange.adminOk("POST", "/admin/v1/accounts", null).get("accountId").asLong();
        final long second = exchange.adminOk("POST", "/admin/v1/accounts?label=simulated", null).get("accountId")
            .asLong();
        final long other = exchange.adminOk("POST", "/admin/v1/accounts", "label=desk_2.a-B").get("accountId")
            .asLong();

        assertThat(first.get("label").asText()).isEqualTo("simulated");
        final long firstId = first.get("accountId").asLong();
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts/" + firstId, null).get("label").asText())
            .isEqualTo("simulated");
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts/" + plain, null).get("label").asText()).isEmpty();
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts?label=simulated", null).findValuesAsText("accountId"))
            .containsExactly(Long.toString(firstId), Long.toString(second));
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts?label=simulated&fromAccountId=" + (firstId + 1) +
            "&max=1", null).findValuesAsText("accountId")).containsExactly(Long.toString(second));
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts?label=simulated&max=1", null)
            .findValuesAsText("accountId")).containsExactly(Long.toString(firstId));
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts?label=desk_2.a-B", null).get(0).get("accountId")
            .asLong()).isEqualTo(other);
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts?label=nobody", null)).isEmpty();
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts?label=SIMULATED", null)).as("case-sensitive")
            .isEmpty();

        for (final String label : new String[] {"x".repeat(33), "two%20words", "caf%C3%A9", "a%2Fb"})
        {
            assertThat(exchange.admin("POST", "/admin/v1/accounts", "label=" + label).statusCode())
                .as(label).isEqualTo(4002);
            assertThat(exchange.admin("GET", "/admin/v1/accounts?label=" + label, null).statusCode())
                .as(label).isEqualTo(4002);
        }
        assertThat(exchange.admin("GET", "/admin/v1/accounts", null).statusCode()).isEqualTo(4012);
        assertThat(exchange.admin("GET", "/admin/v1/accounts?label=simulated&max=10001", null).statusCode())
            .isEqualTo(4002);
        assertThat(exchange.admin("GET", "/admin/v1/accounts?label=simulated&fromAccountId=0", null).statusCode())
            .isEqualTo(4002);
        assertThat(exchange.adminOk("POST", "/admin/v1/accounts", null).get("accountId").asLong())
            .as("nothing was created by the refused requests").isEqualTo(other + 1);
    }

    @Test
    void shouldIssueListAndRevokeKeysWithoutShowingSecretsAgain()
    {
        final TestExchange.Trader trader = exchange.trader("rps=5&rpm=100&allowedIps=127.0.0.1");

        assertThat(trader.secret()).hasSize(32);
        final JsonNode keys = exchange.adminOk("GET", "/admin/v1/accounts/" + trader.accountId() + "/apiKeys", null);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("apiKey").asText()).isEqualTo(trader.apiKey());
        assertThat(keys.get(0).get("rps").asInt()).isEqualTo(5);
        assertThat(keys.get(0).get("rpm").asInt()).isEqualTo(100);
        assertThat(keys.get(0).get("allowedIps").asText()).isEqualTo("127.0.0.1");
        assertThat(keys.get(0).get("enabled").asBoolean()).isTrue();
        assertThat(keys.toString()).doesNotContain(trader.secret()).doesNotContain("apiSecret");

        exchange.adminOk("DELETE", "/admin/v1/apiKeys/" + trader.apiKey(), null);
        assertThat(exchange.adminOk("GET", "/admin/v1/accounts/" + trader.accountId() + "/apiKeys", null).get(0)
            .get("enabled").asBoolean()).isFalse();
        assertThat(exchange.admin("POST", "/admin/v1/accounts/99/apiKeys", null).statusCode()).isEqualTo(4101);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/apiKeys", "rps=0")
            .statusCode()).isEqualTo(4002);
    }

    @Test
    void shouldDepositAndWithdrawIntoTransactionHistory()
    {
        final TestExchange.Trader trader = exchange.trader();
        final JsonNode deposit = exchange.adminOk("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=ETH&amount=2.5&fee=0.1&address=addr&tag=t&bankName=b&accountNo=n");

        assertThat(deposit.get("transferType").asText()).isEqualTo("DEPOSIT");
        assertThat(deposit.get("amount").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(deposit.get("total").decimalValue()).isEqualByComparingTo("2.4");
        assertThat(deposit.get("bankName").asText()).isEqualTo("b");
        assertThat(exchange.available(trader, "ETH")).isEqualByComparingTo("2.4");
        final String before = exchange.accountState(trader);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/withdrawals",
            "currency=ETH&amount=2.4&fee=0.01").statusCode()).isEqualTo(3301);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=XYZ&amount=1").statusCode()).isEqualTo(4011);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=ETH&amount=-1").statusCode()).isEqualTo(4002);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=ETH&amount=0.000000001").statusCode()).isEqualTo(4002);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=ETH").statusCode()).isEqualTo(4012);
        assertThat(exchange.admin("POST", "/admin/v1/accounts/" + trader.accountId() + "/deposits",
            "currency=ETH&amount=1&address=" + "a".repeat(65_000)).statusCode())
            .as("a deposit too large to journal").isEqualTo(4002);
        assertThat(exchange.accountState(trader)).isEqualTo(before);
        exchange.adminOk("POST", "/admin/v1/accounts/" + trader.accountId() + "/withdrawals", "currency=ETH&amount=1");
        assertThat(exchange.signedOk(trader, "GET", "/v1/account/transactionHistory", null, null)
            .get("totalElements").asInt()).isEqualTo(2);
    }

    @Test
    void shouldShowTheAccountsBalancesAndOpenOrderCounts()
    {
        final TestExchange.Trader trader = exchange.trader();
        exchange.deposit(trader, "BCH", "3");
        exchange.limitOrder(trader, "BCH.ETH", "SELL", "0.05", "1");
        exchange.limitOrder(trader, "BCH.ETH", "SELL", "0.06", "1");

        final JsonNode account = exchange.adminOk("GET", "/admin/v1/accounts/" + trader.accountId(), null);

        assertThat(account.get("accountId").asLong()).isEqualTo(trader.accountId());
        assertThat(account.get("openOrderCount").asInt()).isEqualTo(2);
        assertThat(account.get("openOrders").get(0).get("coinPair").asText()).isEqualTo("BCH.ETH");
        assertThat(account.get("balances").get(0).get("currency").asText()).isEqualTo("BCH");
        assertThat(account.get("balances").get(0).get("availableBalance").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void shouldCreateAndUpdatePairs()
    {
        final JsonNode created = exchange.adminOk("PUT", "/admin/v1/pairs/LTC.BTC", "minPrice=0.00001" +
            "&minPriceDecimal=5&minAmountDecimal=3&tradeMinAmount=0.001&tradeMaxAmount=1000&tradeMinVolume=0.0001" +
            "&tradeMaxVolume=100&makerFeeRate=0.05&takerFeeRate=0.15&displayName=Litecoin");
        assertThat(created.get("coinPairType").asText()).isEqualTo("BTC.LTC");
        assertThat(created.get("tradeMakerFeeRate").decimalValue()).isEqualByComparingTo("0.05");

        final JsonNode updated = exchange.adminOk("PUT", "/admin/v1/pairs/LTC.BTC", "takerFeeRate=0.3");
        assertThat(updated.get("tradeTakerFeeRate").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(updated.get("displayNameOfCoinInformation").asText()).isEqualTo("Litecoin");
        assertThat(exchange.publicGet("/v1/market/public/coins/pairPolicy").data()).hasSize(2);

        assertThat(exchange.admin("PUT", "/admin/v1/pairs/DOGE.BTC", "minPrice=1").statusCode()).isEqualTo(4012);
        assertThat(exchange.admin("PUT", "/admin/v1/pairs/doge.btc", "minPrice=1").statusCode()).isEqualTo(4009);
        assertThat(exchange.admin("PUT", "/admin/v1/pairs/LTC.BTC", "state=CLOSED").statusCode()).isEqualTo(4002);
        assertThat(exchange.admin("PUT", "/admin/v1/pairs/LTC.BTC", "minPriceDecimal=6").statusCode())
            .isEqualTo(4002);
        assertThat(exchange.admin("PUT", "/admin/v1/pairs/LTC.BTC", "takerFeeRate=0.00001").statusCode())
            .isEqualTo(4002);
    }

    @Test
    void shouldNotServeAdminRoutesOnThePublicPortNorPublicRoutesOnTheAdminPort()
    {
        assertThat(exchange.send(HttpRequest.newBuilder(exchange.publicUri("/admin/v1/accounts"))
            .header("Authorization", "Bearer " + exchange.server.adminToken())
            .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(4000);
        assertThat(exchange.send(HttpRequest.newBuilder(exchange.adminUri("/v1/public/time")).GET().build())
            .statusCode()).isEqualTo(4000);
    }
}
