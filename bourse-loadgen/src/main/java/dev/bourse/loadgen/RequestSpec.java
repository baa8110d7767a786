package dev.bourse.loadgen;

/**
 * One request before it is signed.
 *
 * @param operation what it does.
 * @param method    the HTTP method.
 * @param path      the request path.
 * @param body      the form body, empty when none.
 * @param orderId   the order it names (cancel, order info), 0 when none.
 */
public record RequestSpec(Operation operation, String method, String path, String body, long orderId)
{
}
