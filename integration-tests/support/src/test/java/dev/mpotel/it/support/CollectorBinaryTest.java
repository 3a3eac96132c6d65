package dev.mpotel.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorBinaryTest {

    private static final Function<String, String> NOTHING = name -> null;

    @TempDir
    Path root;

    @Test
    void environmentVariableWinsOverEverythingElse() throws IOException {
        Path fromEnv = executable(root.resolve("env/otelcol"));
        Path fromProperty = executable(root.resolve("prop/otelcol"));
        executable(root.resolve("shared/bin/otelcol"));

        Path located = CollectorBinary.locate(Map.of("OTELCOL_BIN", fromEnv.toString())::get,
                Map.of("otelcol.bin", fromProperty.toString())::get, root.resolve("repo"), cache());

        assertThat(located).isEqualTo(fromEnv);
    }

    @Test
    void systemPropertyWinsOverTheSharedBinary() throws IOException {
        Path fromProperty = executable(root.resolve("prop/otelcol"));
        executable(root.resolve("shared/bin/otelcol"));

        Path located = CollectorBinary.locate(NOTHING, Map.of("otelcol.bin", fromProperty.toString())::get,
                root.resolve("repo"), cache());

        assertThat(located).isEqualTo(fromProperty);
    }

    @Test
    void sharedBinaryIsFoundInAParentOfTheWorkingDirectory() throws IOException {
        Path shared = executable(root.resolve("shared/bin/otelcol"));
        Path workingDir = Files.createDirectories(root.resolve("main/integration-tests/support"));
        executable(cache());

        assertThat(CollectorBinary.locate(NOTHING, NOTHING, workingDir, cache())).isEqualTo(shared);
    }

    @Test
    void cachedBuildIsUsedWhenNothingIsConfigured() throws IOException {
        Path cached = executable(cache());

        assertThat(CollectorBinary.locate(NOTHING, NOTHING, root.resolve("repo"), cached)).isEqualTo(cached);
    }

    @Test
    void buildScriptFoundInAParentBuildsIntoTheCache() throws IOException {
        Path script = root.resolve("main/tools/build-otelcol.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/usr/bin/env bash\nset -euo pipefail\nprintf '#!/bin/sh\\n' > \"$1\"\n"
                + "chmod +x \"$1\"\n");
        Path workingDir = Files.createDirectories(root.resolve("main/integration-tests/support"));

        Path located = CollectorBinary.locate(NOTHING, NOTHING, workingDir, cache());

        assertThat(located).isEqualTo(cache()).isExecutable();
    }

    @Test
    void failingBuildScriptFailsWithItsOutputAndInstructions() throws IOException {
        Path script = root.resolve("main/tools/build-otelcol.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "echo 'no network here' >&2\nexit 3\n");

        assertThatThrownBy(() -> CollectorBinary.locate(NOTHING, NOTHING, root.resolve("main"), cache()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("no network here")
                .hasMessageContaining("OTELCOL_BIN");
    }

    @Test
    void missingBinaryFailsWithInstructions() {
        assertThatThrownBy(() -> CollectorBinary.locate(NOTHING, NOTHING, root.resolve("repo"), cache()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No OpenTelemetry Collector binary found")
                .hasMessageContaining("OTELCOL_BIN")
                .hasMessageContaining("otelcol.bin")
                .hasMessageContaining("tools/build-otelcol.sh " + cache())
                .hasMessageContaining("opentelemetry-collector-releases");
    }

    @Test
    void environmentVariableNamingANonExecutableFileFails() throws IOException {
        Path notExecutable = Files.writeString(root.resolve("otelcol"), "");

        assertThatThrownBy(() -> CollectorBinary.locate(Map.of("OTELCOL_BIN", notExecutable.toString())::get,
                NOTHING, root.resolve("repo"), cache()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OTELCOL_BIN")
                .hasMessageContaining("not an executable file");
    }

    private Path cache() {
        return root.resolve("home/.cache/mp-otel/otelcol");
    }

    private static Path executable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
