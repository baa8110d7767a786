package dev.bourse.client;

/**
 * One HTTP call of the API: method, path, parameters, how it is authorised and whether it is safe to repeat.
 * Parameters of GET and DELETE go in the query string, those of POST and PUT in a form body.
 */
record ApiCall(String method, String path, Form params, Access access, boolean retrySafe, boolean tradeHistory)
{
    /** How a call is authorised. */
    enum Access
    {
        /** No credentials; answered by {@code GET /v1/public/time} without statusCode. */
        TIME,
        PUBLIC,
        SIGNED,
        ADMIN
    }

    static ApiCall read(final String path, final Form params, final Access access)
    {
        return new ApiCall("GET", path, params, access, true, false);
    }

    boolean bodyCarriesParams()
    {
        return "POST".equals(method) || "PUT".equals(method);
    }
}
