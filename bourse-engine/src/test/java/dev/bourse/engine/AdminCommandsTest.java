package dev.bourse.engine;

import dev.bourse.engine.command.CreateAccount;
import dev.bourse.engine.command.IssueApiKey;
import dev.bourse.engine.command.PlaceOrder;
import dev.bourse.engine.command.PutPair;
import dev.bourse.engine.command.RevokeApiKey;
import dev.bourse.engine.command.Transfer;
import dev.bourse.engine.event.AccountCreated;
import dev.bourse.engine.event.ApiKeyIssued;
import dev.bourse.engine.event.ApiKeyRevoked;
import dev.bourse.engine.event.BalanceChanged;
import dev.bourse.engine.event.CurrencyCreated;
import dev.bourse.engine.event.PairUpdated;
import dev.bourse.engine.event.TradeExecuted;
import dev.bourse.engine.event.TransferCompleted;
import org.junit.jupiter.api.Test;

import static dev.bourse.engine.EngineFixture.BTC_USDT;
import static dev.bourse.engine.EngineFixture.btc;
import static dev.bourse.engine.EngineFixture.usdt;
import static dev.bourse.engine.Side.BUY;
import static dev.bourse.engine.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, deposits and withdrawals, API keys and pairs. */
final class AdminCommandsTest
{
    private static final PairPolicy SOL_POLICY = new PairPolicy("Solana", 1_000, 3, 2, 1_000_000, 100_000_000_000L,
        1_000_000, 1_000_000_000_000L, 1_000, 2_000, PairState.TRADING);

    private final EngineFixture fixture = new EngineFixture();

    private static Transfer deposit(final long accountId, final String currency, final long amount, final long fee)
    {
        return new Transfer(accountId, TransferType.DEPOSIT, currency, amount, fee, TransferDetails.NONE);
    }

    private static Transfer withdrawal(final long accountId, final String currency, final long amount, final long fee)
    {
        return new Transfer(accountId, TransferType.WITHDRAW, currency, amount, fee,
            new TransferDetails("addr", "tag", "bank", "123"));
    }

    private static IssueApiKey apiKey(final long accountId, final String key)
    {
        return new IssueApiKey(accountId, key, "ciphertext", 3, 60, "");
    }

    @Test
    void shouldOpenAccountsWithConsecutiveIds()
    {
        assertThat(fixture.newAccount()).isEqualTo(1);
        assertThat(fixture.newAccount()).isEqualTo(2);
        assertThat(fixture.events).containsExactly(new AccountCreated(2, ""));
        assertThat(fixture.engine.accountCount()).isEqualTo(2);
    }

    @Test
    void shouldKeepAValidLabelAndRejectAnInvalidOneWith4002()
    {
        fixture.succeed(new CreateAccount("simulated"));
        assertThat(fixture.events).containsExactly(new AccountCreated(1, "simulated"));
        fixture.succeed(new CreateAccount("A-z_0.9" + "x".repeat(25)));
        assertThat(fixture.engine.accountLabel(1)).isEqualTo("simulated");
        assertThat(fixture.engine.accountLabel(2)).hasSize(32);
        assertThat(fixture.engine.accountLabel(3)).isNull();

        for (final String label : new String[] {null, "x".repeat(33), "two words", "caf\u00e9", "a/b", "a\nb"})
        {
            fixture.assertRejectedUnchanged(new CreateAccount(label), Status.INVALID_PARAMETER);
        }
        assertThat(fixture.engine.accountCount()).isEqualTo(2);
    }

    @Test
    void shouldRejectAnAccountBeyondTheLimitWith4002()
    {
        final EngineFixture small = new EngineFixture(new EngineConfiguration(
            2, 16, 16, 4, 10, 10, SelfTradePrevention.EXPIRE_MAKER));
        small.newAccount();
        small.newAccount();
        small.assertRejectedUnchanged(new CreateAccount(), Status.INVALID_PARAMETER);
    }

