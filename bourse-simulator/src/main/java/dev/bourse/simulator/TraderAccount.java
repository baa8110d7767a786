package dev.bourse.simulator;

import dev.bourse.client.BourseClient;

/**
 * One of the simulator's accounts, with the client of the API key issued for this run.
 *
 * @param accountId the account.
 * @param client    signs with its key, paced by the key's rate limits.
 */
record TraderAccount(long accountId, BourseClient client)
{
}
