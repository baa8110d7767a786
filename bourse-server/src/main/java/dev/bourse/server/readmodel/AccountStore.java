package dev.bourse.server.readmodel;

import dev.bourse.engine.event.AccountCreated;
import dev.bourse.engine.event.BalanceChanged;
import dev.bourse.engine.event.TransferCompleted;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

/**
 * Read model of accounts: which exist, their labels, their balances per currency and their most recent deposits and
 * withdrawals (at most {@code maxTransfersPerAccount} each in memory, the oldest let go first: the durable history
 * keeps them). Written by the projection thread.
 */
public final class AccountStore
{
    /** A balance in base units; {@code available = balance - reserved}. */
    public record Balance(long balance, long available)
    {
        static final Balance ZERO = new Balance(0, 0);
    }

    private static final long KEEP_TRANSFERS_MS = Long.MAX_VALUE / 4;

    private final int maxTransfersPerAccount;
    private final HistoryWindow window;
    private final Map<Long, Map<String, Balance>> balances = new ConcurrentHashMap<>();
    private final Map<Long, TimeSeries<TransferCompleted>> transfers = new ConcurrentHashMap<>();
    private final Map<Long, String> labels = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Long>> accountsByLabel = new ConcurrentHashMap<>();
    private volatile long accountCount;

    /**
     * @param maxTransfersPerAccount how many transfers are kept in memory per account.
     * @param window                 told the sequence of every transfer let go.
     */
    public AccountStore(final int maxTransfersPerAccount, final HistoryWindow window)
    {
        this.maxTransfersPerAccount = maxTransfersPerAccount;
        this.window = window;
    }

    void onAccountCreated(final AccountCreated event)
    {
        label(event.accountId(), event.label());
        accountCount = Math.max(accountCount, event.accountId());
    }

    private void label(final long accountId, final String label)
    {
        if (!label.isEmpty())
        {
            labels.put(accountId, label);
            accountsByLabel.computeIfAbsent(label, ignore -> new ConcurrentSkipListSet<>()).add(accountId);
        }
    }

    void onBalanceChanged(final BalanceChanged event)
    {
        balances.computeIfAbsent(event.accountId(), id -> new ConcurrentHashMap<>())
            .put(event.currency(), new Balance(event.balance(), event.available()));
    }

    void onTransfer(final TransferCompleted event, final long sequence)
    {
        series(event.accountId()).append(event.timestampMs(), event.transferId(), sequence, event);
    }

    private TimeSeries<TransferCompleted> series(final long accountId)
    {
        return transfers.computeIfAbsent(accountId,
            id -> new TimeSeries<>(KEEP_TRANSFERS_MS, maxTransfersPerAccount, window));
    }

    /** Writes the account count, the labels, every balance and every transfer kept; the writer thread only. */
    void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeLong(accountCount);
        out.writeInt(labels.size());
        for (final Map.Entry<Long, String> label : labels.entrySet())
        {
            out.writeLong(label.getKey());
            out.writeUTF(label.getValue());
        }
        out.writeInt(balances.size());
        for (final Map.Entry<Long, Map<String, Balance>> account : balances.entrySet())
        {
            out.writeLong(account.getKey());
            out.writeInt(account.getValue().size());
            for (final Map.Entry<String, Balance> balance : account.getValue().entrySet())
            {
                out.writeUTF(balance.getKey());
                out.writeLong(balance.getValue().balance());
                out.writeLong(balance.getValue().available());
            }
        }
        out.writeInt(transfers.size());
        for (final Map.Entry<Long, TimeSeries<TransferCompleted>> account : transfers.entrySet())
        {
            out.writeLong(account.getKey());
            account.getValue().writeSnapshot(out, SnapshotFields::writeTransfer);
        }
    }

    /**
     * Restores an empty store from {@link #writeSnapshot} of the format, taken at the sequence; the first format was
     * written before accounts had labels.
     */
    void readSnapshot(final DataInput in, final int format, final long snapshotSequence) throws IOException
    {
        accountCount = in.readLong();
        final int labelled = format > 1 ? SnapshotFields.readCount(in, Integer.MAX_VALUE) : 0;
        for (int i = 0; i < labelled; i++)
        {
            label(in.readLong(), in.readUTF());
        }
        final int accounts = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < accounts; i++)
        {
            final Map<String, Balance> ofAccount = new ConcurrentHashMap<>();
            balances.put(in.readLong(), ofAccount);
            final int currencies = SnapshotFields.readCount(in, Integer.MAX_VALUE);
            for (int c = 0; c < currencies; c++)
            {
                ofAccount.put(in.readUTF(), new Balance(in.readLong(), in.readLong()));
            }
        }
        final int withTransfers = SnapshotFields.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < withTransfers; i++)
        {
            series(in.readLong()).readSnapshot(in, SnapshotFields::readTransfer, format, snapshotSequence);
        }
    }

    /** @return whether the account exists (IDs are 1..count). */
    public boolean exists(final long accountId)
    {
        return accountId >= 1 && accountId <= accountCount;
    }

    /** @return the account's label, empty for none. */
    public String label(final long accountId)
    {
        return labels.getOrDefault(accountId, "");
    }

    /** @return at most {@code max} accounts with the label from {@code fromAccountId} on, ascending. */
    public List<Long> accountsLabelled(final String label, final long fromAccountId, final int max)
    {
        final NavigableSet<Long> accounts = accountsByLabel.get(label);
        return accounts == null ? List.of() : accounts.tailSet(fromAccountId, true).stream().limit(max).toList();
    }

    /** @return the account's balance in the currency; zero when it never had any. */
    public Balance balance(final long accountId, final String currency)
    {
        final Map<String, Balance> ofAccount = balances.get(accountId);
        final Balance balance = ofAccount == null ? null : ofAccount.get(currency);
        return balance == null ? Balance.ZERO : balance;
    }

    /** @return the account's transfers in memory in the time range that pass the filter, newest first. */
    public List<TransferCompleted> transfers(
        final long accountId, final long fromMs, final long toMs, final Predicate<TransferCompleted> filter)
    {
        return transfers(accountId, fromMs, toMs, filter, 0);
    }

    /**
     * @return the account's transfers in memory in the time range that pass the filter, of commands after
     * {@code afterSequence}, newest first.
     */
    public List<TransferCompleted> transfers(
        final long accountId, final long fromMs, final long toMs, final Predicate<TransferCompleted> filter,
        final long afterSequence)
    {
        final TimeSeries<TransferCompleted> series = transfers.get(accountId);
        return series == null ? List.of() :
            series.newestFirst(fromMs, toMs, filter, maxTransfersPerAccount, afterSequence);
    }

    /** @return whether memory holds every transfer of the account from that time on. */
    public boolean transfersCompleteFrom(final long accountId, final long fromMs)
    {
        final TimeSeries<TransferCompleted> series = transfers.get(accountId);
        return series == null || series.completeFrom(fromMs);
    }
}
