package dev.bourse.loadgen;

import dev.bourse.protocol.RequestSigner;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One API key's trading: draws the next request from the {@link RequestMix}, signs it, and keeps the key's live
 * orders from the answers. Orders are 0.001 BTC on BTC.USDT; resting ones are priced 40,000 to 50,000 (buys) or
 * 50,000 to 60,000 (sells), crossing ones at 60,000 (buys) or 40,000 (sells). Used on one thread only.
 */
public final class TradingSession
{
    /** The pair traded. */
    public static final String COIN_PAIR = "BTC.USDT";

    private static final String QUANTITY = "0.001";
    private static final long MID_CENTS = 5_000_000;
    private static final long SPREAD_CENTS = 1_000_000;

    private final ApiCredentials credentials;
    private final byte[] secret;
    private final RequestMix mix;
    private final SplittableRandom random;
    private final NonceSequence nonces = new NonceSequence();
    private final long[] liveOrderIds;
    private int liveCount;

    /**
     * @param credentials the key to sign with.
     * @param mix         the shares of operations.
     * @param seed        the seed of the draws.
     * @param maxLive     live orders tracked; at this many, the next request is a cancel-all.
     */
    public TradingSession(final ApiCredentials credentials, final RequestMix mix, final long seed, final int maxLive)
    {
        this.credentials = credentials;
        this.secret = credentials.apiSecret().getBytes(StandardCharsets.UTF_8);
        this.mix = mix;
        this.random = new SplittableRandom(seed);
        this.liveOrderIds = new long[maxLive];
    }

    /** @return the next request; live orders it cancels are forgotten now, so no other request names them. */
    public RequestSpec next()
    {
        final Operation drawn = liveCount == liveOrderIds.length ? Operation.CANCEL_ALL : mix.draw(random);
        final Operation operation = liveCount == 0 && (drawn == Operation.CANCEL || drawn == Operation.ORDER_INFO) ?
            Operation.LIMIT_RESTING : drawn;
        return switch (operation)
        {
            case LIMIT_RESTING, LIMIT_CROSSING -> limitOrder(operation);
            case CANCEL ->
            {
                final int index = random.nextInt(liveCount);
                final long orderId = liveOrderIds[index];
                liveOrderIds[index] = liveOrderIds[--liveCount];
                yield new RequestSpec(operation, "DELETE", "/v1/trade/orders/" + orderId, "", orderId);
            }
            case CANCEL_ALL ->
            {
                liveCount = 0;
                yield new RequestSpec(operation, "DELETE", "/v1/trade/openOrders/" + COIN_PAIR, "", 0);
            }
            case ORDER_INFO ->
            {
                final long orderId = liveOrderIds[random.nextInt(liveCount)];
                yield new RequestSpec(operation, "GET", "/v2/account/orders/" + orderId, "", orderId);
            }
        };
    }

    private RequestSpec limitOrder(final Operation operation)
    {
        final boolean buy = random.nextBoolean();
        final long priceCents;
        if (operation == Operation.LIMIT_CROSSING)
        {
            priceCents = buy ? MID_CENTS + SPREAD_CENTS : MID_CENTS - SPREAD_CENTS;
        }
        else
        {
            final long away = 1 + random.nextLong(SPREAD_CENTS - 1);
            priceCents = buy ? MID_CENTS - away : MID_CENTS + away;
        }
        final String body = "coinPair=" + COIN_PAIR + "&orderSide=" + (buy ? "BUY" : "SELL") + "&price=" +
            priceCents / 100 + "." + (priceCents % 100 < 10 ? "0" : "") + priceCents % 100 + "&quantity=" + QUANTITY;
        return new RequestSpec(operation, "POST", "/v1/trade/limitOrders", body, 0);
    }

    /**
     * Learns from an answer: a placed order becomes live (it may have traded since; a cancel of it is then refused,
     * which counts as an answer like any other).
     *
     * @param request    the request answered.
     * @param statusCode the envelope's statusCode.
     * @param orderId    the envelope's orderID, -1 when none.
     */
    public void onAnswer(final RequestSpec request, final int statusCode, final long orderId)
    {
        if (request.operation() == Operation.LIMIT_RESTING && statusCode == 1000 && orderId > 0 &&
            liveCount < liveOrderIds.length)
        {
            liveOrderIds[liveCount++] = orderId;
        }
    }

    /**
     * Signs a request for sending now.
     *
     * @param request the request.
     * @param nowMs   the wall clock now.
     * @return the four authentication headers' values.
     */
    public SignedHeaders sign(final RequestSpec request, final long nowMs)
    {
        final String timestamp = Long.toString(nonces.next(nowMs));
        final String nonce = Integer.toString(nonces.nonce());
        final String signature = RequestSigner.sign(secret, nonce, timestamp, request.method(), request.path(), "",
            request.body().getBytes(StandardCharsets.UTF_8));
        return new SignedHeaders(credentials.apiKey(), timestamp, nonce, signature);
    }

    /** @return how many of the key's orders are tracked as live. */
    public int liveCount()
    {
        return liveCount;
    }

    /**
     * The authentication headers of spec section 3.
     *
     * @param apiKey    X-API-KEY.
     * @param timestamp X-API-TIMESTAMP.
     * @param nonce     X-API-NONCE.
     * @param signature X-API-SIGN.
     */
    public record SignedHeaders(String apiKey, String timestamp, String nonce, String signature)
    {
    }
}
