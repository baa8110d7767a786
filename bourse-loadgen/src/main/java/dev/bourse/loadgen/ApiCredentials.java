package dev.bourse.loadgen;

/**
 * An account and one API key of it.
 *
 * @param accountId the account.
 * @param apiKey    the key.
 * @param apiSecret the key's secret.
 */
public record ApiCredentials(long accountId, String apiKey, String apiSecret)
{
}
