package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.BourseClient;
import dev.bourse.client.PairPolicyUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code bourse} tool as a user runs it: the shaded jar in its own process against a real server, its stdout
 * parsed as JSON, its stderr and exit code checked.
 */
class CliIT
{
    @TempDir
    static Path dataDir;

    @TempDir
    Path home;

    private static TestExchange exchange;

    @BeforeAll
    static void startExchange() throws IOException
    {
        exchange = new TestExchange(dataDir);
    }

    @AfterAll
    static void stopExchange()
    {
        exchange.close();
    }

    private CliProcess cli() throws IOException
    {
        return new CliProcess(home)
            .env("BOURSE_URL", exchange.publicUrl())
            .env("BOURSE_ADMIN_URL", exchange.adminUrl());
    }

    private CliProcess cliOf(final TestExchange.Trader trader) throws IOException
    {
        return cli().env("BOURSE_API_KEY", trader.apiKey()).env("BOURSE_API_SECRET", trader.apiSecret());
    }

    private static JsonNode ok(final CliProcess.Result result)
    {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).as(result.toString()).isEmpty();
        return result.json();
    }

    private static void assertRefused(final CliProcess.Result result, final int statusCode)
    {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(result.stdout()).as(result.toString()).isEmpty();
        assertThat(result.stderr()).as(result.toString()).startsWith("bourse: statusCode " + statusCode + ": ");
    }

    private static List<Long> orderIds(final JsonNode orders)
    {
        final List<Long> ids = new ArrayList<>();
        orders.forEach(order -> ids.add(order.get("orderID").asLong()));
        return ids;
    }

    @Test
    void shouldSimulateAMarketUntilStoppedAndThenLeaveNoOrder() throws Exception
    {
        final String dir = dataDir.toString();
        try (BourseAdminClient admin = BourseAdminClient.builder(URI.create(exchange.adminUrl()),
                exchange.server.adminToken()).build();
             BourseClient market = BourseClient.builder(URI.create(exchange.publicUrl())).build())
        {
            admin.putPair("XSIM.USDT", PairPolicyUpdate.builder().minPrice(new BigDecimal("0.01")).priceDecimals(2)
                .amountDecimals(4).amountLimits(new BigDecimal("0.001"), new BigDecimal("100000"))
                .volumeLimits(new BigDecimal("0.1"), new BigDecimal("10000000"))
                .feeRatesPercent(new BigDecimal("0.1"), new BigDecimal("0.2")).build());

            final CliProcess.Running running = cli().start("simulate", "--pairs", "XSIM.USDT", "--price",
                "XSIM.USDT=100", "--label", "cli-sim", "--seed", "3", "--set", "refreshMs=200", "--data-dir", dir);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (market.orderBook("XSIM.USDT").bids().isEmpty() || market.orderBook("XSIM.USDT").asks().isEmpty())
            {
                assertThat(System.nanoTime()).as("the simulator quoting; stdout so far: %s", running.stdoutSoFar())
                    .isLessThan(deadline);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            final CliProcess.Result stopped = running.stop();

            assertThat(stopped.exitCode()).as("the status of a JVM stopped by SIGTERM: %s", stopped).isEqualTo(143);
            assertThat(stopped.stdout()).contains("Simulating XSIM.USDT on " + exchange.publicUrl());
            assertThat(stopped.stderr()).contains("Simulated market stopped").doesNotContain("WARN", "ERROR");
            final List<Long> accounts = admin.accountIds("cli-sim");
            assertThat(accounts).hasSize(2);
            for (final long accountId : accounts)
            {
                assertThat(admin.account(accountId).openOrderCount()).as("orders of %d after the stop", accountId)
                    .isZero();
            }
        }
    }

    @Test
    void shouldRefuseASimulationItCannotRunWithAUsageError() throws Exception
    {
        final CliProcess cli = cli();
        final String dir = dataDir.toString();

        final CliProcess.Result unknownPair = cli.run("simulate", "--pairs", "NOPE.USDT", "--data-dir", dir);
        final CliProcess.Result noToken = cli.run("simulate", "--pairs", "BTC.USDT");
        final CliProcess.Result missingFile = cli.run("simulate", "--pairs", "BTC.USDT", "--replay",
            "BTC.USDT=" + home.resolve("nowhere.csv"), "--data-dir", dir);

        for (final CliProcess.Result result : List.of(unknownPair, noToken, missingFile))
        {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(result.stdout()).as(result.toString()).isEmpty();
        }
        assertThat(unknownPair.stderr()).contains("NOPE.USDT does not exist");
        assertThat(noToken.stderr()).contains("no admin token");
        assertThat(missingFile.stderr()).contains("nowhere.csv");
    }

    @Test
    void shouldOpenLabelledAccountsAndListThem() throws Exception
    {
        final CliProcess cli = cli();
        final String dir = dataDir.toString();

        final JsonNode created = ok(cli.run("admin", "account", "create", "--label", "desk-1", "--data-dir", dir,
            "--json"));
        final long accountId = created.get("accountId").asLong();
        final JsonNode listed = ok(cli.run("admin", "account", "list", "--label", "desk-1", "--data-dir", dir,
            "--json"));
        final CliProcess.Result shown =
            cli.run("admin", "account", "show", Long.toString(accountId), "--data-dir", dir);
        final CliProcess.Result table = cli.run("admin", "account", "list", "--label", "desk-1", "--data-dir", dir);

        assertThat(created.get("label").asText()).isEqualTo("desk-1");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).asLong()).isEqualTo(accountId);
        assertThat(shown.stdout()).contains("account " + accountId + " (desk-1)");
        assertThat(table.stdout()).isEqualTo(accountId + "\n");
        assertRefused(cli.run("admin", "account", "create", "--label", "no spaces", "--data-dir", dir), 4002);
    }

    @Test
    void shouldOpenAnAccountIssueAKeyAndDepositWithTheTokenFromTheDataDirectory() throws Exception
    {
        final CliProcess cli = cli();
        final String dir = dataDir.toString();

        final long accountId = ok(cli.run("admin", "account", "create", "--data-dir", dir, "--json"))
            .get("accountId").asLong();
        final JsonNode key = ok(cli.run("admin", "key", "issue", "--account", Long.toString(accountId),
            "--rps", "20", "--rpm", "600", "--data-dir", dir, "--json"));
        final JsonNode deposit = ok(cli.run("admin", "deposit", "--account", Long.toString(accountId),
            "--currency", "USDT", "--amount", "1234.5", "--fee", "0.5", "--data-dir", dir, "--json"));
        final JsonNode keys = ok(cli.run("admin", "key", "list", "--account", Long.toString(accountId),
            "--data-dir", dir, "--json"));
        final CliProcess.Result shown =
            cli.run("admin", "account", "show", Long.toString(accountId), "--data-dir", dir);

        assertThat(accountId).isPositive();
        assertThat(key.get("accountId").asLong()).isEqualTo(accountId);
        assertThat(key.get("apiSecret").asText()).hasSize(32);
        assertThat(key.get("rps").asInt()).isEqualTo(20);
        assertThat(deposit.get("transferType").asText()).isEqualTo("DEPOSIT");
        assertThat(deposit.get("total").decimalValue()).as("amount + fee, as the original defines it")
            .isEqualByComparingTo("1235");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("apiKey").asText()).isEqualTo(key.get("apiKey").asText());
        assertThat(keys.get(0).get("enabled").asBoolean()).isTrue();
        assertThat(keys.get(0).has("apiSecret")).isFalse();
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.stdout()).contains("account " + accountId).containsPattern("USDT +1234 +1234\n");

        final CliProcess.Result balances = cli.run(Map.of("BOURSE_API_KEY", key.get("apiKey").asText(),
            "BOURSE_API_SECRET", key.get("apiSecret").asText()), "balances", "--currency", "USDT", "--json");
        assertThat(ok(balances).get("availableBalance").decimalValue()).isEqualByComparingTo("1234");

        ok(cli.run("admin", "key", "revoke", key.get("apiKey").asText(), "--admin-token",
            exchange.server.adminToken(), "--json"));
        assertRefused(cli.run(Map.of("BOURSE_API_KEY", key.get("apiKey").asText(),
            "BOURSE_API_SECRET", key.get("apiSecret").asText()), "balances"), 6002);
    }

    @Test
    void shouldPlaceListShowCancelAndCancelAllOrders() throws Exception
    {
        final TestExchange.Trader trader = exchange.trader("10000", "1");
        final CliProcess cli = cliOf(trader);

        final long buy = ok(cli.run("order", "place", "--pair", "BTC.USDT", "--side", "BUY", "--type", "LIMIT",
            "--price", "100", "--quantity", "0.5", "--json")).get("orderID").asLong();
        final long sell = ok(cli.run("order", "place", "--pair", "BTC.USDT", "--side", "sell", "--price", "120.5",
            "--quantity", "0.25", "--json")).get("orderID").asLong();
        final long stop = ok(cli.run("order", "place", "--pair", "BTC.USDT", "--side", "SELL", "--type", "STOPLIMIT",
            "--stop-price", "90", "--price", "89", "--quantity", "0.1", "--json")).get("orderID").asLong();
        final JsonNode open = ok(cli.run("order", "list", "--pair", "BTC.USDT", "--json"));

        assertThat(orderIds(open)).containsExactlyInAnyOrder(buy, sell, stop);
        for (final JsonNode order : open)
        {
            final long id = order.get("orderID").asLong();
            assertThat(order.get("currency").asText()).isEqualTo("BTC");
            assertThat(order.get("market").asText()).isEqualTo("USDT");
            assertThat(order.get("orderType").asText()).isEqualTo(id == stop ? "STOPLIMIT" : "LIMIT");
            assertThat(order.get("orderSide").asText()).isEqualTo(id == buy ? "BUY" : "SELL");
            assertThat(order.get("price").decimalValue())
                .isEqualByComparingTo(id == buy ? "100" : id == sell ? "120.5" : "89");
            assertThat(order.get("remainAmount").decimalValue())
                .isEqualByComparingTo(id == buy ? "0.5" : id == sell ? "0.25" : "0.1");
            assertThat(order.has("stopPrice")).isEqualTo(id == stop);
        }

        final JsonNode info = ok(cli.run("order", "info", Long.toString(buy), "--json"));
        assertThat(info.get("orderID").asLong()).isEqualTo(buy);
        assertThat(info.get("status").asText()).isEqualTo("REQUEST");
        assertThat(info.get("requestAmount").decimalValue()).isEqualByComparingTo("0.5");

        final JsonNode cancelled = ok(cli.run("order", "cancel", Long.toString(buy), "--json"));
        assertThat(cancelled.get("orderID").asLong()).isEqualTo(buy);
        assertThat(ok(cli.run("order", "info", Long.toString(buy), "--json")).get("status").asText())
            .isEqualTo("COMPLETE");

        final JsonNode all = ok(cli.run("order", "cancel-all", "--pair", "BTC.USDT", "--json"));
        assertThat(all.get("orderIDList")).extracting(JsonNode::asLong).containsExactly(
            Math.min(sell, stop), Math.max(sell, stop));
        assertThat(ok(cli.run("order", "list", "--pair", "BTC.USDT", "--json"))).isEmpty();

        final CliProcess.Result table = cli.run("balances");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdout()).startsWith("CURRENCY  BALANCE  AVAILABLE\n")
            .containsPattern("BTC +1 +1\n").containsPattern("USDT +10000 +10000\n");
    }

    @Test
    void shouldPlaceWithClientIdsAndOptionsCancelAllOnEveryPairOrOneSideAndArmTheDeadMansSwitch() throws Exception
    {
        final TestExchange.Trader trader = exchange.trader("10000", "1");
        final CliProcess cli = cliOf(trader);
        final String[] post = {"order", "place", "--pair", "BTC.USDT", "--side", "BUY", "--price", "100",
            "--quantity", "0.5", "--tif", "POST_ONLY", "--stp", "EXPIRE_TAKER", "--client-id", "grid-1", "--json"};
        final long grid = ok(cli.run(post)).get("orderID").asLong();
        assertThat(ok(cli.run(post)).get("orderID").asLong()).as("placed once").isEqualTo(grid);
        final long ethBuy = ok(cli.run("order", "place", "--pair", "ETH.BTC", "--side", "BUY", "--price", "0.01",
            "--quantity", "1", "--json")).get("orderID").asLong();
        final long sell = ok(cli.run("order", "place", "--pair", "BTC.USDT", "--side", "SELL", "--price", "120",
            "--quantity", "0.25", "--json")).get("orderID").asLong();

        final JsonNode info = ok(cli.run("order", "info", "--client-id", "grid-1", "--json"));
        assertThat(info.get("orderID").asLong()).isEqualTo(grid);
        assertThat(info.get("clientOrderId").asText()).isEqualTo("grid-1");
        assertThat(cli.run("order", "list", "--pair", "BTC.USDT").stdout()).contains("CLIENT_ID").contains("grid-1");

        assertThat(ok(cli.run("order", "cancel-all", "--side", "SELL", "--json")).get("orderIDList"))
            .extracting(JsonNode::asLong).containsExactly(sell);
        final JsonNode armed = ok(cli.run("order", "dead-man", "--after", "30s", "--json"));
        assertThat(armed.get("triggerAt").asLong() - armed.get("requestAt").asLong()).isEqualTo(30_000);
        assertThat(cli.run("order", "dead-man", "--after", "2m", "--pair", "ETH.BTC").stdout())
            .startsWith("dead man's switch armed: your orders are cancelled at ");
        assertThat(ok(cli.run("order", "dead-man", "--off", "--json")).get("triggerAt").asLong()).isZero();
        assertThat(ok(cli.run("order", "cancel", "--client-id", "grid-1", "--json")).get("orderID").asLong())
            .isEqualTo(grid);
        assertThat(ok(cli.run("order", "cancel-all", "--json")).get("orderIDList")).extracting(JsonNode::asLong)
            .containsExactly(ethBuy);

        assertRefused(cli.run("order", "place", "--pair", "BTC.USDT", "--side", "SELL", "--type", "STOPLIMIT",
            "--stop-price", "90", "--price", "89", "--quantity", "0.1", "--tif", "IOC"), 4002);
        assertRefused(cli.run("order", "dead-man", "--after", "500ms"), 4002);
        for (final String[] usage : List.of(new String[] {"order", "dead-man"},
            new String[] {"order", "dead-man", "--after", "30x"}, new String[] {"order", "dead-man", "--off",
            "--after", "1s"}, new String[] {"order", "info"}, new String[] {"order", "cancel", "1", "--client-id",
            "x"}, new String[] {"order", "cancel-all", "--side", "BOTH"}, new String[] {"order", "place", "--pair",
            "BTC.USDT", "--side", "BUY", "--type", "MARKET", "--quantity", "1", "--tif", "IOC"}))
        {
            assertThat(cli.run(usage).exitCode()).as(String.join(" ", usage)).isEqualTo(ExitCode.USAGE);
        }
    }

    @Test
    void shouldShowMarketDataMyTradesAndTransfersAfterATrade() throws Exception
    {
        final TestExchange.Trader maker = exchange.trader("0", "2");
        final TestExchange.Trader taker = exchange.trader("10000", "0");
        ok(cliOf(maker).run("order", "place", "--pair", "BTC.USDT", "--side", "SELL", "--price", "1000",
            "--quantity", "1.5", "--json"));
        final long market = ok(cliOf(taker).run("order", "place", "--pair", "BTC.USDT", "--side", "BUY",
            "--type", "MARKET", "--quantity", "0.5", "--json")).get("orderID").asLong();

        final JsonNode fills = ok(cliOf(taker).run("trades", "--pair", "BTC.USDT", "--json"));
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).get("orderID").asLong()).isEqualTo(market);
        assertThat(fills.get(0).get("price").decimalValue()).isEqualByComparingTo("1000");
        assertThat(fills.get(0).get("amount").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(fills.get(0).get("fee").decimalValue()).isEqualByComparingTo("1");

        final JsonNode trades = ok(cli().run("market", "trades", "--pair", "BTC.USDT", "--max", "1", "--json"));
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).get("orderSide").asText()).isEqualTo("BUY");
        assertThat(trades.get(0).get("totalValue").decimalValue()).isEqualByComparingTo("500");
        final JsonNode everyPair = ok(cli().run("market", "trades", "--max", "1", "--json"));
        assertThat(everyPair.get(0).get("transactionID")).isEqualTo(trades.get(0).get("transactionID"));
        assertThat(cli().run("market", "trades", "--max", "1").stdout()).containsPattern("BTC\\.USDT +BUY +1000 ");

        final JsonNode book = ok(cli().run("market", "book", "--pair", "BTC.USDT", "--depth", "5", "--json"));
        assertThat(book.get("ASK").get(0).get("price").decimalValue()).isEqualByComparingTo("1000");
        assertThat(book.get("ASK").get(0).get("amount").decimalValue()).isEqualByComparingTo("1");

        final JsonNode ticker = ok(cli().run("market", "ticker", "--pair", "BTC.USDT", "--json"));
        assertThat(ticker.get("last").decimalValue()).isEqualByComparingTo("1000");
        assertThat(ticker.get("ask").decimalValue()).isEqualByComparingTo("1000");

        final JsonNode pairs = ok(cli().run("market", "pairs", "--json"));
        assertThat(pairs).extracting(pair -> pair.get("coinType").asText() + "." + pair.get("marketType").asText())
            .contains("BTC.USDT", "ETH.BTC", "BCH.ETH");
        assertThat(pairs.get(0).get("minPriceUnit").asText()).isEqualTo(pairs.get(0).get("marketType").asText());
        assertThat(cli().run("market", "pairs").stdout()).contains("PRICE_DECIMALS");

        final JsonNode transfers = ok(cliOf(taker).run("transfers", "--currency", "USDT", "--json"));
        assertThat(transfers.get("totalElements").asLong()).isEqualTo(1);
        assertThat(transfers.get("content").get(0).get("amount").decimalValue()).isEqualByComparingTo("10000");

        final CliProcess.Result tickerTable = cli().run("market", "ticker", "--pair", "BTC.USDT");
        assertThat(tickerTable.stdout()).containsPattern("(?m)^last +1000$");
    }

    @Test
    void shouldExitOneWithTheStatusCodeAndMessageOnStderrWhenTheExchangeRefuses() throws Exception
    {
        final CliProcess cli = cliOf(exchange.trader("10", "0"));

        assertRefused(cli.run("order", "place", "--pair", "BTC.USDT", "--side", "BUY", "--price", "100",
            "--quantity", "1"), 3301);
        assertRefused(cli.run("order", "cancel", "99999999999999"), 3321);
        assertRefused(cli.run("market", "ticker", "--pair", "NOPE.USDT", "--json"), 4009);
        assertThat(ok(cli.run("order", "list", "--market", "USDT", "--json"))).isEmpty();
    }

    @Test
    void shouldSetAPairsPolicyAndStateAndRefuseOrdersWhileCancelOnly() throws Exception
    {
        final CliProcess cli = cli().env("BOURSE_ADMIN_TOKEN", exchange.server.adminToken());

        final JsonNode created = ok(cli.run("admin", "pair", "set", "SOL.USDT", "--min-price", "0.01",
            "--min-price-decimal", "2", "--min-amount-decimal", "4", "--trade-min-amount", "0.01",
            "--trade-max-amount", "1000", "--trade-min-volume", "1", "--trade-max-volume", "1000000",
            "--maker-fee-rate", "0.1", "--taker-fee-rate", "0.2", "--json"));
        assertThat(created.get("coinType").asText()).isEqualTo("SOL");
        assertThat(created.get("trade").asBoolean()).isTrue();
        assertThat(created.get("tradeTakerFeeRate").decimalValue()).isEqualByComparingTo("0.2");

        final JsonNode halted = ok(cli.run("admin", "pair", "set", "SOL.USDT", "--state", "cancel_only", "--json"));
        assertThat(halted.get("trade").asBoolean()).isFalse();
        assertThat(halted.get("minPriceDecimal").asInt()).isEqualTo(2);

        final TestExchange.Trader trader = exchange.trader("100", "0");
        assertRefused(cliOf(trader).run("order", "place", "--pair", "SOL.USDT", "--side", "BUY",
            "--price", "10", "--quantity", "1"), 3113);

        assertThat(ok(cli.run("admin", "pair", "set", "SOL.USDT", "--state", "TRADING", "--json"))
            .get("trade").asBoolean()).isTrue();
        ok(cliOf(trader).run("order", "place", "--pair", "SOL.USDT", "--side", "BUY", "--price", "10",
            "--quantity", "1", "--json"));
    }

    @Test
    void shouldWithdrawAndRefuseAWithdrawalBeyondTheBalance() throws Exception
    {
        final TestExchange.Trader trader = exchange.trader("100", "0");
        final CliProcess cli = cliOf(trader).env("BOURSE_ADMIN_TOKEN", exchange.server.adminToken());
        final String account = Long.toString(trader.accountId());

        assertRefused(cli.run("admin", "withdraw", "--account", account, "--currency", "USDT", "--amount", "101"),
            3301);
        final JsonNode withdrawal = ok(cli.run("admin", "withdraw", "--account", account, "--currency", "USDT",
            "--amount", "40", "--fee", "1", "--address", "0xabc", "--json"));
        assertThat(withdrawal.get("total").decimalValue()).isEqualByComparingTo("41");

        final JsonNode page = ok(cli.run("transfers", "--type", "WITHDRAW", "--json"));
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("content").get(0).get("address").asText()).isEqualTo("0xabc");
        assertThat(ok(cli.run("balances", "--currency", "USDT", "--json")).get("balance").decimalValue())
            .isEqualByComparingTo("59");
    }

    @Test
    void shouldExitTwoOnUsageMistakesWithoutSendingAnything() throws Exception
    {
        final CliProcess cli = cli();

        final CliProcess.Result noSide = cli.run("order", "place", "--pair", "BTC.USDT", "--price", "1",
            "--quantity", "1");
        final CliProcess.Result noKey = cli.run("balances");
        final CliProcess.Result marketWithPrice = cli.run("order", "place", "--pair", "BTC.USDT", "--side", "BUY",
            "--type", "MARKET", "--price", "1", "--quantity", "1");
        final CliProcess.Result noToken = cli.run("admin", "account", "create");

        assertThat(noSide.exitCode()).as(noSide.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(noSide.stderr()).contains("--side").contains("bourse order place --help");
        assertThat(noKey.exitCode()).as(noKey.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(noKey.stderr()).contains("BOURSE_API_KEY").contains("--api-key");
        assertThat(marketWithPrice.exitCode()).as(marketWithPrice.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(noToken.exitCode()).as(noToken.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(noToken.stderr()).contains("admin token");
        assertThat(List.of(noSide, noKey, marketWithPrice, noToken)).allSatisfy(
            result -> assertThat(result.stdout()).isEmpty());
    }

    @Test
    void shouldExitThreeWhenTheServerCannotBeReached() throws Exception
    {
        final CliProcess.Result result = cli().run("market", "pairs", "--url", "http://127.0.0.1:1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(result.stderr()).startsWith("bourse: ").contains("/v1/market/public/coins/pairPolicy");
    }

    @Test
    void shouldTakeCredentialsFromTheConfigFileThenEnvironmentThenFlags() throws Exception
    {
        final TestExchange.Trader trader = exchange.trader("7", "0");
        final Path config = Files.writeString(home.resolve("cli.properties"), "url=" + exchange.publicUrl()
            + "\napiKey=" + trader.apiKey() + "\napiSecret=" + trader.apiSecret() + "\n");
        final CliProcess cli = new CliProcess(home).env("BOURSE_CLI_CONFIG", config.toString());

        assertThat(ok(cli.run("balances", "--currency", "USDT", "--json")).get("balance").decimalValue())
            .isEqualByComparingTo("7");
        assertRefused(cli.run(Map.of("BOURSE_API_KEY", "unknownKeyOfTwentyCh"), "balances"), 6001);
        assertThat(ok(cli.run(Map.of("BOURSE_API_KEY", "unknownKeyOfTwentyCh"), "balances", "--currency", "USDT",
            "--api-key", trader.apiKey(), "--json")).get("balance").decimalValue()).isEqualByComparingTo("7");
    }

    @Test
    void shouldReadTheConfigFileInTheUsersHomeByDefault() throws Exception
    {
        final TestExchange.Trader trader = exchange.trader("3", "0");
        Files.createDirectories(home.resolve(".bourse"));
        Files.writeString(home.resolve(".bourse/config.properties"), "url=" + exchange.publicUrl()
            + "\napiKey=" + trader.apiKey() + "\napiSecret=" + trader.apiSecret() + "\n");

        final CliProcess.Result result = new CliProcess(home).run("balances", "--currency", "USDT", "--json");

        assertThat(ok(result).get("balance").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void shouldPrintHelpWithExamplesAndExitCodes() throws Exception
    {
        final CliProcess cli = cli();

        final CliProcess.Result root = cli.run("--help");
        final CliProcess.Result place = cli.run("order", "place", "--help");

        assertThat(root.exitCode()).isZero();
        assertThat(root.stdout()).contains("serve", "order", "balances", "trades", "transfers", "market", "admin",
            "Examples:");
        assertThat(place.exitCode()).isZero();
        assertThat(place.stdout()).contains("--stop-price", "Examples:", "Exit codes:", "STOPLIMIT");
    }
}
