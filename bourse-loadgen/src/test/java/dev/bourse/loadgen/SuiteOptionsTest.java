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
        assertThat(options.peer()).isNull();
        assertThat(options.rounds()).isEqualTo(SuiteOptions.DEFAULT_ROUNDS);
    }

    @Test
    void shouldTakeThePeerHarnessItsJavaAndTheRounds()
    {
        final SuiteOptions options = SuiteOptions.parse(new String[] {"--parts", "engine", "--peer", "/opt/peer",
            "--peer-java", "/opt/jdk17/bin/java", "--rounds", "5"}, PARTS);

        assertThat(options.parts()).containsExactly("engine");
        assertThat(options.peer()).isEqualTo(Path.of("/opt/peer"));
        assertThat(options.peerJava()).isEqualTo(Path.of("/opt/jdk17/bin/java"));
        assertThat(options.rounds()).isEqualTo(5);
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--rounds", "0"}, PARTS))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--rounds", "three"}, PARTS))
            .isInstanceOf(IllegalArgumentException.class);
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
