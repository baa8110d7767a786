package dev.bourse.systemtest.client;

import dev.bourse.client.AccountSummary;
import dev.bourse.client.ApiKeyInfo;
import dev.bourse.client.ApiKeyRequest;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseException;
import dev.bourse.client.IssuedApiKey;
import dev.bourse.client.OpenOrderCount;
import dev.bourse.client.OrderRequest;
import dev.bourse.client.OrderSide;
import dev.bourse.client.PairPolicy;
import dev.bourse.client.PairPolicyUpdate;
import dev.bourse.client.PairState;
import dev.bourse.client.StatusCode;
import dev.bourse.client.Transfer;
import dev.bourse.client.TransferRequest;
import dev.bourse.client.TransferType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The admin client against a real server, each effect checked through the public API. */
class AdminClientSystemTest extends WithExchange
{
    private BourseAdminClient admin;

    @BeforeEach
    void setUp() throws Exception
    {
        admin = exchange.admin;
    }

    @Test
    void shouldCreateAccountsAndShowTheirBalancesAndOpenOrders()
    {
        final long first = admin.createAccount();
        final long second = admin.createAccount();
        assertThat(second).isGreaterThan(first);

        final ClientExchange.Trader trader = exchange.trader(20, 600);
        exchange.deposit(trader.accountId(), "USDT", "1000");
        trader.client().placeOrder(OrderRequest.limit("BTC.USDT", OrderSide.BUY, new BigDecimal("0.01"),
            new BigDecimal("30000")));

        final AccountSummary summary = admin.account(trader.accountId());
        assertThat(summary.accountId()).isEqualTo(trader.accountId());
        assertThat(summary.openOrderCount()).isEqualTo(1);
        assertThat(summary.openOrders()).containsExactly(new OpenOrderCount("BTC.USDT", 1));
        assertThat(summary.balances()).filteredOn(balance -> balance.currency().equals("USDT")).singleElement()
            .satisfies(usdt -> assertThat(usdt.availableBalance()).isEqualByComparingTo("699.4"));
        assertThat(catchThrowableOfType(BourseException.class, () -> admin.account(999_999)).statusCode())
            .isEqualTo(StatusCode.ACCOUNT_NOT_FOUND);
    }

    @Test
    void shouldLabelAccountsAndListThemByLabel()
    {
        final long first = admin.createAccount("desk-1");
        admin.createAccount("");
        final long second = admin.createAccount("desk-1");

        assertThat(admin.account(first).label()).isEqualTo("desk-1");
        assertThat(admin.account(first + 1).label()).isEmpty();
        assertThat(admin.accountIds("desk-1")).containsExactly(first, second);
        assertThat(admin.accountIds("desk-2")).isEmpty();
        assertThat(catchThrowableOfType(BourseException.class, () -> admin.createAccount("not valid")).statusCode())
            .isEqualTo(StatusCode.INVALID_PARAMETER);
    }

    @Test
    void shouldIssueListAndRevokeKeys()
    {
        final long accountId = admin.createAccount();
        final IssuedApiKey issued = admin.issueApiKey(accountId,
            ApiKeyRequest.defaults().withRateLimit(5, 100).withAllowedIps(List.of("127.0.0.1", "::1")));
        final IssuedApiKey defaults = admin.issueApiKey(accountId);

        assertThat(issued.apiSecret()).isNotBlank();
        assertThat(issued.rps()).isEqualTo(5);
        assertThat(defaults.rps()).isEqualTo(3);
        assertThat(defaults.rpm()).isEqualTo(60);
        final List<ApiKeyInfo> keys = admin.apiKeys(accountId);
        assertThat(keys).extracting(ApiKeyInfo::apiKey).containsExactlyInAnyOrder(issued.apiKey(), defaults.apiKey());
        assertThat(keys).filteredOn(key -> key.apiKey().equals(issued.apiKey())).singleElement().satisfies(key ->
        {
            assertThat(key.rpm()).isEqualTo(100);
            assertThat(key.allowedIps()).contains("127.0.0.1");
            assertThat(key.enabled()).isTrue();
        });
        assertThat(exchange.client(issued, builder -> builder.rateLimit(5, 100)).balances()).isNotEmpty();

        admin.revokeApiKey(issued.apiKey());

        assertThat(admin.apiKeys(accountId)).filteredOn(key -> key.apiKey().equals(issued.apiKey()))
            .singleElement().satisfies(key -> assertThat(key.enabled()).isFalse());
        assertThat(catchThrowableOfType(BourseException.class,
            () -> exchange.client(issued, builder -> builder).balances()).statusCode())
            .isEqualTo(StatusCode.INVALID_API_KEY);
        assertThat(catchThrowableOfType(BourseException.class, () -> admin.revokeApiKey("unknown")).statusCode())
            .isEqualTo(StatusCode.UNREGISTERED_API_KEY);
    }

