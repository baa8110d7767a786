package dev.bourse.server.gateway;

import dev.bourse.engine.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestParametersTest
{
    @Test
    void shouldDecodeQueryAndBodyTogether()
    {
        final RequestParameters params = RequestParameters.decode("coinPair=BCH.ETH&max=5", "note=a+b%2Fc&empty=");

        assertThat(params.required("coinPair")).isEqualTo("BCH.ETH");
        assertThat(params.optional("note")).isEqualTo("a b/c");
        assertThat(params.optional("empty")).isNull();
        assertThat(params.integer("max", 100, 1, 100, Status.INVALID_PARAMETER)).isEqualTo(5);
        assertThat(params.integer("absent", 100, 1, 100, Status.INVALID_PARAMETER)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "a=%C3%28", "a=%00", "a=%0A", "=x", "a=1&a=2", "a=é"})
    void shouldRefuseMalformedOrRepeatedParameters(final String query)
    {
        assertThatThrownBy(() -> RequestParameters.decode(query))
            .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(Status.BAD_REQUEST));
    }

    @Test
    void shouldRefuseTheSameNameInQueryAndBody()
    {
        assertThatThrownBy(() -> RequestParameters.decode("quantity=1", "quantity=2"))
            .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(Status.BAD_REQUEST));
    }

    @Test
    void shouldAnswerMissingWith4012AndBadIntegersWithTheGivenCode()
    {
        final RequestParameters params = RequestParameters.decode("max=-1&page=1e2");

        assertThatThrownBy(() -> params.required("coinPair")).isInstanceOfSatisfying(ApiException.class,
            ex -> assertThat(ex.status()).isEqualTo(Status.MANDATORY_PARAMETER_MISSING));
        assertThatThrownBy(() -> params.integer("max", 1, 1, 100, Status.INVALID_PARAMETER))
            .isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.status()).isEqualTo(Status.INVALID_PARAMETER));
        assertThatThrownBy(() -> params.integer("page", 0, 0, 100, Status.INVALID_PAGE_NUMBER))
            .isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.status()).isEqualTo(Status.INVALID_PAGE_NUMBER));
    }

    @Test
    void shouldBoundTheNumberOfParameters()
    {
        final StringBuilder query = new StringBuilder();
        for (int i = 0; i <= RequestParameters.MAX_PARAMETERS; i++)
        {
            query.append("p").append(i).append("=1&");
        }
        assertThatThrownBy(() -> RequestParameters.decode(query.toString()))
            .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(Status.BAD_REQUEST));
    }
}
