package dev.bourse.cli;

import dev.bourse.client.BourseAdminClient;
import dev.bourse.client.TransferRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;

/**
 * {@code bourse admin}: the operator's commands over the admin API (accounts, API keys, deposits and withdrawals,
 * pairs). The admin API listens on 127.0.0.1 only and takes a bearer token.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
        "Operate the exchange: accounts, API keys, deposits, withdrawals and pairs.",
        "Uses the admin API (127.0.0.1:8081 by default) and needs the admin token: --admin-token, "
        + "--data-dir DIR (the token the server generated in DIR/admin.token), BOURSE_ADMIN_TOKEN, or adminToken in "
        + "the config file."},
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {AdminAccountCommand.class, AdminKeyCommand.class, AdminPairCommand.class},
    footer = {
        "",
        "Examples:",
        "  ./bourse admin account create --data-dir ./data",
        "  ./bourse admin key issue --account 1 --rps 10 --rpm 600",
        "  ./bourse admin deposit --account 1 --currency USDT --amount 10000",
        "  ./bourse admin pair set ETH.USDT --state CANCEL_ONLY"})
public final class AdminCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "name a command: account, key, deposit, withdraw, pair");
    }

    /** @return the exit code. */
    @Command(
        name = "deposit",
        mixinStandardHelpOptions = true,
        description = "Credit an account (amount minus fee). Prints the transfer as the account's history shows it.",
        footer = {"", "Examples:", "  ./bourse admin deposit --account 1 --currency USDT --amount 10000",
            "  ./bourse admin deposit --account 1 --currency BTC --amount 1 --fee 0.0001 \\",
            "      --address bc1qexample"})
    int deposit(@Mixin final AdminOptions options, @Mixin final TransferOptions transfer)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            return Sdk.print(options, client.deposit(transfer.accountId, transfer.request()), Views.TRANSFER);
        }
    }

    /** @return the exit code. */
    @Command(
        name = "withdraw",
        mixinStandardHelpOptions = true,
        description = "Debit an account (amount plus fee; 3301 beyond its available balance).",
        footer = {"", "Example:", "  ./bourse admin withdraw --account 1 --currency USDT --amount 500 "
            + "--fee 1"})
    int withdraw(@Mixin final AdminOptions options, @Mixin final TransferOptions transfer)
    {
        try (BourseAdminClient client = Sdk.admin(options))
        {
            return Sdk.print(options, client.withdraw(transfer.accountId, transfer.request()), Views.TRANSFER);
        }
    }

    /** The options of a deposit or a withdrawal. */
    public static final class TransferOptions
    {
        @Option(names = "--account", required = true, paramLabel = "ID", description = "The account.")
        long accountId;

        @Option(names = "--currency", required = true, paramLabel = "CURRENCY", description = "The currency.")
        String currency;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The amount (positive).")
        BigDecimal amount;

        @Option(names = "--fee", paramLabel = "AMOUNT", description = "A fee kept by the exchange (default none).")
        BigDecimal fee;

        @Option(names = "--address", paramLabel = "ADDRESS", description = "An address to record.")
        String address;

        @Option(names = "--tag", paramLabel = "TAG", description = "A tag or memo to record.")
        String tag;

        @Option(names = "--bank-name", paramLabel = "NAME", description = "A bank name to record.")
        String bankName;

        @Option(names = "--account-no", paramLabel = "NUMBER", description = "A bank account number to record.")
        String accountNo;

        TransferRequest request()
        {
            return new TransferRequest(currency, amount, fee, address, tag, bankName, accountNo);
        }
    }
}
