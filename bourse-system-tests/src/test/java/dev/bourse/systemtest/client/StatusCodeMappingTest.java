package dev.bourse.systemtest.client;

import dev.bourse.client.StatusCode;
import dev.bourse.engine.Status;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's status enum against the server's own table. */
class StatusCodeMappingTest
{
    @Test
    void shouldMapEveryServerStatusToTheSameStatusCode()
    {
        for (final Status status : Status.values())
        {
            final StatusCode mapped = StatusCode.of(status.code());
            assertThat(mapped.name()).as("name of %d", status.code()).isEqualTo(status.name());
            assertThat(mapped.code()).isEqualTo(status.code());
            assertThat(mapped.message()).as("message of %d", status.code()).isEqualTo(status.message());
        }
    }

    @Test
    void shouldKnowNoCodeTheServerDoesNot()
    {
        assertThat(Arrays.stream(StatusCode.values()).filter(code -> code != StatusCode.UNKNOWN))
            .hasSize(Status.values().length)
            .allSatisfy(code -> assertThat(Arrays.stream(Status.values()).map(Status::code))
                .contains(code.code()));
    }
}
