package dev.mpotel.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Finds an OpenTelemetry Collector executable ({@code otelcol}, {@code otelcol-contrib} or a custom build) for
 * {@link Collector}. Looked up in this order:
 * <ol>
 *   <li>the environment variable {@code OTELCOL_BIN};</li>
 *   <li>the system property {@code otelcol.bin};</li>
 *   <li>{@code shared/bin/otelcol} in the working directory or any of its parents;</li>
 *   <li>a cached build at {@code ~/.cache/mp-otel/otelcol};</li>
 *   <li>a new build into that cache by {@code tools/build-otelcol.sh}, found in the working directory or any of its
 *       parents (takes about 3 minutes, once per machine).</li>
 * </ol>
 * If none yields one, {@link #locate()} fails with instructions, so that tests that need a Collector fail rather
 * than pass or skip silently.
 */
public final class CollectorBinary {

    /** The environment variable that names a Collector executable. */
    public static final String ENV_VARIABLE = "OTELCOL_BIN";
    /** The system property that names a Collector executable. */
    public static final String SYSTEM_PROPERTY = "otelcol.bin";

    private static final System.Logger LOG = System.getLogger(CollectorBinary.class.getName());
    private static final Path SHARED_BINARY = Path.of("shared", "bin", "otelcol");
    private static final Path BUILD_SCRIPT = Path.of("tools", "build-otelcol.sh");
    private static final long BUILD_TIMEOUT_MINUTES = 30;

    private CollectorBinary() {
    }

    /**
     * Returns the path of a Collector executable, building one into the cache if needed.
     *
     * @throws IllegalStateException if there is none, with a message that says how to get one
     */
    public static synchronized Path locate() {
        return locate(System::getenv, System::getProperty, Path.of(System.getProperty("user.dir")),
                Path.of(System.getProperty("user.home"), ".cache", "mp-otel", "otelcol"));
    }

    /** {@link #locate()} with its inputs spelled out, for tests. */
    static Path locate(Function<String, String> environment, Function<String, String> properties, Path workingDir,
            Path cachedBuild) {
        Path fromEnvironment = configured(environment.apply(ENV_VARIABLE), "environment variable " + ENV_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Path fromProperty = configured(properties.apply(SYSTEM_PROPERTY), "system property " + SYSTEM_PROPERTY);
        if (fromProperty != null) {
            return fromProperty;
        }
        Path shared = findUpwards(workingDir, SHARED_BINARY);
        if (shared != null && Files.isExecutable(shared)) {
            return shared;
        }
        if (Files.isRegularFile(cachedBuild) && Files.isExecutable(cachedBuild)) {
            return cachedBuild;
        }
        Path script = findUpwards(workingDir, BUILD_SCRIPT);
        if (script == null) {
            throw new IllegalStateException(howToGetOne(cachedBuild, "No " + BUILD_SCRIPT + " found in "
                    + workingDir.toAbsolutePath() + " or its parents either."));
        }
        return build(script, cachedBuild);
    }

    private static Path configured(String value, String source) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path = Path.of(value.trim());
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalStateException("The " + source + " names " + path
                    + ", which is not an executable file. Point it at an otelcol or otelcol-contrib binary.");
        }
        return path;
    }

    /** The first {@code <dir>/relative} that exists, for {@code dir} = {@code start} and each of its parents. */
    private static Path findUpwards(Path start, Path relative) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs the build script once per machine: other JVMs that need it meanwhile wait on a lock file. */
    private static Path build(Path script, Path target) {
        Path cacheDir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(cacheDir);
            try (FileChannel channel = FileChannel.open(cacheDir.resolve(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    if (Files.isRegularFile(target) && Files.isExecutable(target)) {
                        return target; // another JVM built it while we waited
                    }
                    return runBuildScript(script, target, cacheDir.resolve(target.getFileName() + "-build.log"));
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build the OpenTelemetry Collector with " + script, e);
        }
    }

    private static Path runBuildScript(Path script, Path target, Path buildLog) throws IOException {
        LOG.log(Level.INFO, "No OpenTelemetry Collector binary found; building one with {0} into {1}. "
                + "This takes about 3 minutes, once; output goes to {2}", script, target, buildLog);
        Process process = new ProcessBuilder("bash", script.toString(), target.toString())
                .redirectErrorStream(true)
                .redirectOutput(buildLog.toFile())
                .start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException(howToGetOne(target, script + " did not finish within "
                        + BUILD_TIMEOUT_MINUTES + " minutes; see " + buildLog + ":\n" + LogTail.of(buildLog)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building the OpenTelemetry Collector", e);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        if (process.exitValue() != 0 || !Files.isExecutable(target)) {
            throw new IllegalStateException(howToGetOne(target, script + " failed (exit code "
                    + process.exitValue() + "); see " + buildLog + ":\n" + LogTail.of(buildLog)));
        }
        LOG.log(Level.INFO, "Built the OpenTelemetry Collector: {0}", target);
        return target;
    }

    private static String howToGetOne(Path cachedBuild, String why) {
        List<String> lines = new ArrayList<>();
        lines.add("No OpenTelemetry Collector binary found, and these tests need a real one. " + why);
        lines.add("Get one in any of these ways:");
        lines.add("  - set the environment variable " + ENV_VARIABLE + " (or the system property " + SYSTEM_PROPERTY
                + ") to any otelcol or otelcol-contrib binary, for example one downloaded from "
                + "https://github.com/open-telemetry/opentelemetry-collector-releases/releases;");
        lines.add("  - or build one from Debian's sources (about 3 minutes): tools/build-otelcol.sh " + cachedBuild
                + " (it is then found automatically).");
        lines.add("Looked for: $" + ENV_VARIABLE + ", -D" + SYSTEM_PROPERTY + ", " + SHARED_BINARY
                + " in the working directory and its parents, " + cachedBuild + ".");
        return String.join("\n", lines);
    }
}
