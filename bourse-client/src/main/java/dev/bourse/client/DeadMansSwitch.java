package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to arming, renewing or disarming the dead man's switch ({@code POST /v1/trade/cancelAllAfter}).
 *
 * @param requestAtMs the engine time of the request, ms since the epoch; the timeout counts from it.
 * @param triggerAtMs when the switch cancels your orders unless set again; 0 when disarmed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadMansSwitch(
    @JsonProperty("requestAt") long requestAtMs,
    @JsonProperty("triggerAt") long triggerAtMs)
{
    /** @return whether the switch is armed. */
    public boolean armed()
    {
        return triggerAtMs != 0;
    }
}