    @Test
    void shouldCreditADepositLessItsFee()
    {
        final long account = fixture.newAccount();
        fixture.succeed(deposit(account, "USDT", usdt("100"), usdt("1.5")));

        final TransferCompleted completed = fixture.first(TransferCompleted.class);
        assertThat(completed.total()).isEqualTo(usdt("98.5"));
        assertThat(String.valueOf(completed.transferId())).hasSize(14);
        assertThat(fixture.events).contains(new BalanceChanged(account, "USDT", usdt("98.5"), usdt("98.5")));
        assertThat(fixture.engine.netDeposits("USDT")).isEqualTo(usdt("100"));
        assertThat(fixture.engine.feesCollected("USDT")).isEqualTo(usdt("1.5"));
    }

    @Test
    void shouldDebitAWithdrawalWithItsFee()
    {
        final long account = fixture.fundedAccount(0, 0, usdt("100"));
        fixture.succeed(withdrawal(account, "USDT", usdt("60"), usdt("1")));
        final long firstId = fixture.first(TransferCompleted.class).transferId();
        assertThat(fixture.balance(account, "USDT")).isEqualTo(usdt("39"));
        assertThat(fixture.engine.netDeposits("USDT")).isEqualTo(usdt("40"));
        fixture.succeed(withdrawal(account, "USDT", usdt("39"), 0));
        assertThat(fixture.first(TransferCompleted.class).transferId()).isGreaterThan(firstId);
        assertThat(fixture.balance(account, "USDT")).isZero();
    }

    @Test
    void shouldRejectAWithdrawalBeyondTheAvailableBalanceWith3301()
    {
        final long account = fixture.fundedAccount(0, 0, usdt("100"));
        fixture.limit(account, BTC_USDT, BUY, usdt("50"), btc("1"));
        assertThat(fixture.available(account, "USDT")).isEqualTo(usdt("49.9"));
        fixture.assertRejectedUnchanged(withdrawal(account, "USDT", usdt("49.91"), 0), Status.NOT_ENOUGH_BALANCE);
        fixture.assertRejectedUnchanged(withdrawal(account, "USDT", usdt("49.9"), 1), Status.NOT_ENOUGH_BALANCE);
        fixture.succeed(withdrawal(account, "USDT", usdt("49.8"), usdt("0.1")));
    }

