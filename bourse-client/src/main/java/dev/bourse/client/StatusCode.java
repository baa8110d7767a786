package dev.bourse.client;

import java.util.HashMap;
import java.util.Map;

/**
 * Every {@code statusCode} of the API (spec section 2), with its {@code statusMessage}. A code this version of the
 * SDK does not know maps to {@link #UNKNOWN}; {@link BourseException#code()} keeps the raw number.
 */
public enum StatusCode
{
    /** A code this SDK does not know; the raw code is in {@link BourseException#code()}. */
    UNKNOWN(-1, "Unknown status code"),
    SUCCESS(1000, "SUCCESS"),
    MEMBER_NOT_FOUND(1202, "Member not found"),
    PAIR_IN_MAINTENANCE(3113, "Currency pair system is in maintenance"),
    PRICE_TOO_LOW(3203, "Unit price cannot be lower than the minimum value"),
    PRICE_OUT_OF_SCALE(3204, "Unit price is out of scale"),
    AMOUNT_TOO_LOW(3211, "Amount is too low"),
    AMOUNT_TOO_HIGH(3212, "Amount is too high to order"),
    AMOUNT_OUT_OF_SCALE(3213, "AMOUNT has out of scale"),
    VOLUME_TOO_LOW(3221, "Volume is too low"),
    VOLUME_TOO_HIGH(3222, "Volume is too high to order"),
    /** Bourse's extension: a POST_ONLY order would have traded at once; nothing was placed. */
    POST_ONLY_WOULD_TAKE(3231, "Post-only order would take liquidity"),
    NOT_ENOUGH_BALANCE(3301, "Not enough balance for an order"),
    NOT_ENOUGH_REMAINED_AMOUNT(3302, "Not enough remained amount for a request"),
    ACTIVE_ORDER_COUNT_EXCEEDED(3311, "Active order count exceed"),
    ORIGINAL_REQUEST_NOT_FOUND(3321, "Original request not found"),
    INTERNAL_CORE_ERROR(3401, "Internal core system error"),
    BAD_REQUEST(4000, "Bad request"),
    MISSING_AUTH_HEADER(4001, "X-API-Key, X-API-SIGN, or X-API-TIMESTAMP is missing"),
    INVALID_PARAMETER(4002, "Invalid parameter value"),
    INVALID_SIGNATURE(4003, "Invalid signature"),
    DUPLICATE_SIGNATURE(4005, "Duplicate signature usage detected"),
    INVALID_ORDER_SIDE(4006, "Invalid ‘orderSide’ parameter"),
    INVALID_QUANTITY(4007, "Invalid ‘quantity’ parameter (should be greater than 0)"),
    INVALID_PRICE(4008, "Invalid ‘price’ parameter (should be greater than 0)"),
    INVALID_COIN_PAIR(4009, "Invalid ‘coinPair’"),
    INVALID_MARKET(4010, "Invalid ‘market’"),
    INVALID_CURRENCY(4011, "Invalid ‘currency’"),
    MANDATORY_PARAMETER_MISSING(4012, "Mandatory parameter not passed"),
    INVALID_TIMESTAMP(4013, "Invalid timestamp"),
    INVALID_TRANSFER_TYPE(4014, "Invalid transfer type"),
    INVALID_PAGE_NUMBER(4015, "Invalid page number"),
    INVALID_PAGE_SIZE(4016, "Invalid page size"),
    UNSUPPORTED_METHOD(4017, "Unsupported request method"),
    INVALID_NONCE(4018, "Invalid X-API-NONCE"),
    ACCOUNT_NOT_FOUND(4101, "Account not found"),
    INTERNAL_SERVER_ERROR(5000, "Internal server side error"),
    /** The server's command queue was full; nothing was applied. Reads and cancels are retried on it. */
    INTERNAL_TIMEOUT(5001, "Internal timeout error"),
    SOCKET_TIMEOUT(5002, "Socket timeout exception"),
    UNAUTHORIZED(6000, "Unauthorized request"),
    UNREGISTERED_API_KEY(6001, "Unregistered API KEY"),
    INVALID_API_KEY(6002, "Invalid API KEY"),
    UNAUTHORIZED_IP(6003, "Unauthorized IP"),
    RATE_LIMIT_EXCEEDED(6004, "API RPS limit exceeded"),
    /** The request's timestamp was outside the server's window; the client re-measures its clock offset once. */
    INVALID_REQUEST_TIMESTAMP(6005, "Invalid request timestamp");

    private static final Map<Integer, StatusCode> BY_CODE = new HashMap<>();

    static
    {
        for (final StatusCode status : values())
        {
            BY_CODE.put(status.code, status);
        }
    }

    private final int code;
    private final String message;

    StatusCode(final int code, final String message)
    {
        this.code = code;
        this.message = message;
    }

    /** @return the numeric {@code statusCode}; -1 for {@link #UNKNOWN}. */
    public int code()
    {
        return code;
    }

    /** @return the spec's {@code statusMessage} for this code. */
    public String message()
    {
        return message;
    }

    /** @return true for 1000. */
    public boolean isSuccess()
    {
        return this == SUCCESS;
    }

    /**
     * @param code a numeric {@code statusCode}.
     * @return its constant, or {@link #UNKNOWN} for a code this SDK does not know.
     */
    public static StatusCode of(final int code)
    {
        return BY_CODE.getOrDefault(code, UNKNOWN);
    }
}