    @Test
    void shouldRefuseACallerOutsideTheKeysAllowList()
    {
        final long accountId = admin.createAccount();
        final IssuedApiKey key = admin.issueApiKey(accountId,
            ApiKeyRequest.defaults().withAllowedIps(List.of("10.1.2.3")));

        final BourseException refused = catchThrowableOfType(BourseException.class,
            () -> exchange.client(key, builder -> builder).balances());

        assertThat(refused.statusCode()).isEqualTo(StatusCode.UNAUTHORIZED_IP);
    }

    @Test
    void shouldDepositAndWithdraw()
    {
        final ClientExchange.Trader trader = exchange.trader(20, 600);

        final Transfer deposit = admin.deposit(trader.accountId(), TransferRequest.of("BTC", new BigDecimal("2"))
            .withFee(new BigDecimal("0.001")).withAddress("bc1qexample", "memo"));
        final Transfer withdrawal = admin.withdraw(trader.accountId(), TransferRequest.of("BTC", BigDecimal.ONE)
            .withFee(new BigDecimal("0.0005")).withBank("Bank", "12345"));

        assertThat(deposit.transferType()).isEqualTo(TransferType.DEPOSIT);
        assertThat(deposit.total()).as("amount + fee for a cryptocurrency deposit").isEqualByComparingTo("2.001");
        assertThat(deposit.address()).isEqualTo("bc1qexample");
        assertThat(deposit.bankName()).isNull();
        assertThat(withdrawal.transferType()).isEqualTo(TransferType.WITHDRAW);
        assertThat(withdrawal.total()).isEqualByComparingTo("1.0005");
        assertThat(withdrawal.bankName()).isEqualTo("Bank");
        assertThat(withdrawal.address()).isNull();
        assertThat(trader.client().balance("BTC").balance()).isEqualByComparingTo("0.9985");
        final BourseException beyond = catchThrowableOfType(BourseException.class,
            () -> admin.withdraw(trader.accountId(), TransferRequest.of("BTC", BigDecimal.ONE)));
        assertThat(beyond.statusCode()).isEqualTo(StatusCode.NOT_ENOUGH_BALANCE);
        assertThat(beyond.path()).isEqualTo("/admin/v1/accounts/" + trader.accountId() + "/withdrawals");
        assertThat(trader.client().balance("BTC").balance()).isEqualByComparingTo("0.9985");
    }

    @Test
    void shouldCreateAPairAndPutItInMaintenance()
    {
        final PairPolicy created = admin.putPair("SOL.USDT", PairPolicyUpdate.builder()
            .displayName("Solana / Tether")
            .minPrice(new BigDecimal("0.01"))
            .priceDecimals(2)
            .amountDecimals(3)
            .amountLimits(new BigDecimal("0.01"), new BigDecimal("100000"))
            .volumeLimits(BigDecimal.ONE, new BigDecimal("1000000"))
            .feeRatesPercent(new BigDecimal("0.05"), new BigDecimal("0.1"))
            .build());
        assertThat(created.coinPairType()).isEqualTo("USDT.SOL");
        assertThat(created.makerFeeRate()).isEqualByComparingTo("0.05");
        assertThat(exchange.admin.putPair("SOL.USDT", PairPolicyUpdate.state(PairState.TRADING)).trading()).isTrue();

        final ClientExchange.Trader trader = exchange.trader(20, 600);
        exchange.deposit(trader.accountId(), "USDT", "1000");
        final long orderId = trader.client().placeOrder(OrderRequest.limit("SOL.USDT", OrderSide.BUY,
            BigDecimal.ONE, new BigDecimal("20"))).orderId();

        final PairPolicy maintenance = admin.putPair("SOL.USDT", PairPolicyUpdate.state(PairState.CANCEL_ONLY));

        assertThat(maintenance.trading()).isFalse();
        assertThat(trader.client().pairPolicies()).filteredOn(policy -> policy.currency().equals("SOL"))
            .singleElement().satisfies(policy -> assertThat(policy.trading()).isFalse());
        assertThat(catchThrowableOfType(BourseException.class, () -> trader.client().placeOrder(
            OrderRequest.limit("SOL.USDT", OrderSide.BUY, BigDecimal.ONE, new BigDecimal("20")))).statusCode())
            .isEqualTo(StatusCode.PAIR_IN_MAINTENANCE);
        assertThat(trader.client().cancelAllOrders("SOL.USDT").orderIds()).containsExactly(orderId);
    }

    @Test
    void shouldRefuseAWrongToken()
    {
        try (BourseAdminClient intruder = BourseAdminClient.builder(exchange.adminUri(), "wrong").build())
        {
            final BourseException refused = catchThrowableOfType(BourseException.class, intruder::createAccount);

            assertThat(refused.statusCode()).isEqualTo(StatusCode.UNAUTHORIZED);
            assertThat(refused.method()).isEqualTo("POST");
        }
    }
}
