package dev.bourse.client;

/**
 * The filter of the caller's deposits and withdrawals (transactionHistory). Every field is optional (null).
 *
 * @param currency     one currency, or null for all.
 * @param startTimeMs  from this time, or null for the epoch.
 * @param endTimeMs    to this time, or null for now.
 * @param transferType DEPOSIT or WITHDRAW, or null for both.
 * @param page         the page from 0, or null for 0.
 * @param pageSize     the page size (at most 1000), or null for 20.
 */
public record TransactionHistoryQuery(
    String currency, Long startTimeMs, Long endTimeMs, TransferType transferType, Integer page, Integer pageSize)
{
    /** @return every transfer, first page. */
    public static TransactionHistoryQuery all()
    {
        return new TransactionHistoryQuery(null, null, null, null, null, null);
    }

    /** @return this query for one currency. */
    public TransactionHistoryQuery withCurrency(final String currency)
    {
        return new TransactionHistoryQuery(currency, startTimeMs, endTimeMs, transferType, page, pageSize);
    }

    /** @return this query over [startTimeMs, endTimeMs]. */
    public TransactionHistoryQuery withTimeRange(final long startTimeMs, final long endTimeMs)
    {
        return new TransactionHistoryQuery(currency, startTimeMs, endTimeMs, transferType, page, pageSize);
    }

    /** @return this query for one transfer type. */
    public TransactionHistoryQuery withTransferType(final TransferType transferType)
    {
        return new TransactionHistoryQuery(currency, startTimeMs, endTimeMs, transferType, page, pageSize);
    }

    /** @return this query for one page. */
    public TransactionHistoryQuery withPage(final int page, final int pageSize)
    {
        return new TransactionHistoryQuery(currency, startTimeMs, endTimeMs, transferType, page, pageSize);
    }

    Form form()
    {
        return new Form().put("currency", currency).put("startTime", startTimeMs).put("endTime", endTimeMs)
            .put("transferType", transferType).put("page", page).put("pageSize", pageSize);
    }
}
