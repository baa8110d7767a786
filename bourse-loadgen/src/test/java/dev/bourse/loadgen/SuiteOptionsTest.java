package dev.bourse.loadgen;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteOptionsTest
{
    private static final Set<String> PARTS = Set.of("engine", "server", "cluster", "journal");

    @Test
    void shouldRunEverythingInFullByDefault()
    {
        final SuiteOptions options = SuiteOptions.parse(new String[0], PARTS);

        assertThat(options.quick()).isFalse();
        assertThat(options.parts()).isEqualTo(PARTS);
        assertThat(options.cliJar()).isEqualTo(SuiteOptions.DEFAULT_CLI_JAR);
    }

    @Test
    void shouldTakeTheLastValueOfARepeatedOption()
    {
        final SuiteOptions options = SuiteOptions.parse(
            new String[] {"--cli-jar", "a.jar", "--quick", "--parts", "journal", "--cli-jar", "b.jar"}, PARTS);

        assertThat(options.quick()).isTrue();
        assertThat(options.parts()).containsExactly("journal");
        assertThat(options.cliJar()).isEqualTo(Path.of("b.jar"));
    }

    @Test
    void shouldSoakTenMinutesUnlessToldHowLong()
    {
        assertThat(SuiteOptions.parse(new String[0], PARTS).soakMinutes()).isZero();
        assertThat(SuiteOptions.parse(new String[] {"--soak"}, PARTS).soakMinutes()).isEqualTo(10);
        assertThat(SuiteOptions.parse(new String[] {"--soak-minutes", "2", "--soak"}, PARTS).soakMinutes())
            .isEqualTo(2);
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--soak-minutes", "0"}, PARTS))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseUnknownArgumentsAndParts()
    {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--fast"}, PARTS))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--parts", "engine,gpu"}, PARTS))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--plots-dir"}, PARTS))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