    @Test
    void shouldRejectInvalidTransfersWithTheirStatus()
    {
        final long account = fixture.fundedAccount(0, 0, usdt("100"));
        fixture.assertRejectedUnchanged(deposit(9, "USDT", 1, 0), Status.ACCOUNT_NOT_FOUND);
        fixture.assertRejectedUnchanged(deposit(account, "XYZ", 1, 0), Status.INVALID_CURRENCY);
        fixture.assertRejectedUnchanged(deposit(account, null, 1, 0), Status.INVALID_CURRENCY);
        fixture.assertRejectedUnchanged(new Transfer(account, null, "USDT", 1, 0, TransferDetails.NONE),
            Status.INVALID_TRANSFER_TYPE);
        fixture.assertRejectedUnchanged(deposit(account, "USDT", 0, 0), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(deposit(account, "USDT", -5, 0), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(deposit(account, "USDT", 5, -1), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(deposit(account, "USDT", 5, 6), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(deposit(account, "USDT", 5, 5), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new Transfer(account, TransferType.DEPOSIT, "USDT", 5, 0, null),
            Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new Transfer(account, TransferType.DEPOSIT, "USDT", 5, 0,
            new TransferDetails("x".repeat(129), "", "", "")), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(deposit(account, "USDT", Long.MAX_VALUE, 0), Status.INVALID_PARAMETER);
    }

    @Test
    void shouldIssueAndRevokeApiKeys()
    {
        final long account = fixture.newAccount();
        fixture.succeed(new IssueApiKey(account, "6W206egN32nCQ0VB", "secret-ciphertext", 5, 100, "10.0.0.1"));
        assertThat(fixture.events).containsExactly(
            new ApiKeyIssued(account, "6W206egN32nCQ0VB", "secret-ciphertext", 5, 100, "10.0.0.1"));

        fixture.succeed(new RevokeApiKey("6W206egN32nCQ0VB"));
        assertThat(fixture.events).containsExactly(new ApiKeyRevoked(account, "6W206egN32nCQ0VB"));
        fixture.assertRejectedUnchanged(new RevokeApiKey("6W206egN32nCQ0VB"), Status.INVALID_API_KEY);
        fixture.assertRejectedUnchanged(new RevokeApiKey("UnknownKey000000"), Status.UNREGISTERED_API_KEY);
        fixture.assertRejectedUnchanged(new RevokeApiKey(null), Status.UNREGISTERED_API_KEY);
    }

    @Test
    void shouldRejectInvalidApiKeys()
    {
        final long account = fixture.newAccount();
        fixture.succeed(apiKey(account, "AAAAAAAAAAAAAAAA"));
        fixture.assertRejectedUnchanged(apiKey(7, "BBBBBBBBBBBBBBBB"), Status.ACCOUNT_NOT_FOUND);
        fixture.assertRejectedUnchanged(apiKey(account, "AAAAAAAAAAAAAAAA"), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(apiKey(account, "short"), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(apiKey(account, "has-a-dash-0000000"), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new IssueApiKey(account, "CCCCCCCCCCCCCCCC", "", 3, 60, ""),
            Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new IssueApiKey(account, "CCCCCCCCCCCCCCCC", "c", 0, 60, ""),
            Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new IssueApiKey(account, "CCCCCCCCCCCCCCCC", "c", 3, 0, ""),
            Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new IssueApiKey(account, "CCCCCCCCCCCCCCCC", "c", 3, 60, "1".repeat(1025)),
            Status.INVALID_PARAMETER);
    }

    @Test
    void shouldRejectAnApiKeyBeyondTheLimitOfTheAccount()
    {
        final EngineFixture small = new EngineFixture(new EngineConfiguration(
            16, 16, 16, 2, 10, 10, SelfTradePrevention.EXPIRE_MAKER));
        final long account = small.newAccount();
        small.succeed(apiKey(account, "Key0000000000001"));
        small.succeed(apiKey(account, "Key0000000000002"));
        small.succeed(new RevokeApiKey("Key0000000000002"));
        small.assertRejectedUnchanged(apiKey(account, "Key0000000000003"), Status.INVALID_PARAMETER);
    }

    @Test
    void shouldCreateAPairAndItsNewCurrencies()
    {
        fixture.succeed(new PutPair("SOL", "USDT", 9, 2, SOL_POLICY));
        assertThat(fixture.events).containsExactly(new CurrencyCreated(3, "SOL", 9),
            new PairUpdated(2, "SOL.USDT", "SOL", "USDT", SOL_POLICY));
        assertThat(fixture.engine.currencyScale("SOL")).isEqualTo(9);
        assertThat(fixture.engine.currencyScale("USDT")).as("an existing scale never changes").isEqualTo(6);
        assertThat(fixture.engine.coinPairs()).containsExactly(BTC_USDT, EngineFixture.ETH_USDT, "SOL.USDT");
        assertThat(fixture.engine.pairPolicy("SOL.USDT")).isEqualTo(SOL_POLICY);
    }

    @Test
    void shouldRejectAnInvalidCoinPairWith4009()
    {
        fixture.assertRejectedUnchanged(new PutPair("sol", "USDT", 8, 6, SOL_POLICY), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new PutPair("USDT", "USDT", 6, 6, SOL_POLICY), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new PutPair("SOL.X", "USDT", 8, 6, SOL_POLICY), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new PutPair("", "USDT", 8, 6, SOL_POLICY), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new PutPair("A".repeat(17), "USDT", 8, 6, SOL_POLICY),
            Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new PutPair(null, "USDT", 8, 6, SOL_POLICY), Status.INVALID_COIN_PAIR);
        fixture.assertRejectedUnchanged(new PutPair("SOL", "USDT", 8, 6, null), Status.INVALID_COIN_PAIR);
    }

    @Test
    void shouldRejectAnInvalidPolicyWith4002()
    {
        rejectsPolicy(19, SOL_POLICY);
        rejectsPolicy(-1, SOL_POLICY);
        rejectsPolicy(1, SOL_POLICY);
        rejectsPolicy(8, policy(1_000, 5, 2, 1, 10, 0, 10, 1_000, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_000, 3, 2, 1, 10, 0, 10, 1_000, 2_000, null));
        rejectsPolicy(8, policy(1_000, 3, 2, 1, 10, 0, 10, 1_000, 2_000, "S".repeat(65)));
        rejectsPolicy(8, policy(0, 3, 2, 1, 10, 0, 10, 1_000, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_001, 3, 2, 1, 10, 0, 10, 1_000, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_000, 3, 2, 0, 10, 0, 10, 1_000, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_000, 3, 2, 11, 10, 0, 10, 1_000, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_000, 3, 2, 1, 10, -1, 10, 1_000, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_000, 3, 2, 1, 10, 11, 10, 1_000, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_000, 3, 2, 1, 10, 0, 10, -1, 2_000, "Solana"));
        rejectsPolicy(8, policy(1_000, 3, 2, 1, 10, 0, 10, 1_000, 1_000_001, "Solana"));
        fixture.assertRejectedUnchanged(new PutPair("SOL", "USDT", 8, 6,
            new PairPolicy("Solana", 10_000, 3, 4, 1, 10, 0, 10, 0, 0, PairState.TRADING)),
            Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new PutPair("SOL", "USDT", 8, 6,
            new PairPolicy("Solana", 10_000, 2, 4, 1, 10, 0, 10, 0, 0, null)), Status.INVALID_PARAMETER);
    }

    private void rejectsPolicy(final int currencyScale, final PairPolicy policy)
    {
        fixture.assertRejectedUnchanged(new PutPair("SOL", "USDC", currencyScale, 3, policy),
            Status.INVALID_PARAMETER);
    }

    private static PairPolicy policy(
        final long minPrice,
        final int priceDecimals,
        final int amountDecimals,
        final long minAmount,
        final long maxAmount,
        final long minVolume,
        final long maxVolume,
        final int makerFeePpm,
        final int takerFeePpm,
        final String name)
    {
        return new PairPolicy(name, minPrice, priceDecimals, amountDecimals, minAmount, maxAmount, minVolume,
            maxVolume, makerFeePpm, takerFeePpm, PairState.TRADING);
    }

    @Test
    void shouldRefuseToChangeDecimalsWhileThePairHasOpenOrders()
    {
        final long account = fixture.fundedAccount(0, 0, usdt("1000"));
        final long order = fixture.limit(account, BTC_USDT, BUY, usdt("100"), btc("1"));
        final PairPolicy current = fixture.engine.pairPolicy(BTC_USDT);
        final PairPolicy fewerDecimals = new PairPolicy("Bitcoin", usdt("0.1"), 1, 4, btc("0.0001"), btc("1000"),
            usdt("1"), usdt("10000000"), 1000, 2000, PairState.TRADING);
        final PairPolicy otherAmountDecimals = new PairPolicy("Bitcoin", usdt("0.01"), 2, 3, btc("0.001"),
            btc("1000"), usdt("1"), usdt("10000000"), 1000, 2000, PairState.TRADING);

        fixture.assertRejectedUnchanged(new PutPair("BTC", "USDT", 8, 6, fewerDecimals), Status.INVALID_PARAMETER);
        fixture.assertRejectedUnchanged(new PutPair("BTC", "USDT", 8, 6, otherAmountDecimals),
            Status.INVALID_PARAMETER);
        assertThat(fixture.engine.pairPolicy(BTC_USDT)).isEqualTo(current);

        fixture.cancel(account, order);
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, fewerDecimals));
        assertThat(fixture.engine.pairPolicy(BTC_USDT)).isEqualTo(fewerDecimals);
        fixture.assertRejectedUnchanged(PlaceOrder.limit(account, BTC_USDT, BUY,
            usdt("100.01"), btc("1")), Status.PRICE_OUT_OF_SCALE);
    }

    @Test
    void shouldApplyNewFeeRatesToNewOrdersOnly()
    {
        final long seller = fixture.fundedAccount(btc("10"), 0, 0);
        final long buyer = fixture.fundedAccount(0, 0, usdt("1000"));
        final long old = fixture.limit(seller, BTC_USDT, SELL, usdt("100"), btc("1"));
        fixture.succeed(new PutPair("BTC", "USDT", 8, 6, new PairPolicy("Bitcoin", usdt("0.01"), 2, 4,
            btc("0.0001"), btc("1000"), usdt("1"), usdt("10000000"), 5000, 7000, PairState.TRADING)));
        fixture.limit(buyer, BTC_USDT, BUY, usdt("100"), btc("1"));

        final TradeExecuted trade = fixture.trades().get(0);
        assertThat(trade.makerOrderId()).isEqualTo(old);
        assertThat(trade.makerFee()).isEqualTo(usdt("0.1"));
        assertThat(trade.takerFee()).isEqualTo(usdt("0.7"));
    }
}
