package dev.bourse.client;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCodeTest
{
    @Test
    void shouldFindEveryCodeByItsNumber()
    {
        for (final StatusCode status : StatusCode.values())
        {
            if (status != StatusCode.UNKNOWN)
            {
                assertThat(StatusCode.of(status.code())).isSameAs(status);
            }
        }
        assertThat(Arrays.stream(StatusCode.values()).map(StatusCode::code).distinct())
            .hasSize(StatusCode.values().length);
        assertThat(StatusCode.values()).hasSize(45);
    }

    @Test
    void shouldMapACodeItDoesNotKnowToUnknownAndKeepTheRawCode()
    {
        final BourseException refused = new BourseException(7777, "Something new", "GET", "/v1/x");

        assertThat(StatusCode.of(7777)).isSameAs(StatusCode.UNKNOWN);
        assertThat(refused.statusCode()).isSameAs(StatusCode.UNKNOWN);
        assertThat(refused.code()).isEqualTo(7777);
        assertThat(refused).hasMessage("7777 Something new [GET /v1/x]");
    }
}
