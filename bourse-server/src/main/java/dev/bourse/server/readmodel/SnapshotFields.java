package dev.bourse.server.readmodel;

import dev.bourse.engine.EnumCodes;
import dev.bourse.engine.TransferDetails;
import dev.bourse.engine.event.ApiKeyIssued;
import dev.bourse.engine.event.OrderView;
import dev.bourse.engine.event.TransferCompleted;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.IntFunction;

/**
 * The fields of the read model's snapshot section: each record written field by field in declaration order, enums
 * by their explicit {@link EnumCodes} (never ordinals), counts checked against a bound on reading so that a damaged
 * section cannot make the reader allocate without limit.
 */
final class SnapshotFields
{
    private SnapshotFields()
    {
    }

    static int readCount(final DataInput in, final int max) throws IOException
    {
        final int count = in.readInt();
        if (count < 0 || count > max)
        {
            throw new IOException("a count of " + count + " is outside 0.." + max);
        }
        return count;
    }

    static <E extends Enum<E>> E readCode(final DataInput in, final IntFunction<E> decoder) throws IOException
    {
        final int code = in.readUnsignedByte();
        try
        {
            return decoder.apply(code);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IOException("the read model snapshot holds an " + ex.getMessage(), ex);
        }
    }

    static void writeOrderView(final DataOutput out, final OrderView view) throws IOException
    {
        out.writeLong(view.orderId());
        out.writeLong(view.accountId());
        out.writeUTF(view.coinPair());
        out.writeByte(EnumCodes.code(view.type()));
        out.writeByte(EnumCodes.code(view.side()));
        out.writeLong(view.price());
        out.writeLong(view.stopPrice());
        out.writeLong(view.initialQuantity());
        out.writeLong(view.cancelledQuantity());
        out.writeLong(view.remainQuantity());
        out.writeLong(view.filledQuantity());
        out.writeLong(view.filledVolume());
        out.writeLong(view.feePaid());
        out.writeLong(view.reservedValue());
        out.writeLong(view.reserveRemaining());
        out.writeInt(view.makerFeePpm());
        out.writeInt(view.takerFeePpm());
        out.writeByte(EnumCodes.code(view.status()));
        out.writeLong(view.createdAtMs());
        out.writeLong(view.completedAtMs());
        out.writeBoolean(view.clientOrderId() != null);
        if (view.clientOrderId() != null)
        {
            out.writeUTF(view.clientOrderId());
        }
    }

    /**
     * @param withClientOrderId whether the view was written with its client order ID (snapshot format 3 on); an
     *                          older view has none.
     */
    static OrderView readOrderView(final DataInput in, final boolean withClientOrderId) throws IOException
    {
        return new OrderView(in.readLong(), in.readLong(), in.readUTF(), readCode(in, EnumCodes::orderType),
            readCode(in, EnumCodes::side), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
            in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readInt(),
            readCode(in, EnumCodes::orderStatus), in.readLong(), in.readLong(),
            withClientOrderId && in.readBoolean() ? in.readUTF() : null);
    }

    static void writeTransfer(final DataOutput out, final TransferCompleted transfer) throws IOException
    {
        out.writeLong(transfer.transferId());
        out.writeLong(transfer.accountId());
        out.writeByte(EnumCodes.code(transfer.type()));
        out.writeUTF(transfer.currency());
        out.writeLong(transfer.amount());
        out.writeLong(transfer.fee());
        out.writeLong(transfer.total());
        final TransferDetails details = transfer.details();
        out.writeUTF(details.address());
        out.writeUTF(details.tag());
        out.writeUTF(details.bankName());
        out.writeUTF(details.accountNo());
        out.writeLong(transfer.timestampMs());
    }

    static TransferCompleted readTransfer(final DataInput in) throws IOException
    {
        return new TransferCompleted(in.readLong(), in.readLong(), readCode(in, EnumCodes::transferType), in.readUTF(),
            in.readLong(), in.readLong(), in.readLong(),
            new TransferDetails(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF()), in.readLong());
    }

    static void writeTrade(final DataOutput out, final MarketTrade trade) throws IOException
    {
        out.writeLong(trade.tradeId());
        out.writeUTF(trade.coinPair());
        out.writeLong(trade.price());
        out.writeLong(trade.quantity());
        out.writeLong(trade.volume());
        out.writeByte(EnumCodes.code(trade.takerSide()));
        out.writeLong(trade.timestampMs());
    }

    static MarketTrade readTrade(final DataInput in) throws IOException
    {
        return new MarketTrade(in.readLong(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
            readCode(in, EnumCodes::side), in.readLong());
    }

    static void writeFill(final DataOutput out, final AccountFill fill) throws IOException
    {
        out.writeLong(fill.tradeId());
        out.writeLong(fill.orderId());
        out.writeUTF(fill.coinPair());
        out.writeByte(EnumCodes.code(fill.side()));
        out.writeLong(fill.price());
        out.writeLong(fill.quantity());
        out.writeLong(fill.volume());
        out.writeLong(fill.fee());
        out.writeBoolean(fill.full());
        out.writeLong(fill.timestampMs());
    }

    static AccountFill readFill(final DataInput in) throws IOException
    {
        return new AccountFill(in.readLong(), in.readLong(), in.readUTF(), readCode(in, EnumCodes::side), in.readLong(),
            in.readLong(), in.readLong(), in.readLong(), in.readBoolean(), in.readLong());
    }

    static void writeApiKey(final DataOutput out, final ApiKeyIssued key) throws IOException
    {
        out.writeLong(key.accountId());
        out.writeUTF(key.apiKey());
        out.writeUTF(key.secretCiphertext());
        out.writeInt(key.requestsPerSecond());
        out.writeInt(key.requestsPerMinute());
        out.writeUTF(key.allowedIps());
    }

    static ApiKeyIssued readApiKey(final DataInput in) throws IOException
    {
        return new ApiKeyIssued(in.readLong(), in.readUTF(), in.readUTF(), in.readInt(), in.readInt(), in.readUTF());
    }
}
