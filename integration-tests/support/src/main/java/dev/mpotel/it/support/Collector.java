package dev.mpotel.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenTelemetry Collector process that receives OTLP on 127.0.0.1 (gRPC and HTTP, on free ports) and forwards
 * traces, metrics and logs to an {@link OtlpSink}, and also prints them with its {@code debug} exporter into
 * {@link #logFile()}. The executable comes from {@link CollectorBinary#locate()}.
 */
public final class Collector implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final Thread shutdownHook;
    private final Path workDir;
    private final int grpcPort;
    private final int httpPort;

    private Collector(Process process, Path workDir, int grpcPort, int httpPort) {
        this.process = process;
        this.workDir = workDir;
        this.grpcPort = grpcPort;
        this.httpPort = httpPort;
        this.shutdownHook = new Thread(process::destroyForcibly, "otelcol-" + process.pid() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a Collector that forwards to {@code sink}, with its configuration and logs in a new directory: under
     * {@code target/} when the working directory has one (as in a Maven build), else under {@code java.io.tmpdir}.
     */
    public static Collector start(OtlpSink sink) {
        try {
            Path target = Path.of(System.getProperty("user.dir"), "target");
            Path workDir = Files.isDirectory(target)
                    ? Files.createTempDirectory(target, "otelcol-")
                    : Files.createTempDirectory("mp-otel-otelcol-");
            return start(sink, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a work directory for the OpenTelemetry Collector", e);
        }
    }

    /**
     * Starts a Collector that forwards to {@code sink}, writing {@code otelcol.yaml}, {@code collector.log} and
     * {@code collector.out} into {@code workDir}; returns once both receiver ports accept connections.
     *
     * @throws IllegalStateException if the Collector exits or is not ready within 30 seconds, with its output
     */
    public static Collector start(OtlpSink sink, Path workDir) {
        Path binary = CollectorBinary.locate();
        try {
            Files.createDirectories(workDir);
            for (int attempt = 1; ; attempt++) {
                int grpcPort = FreePorts.pick();
                int httpPort = FreePorts.pick();
                while (httpPort == grpcPort) {
                    httpPort = FreePorts.pick();
                }
                Path config = workDir.resolve("otelcol.yaml");
                Files.writeString(config, config(grpcPort, httpPort, sink.endpoint(), workDir.resolve("collector.log")),
                        StandardCharsets.UTF_8);
                Path output = workDir.resolve("collector.out");
                Process process = new ProcessBuilder(binary.toString(), "--config=file:" + config.toAbsolutePath())
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                String failure = awaitReady(process, grpcPort, httpPort);
                if (failure == null) {
                    return new Collector(process, workDir, grpcPort, httpPort);
                }
                stop(process);
                String diagnostics = diagnostics(binary, workDir);
                // Another process may have taken a port between pick() and bind: try again with new ones.
                if (attempt < START_ATTEMPTS && diagnostics.contains("address already in use")) {
                    continue;
                }
                throw new IllegalStateException("The OpenTelemetry Collector " + failure + ".\n" + diagnostics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OpenTelemetry Collector " + binary, e);
        }
    }

    /** The OTLP/gRPC endpoint, {@code http://127.0.0.1:PORT}. */
    public String grpcEndpoint() {
        return "http://127.0.0.1:" + grpcPort;
    }

    /** The OTLP/HTTP base endpoint, {@code http://127.0.0.1:PORT}; exporters append {@code /v1/traces} etc. */
    public String httpEndpoint() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The Collector's own log, where its {@code debug} exporter prints what it received (human text, not an API). */
    public Path logFile() {
        return workDir.resolve("collector.log");
    }

    /** The directory with the configuration ({@code otelcol.yaml}), the log and the process output. */
    public Path workDir() {
        return workDir;
    }

    /** The Collector's process id. */
    public long pid() {
        return process.pid();
    }

    /** Stops the Collector: SIGTERM, up to 10 seconds to exit, then SIGKILL. */
    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook has run or will run harmlessly.
        }
    }

    @Override
    public String toString() {
        return "Collector{pid=" + pid() + ", grpc=" + grpcEndpoint() + ", http=" + httpEndpoint() + ", workDir="
                + workDir + "}";
    }

    /** Null once both ports accept connections, else what went wrong. */
    private static String awaitReady(Process process, int grpcPort, int httpPort) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                return "exited with code " + process.exitValue() + " during startup";
            }
            if (accepts(grpcPort) && accepts(httpPort) && process.isAlive()) {
                return null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "was interrupted while starting";
            }
        }
        return "did not listen on 127.0.0.1:" + grpcPort + " and 127.0.0.1:" + httpPort + " within "
                + READY_TIMEOUT.toSeconds() + " s";
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.loopback(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String diagnostics(Path binary, Path workDir) {
        return "Binary: " + binary + "\nConfiguration: " + workDir.resolve("otelcol.yaml")
                + "\n--- collector.out ---\n" + LogTail.of(workDir.resolve("collector.out"))
                + "\n--- collector.log ---\n" + LogTail.of(workDir.resolve("collector.log"));
    }

    static String config(int grpcPort, int httpPort, String sinkEndpoint, Path logFile) {
        return String.join("\n",
                "receivers:",
                "  otlp:",
                "    protocols:",
                "      grpc:",
                "        endpoint: 127.0.0.1:" + grpcPort,
                "      http:",
                "        endpoint: 127.0.0.1:" + httpPort,
                "exporters:",
                "  debug:",
                "    verbosity: detailed",
                "  otlp_http/sink:",
                "    endpoint: " + yamlString(sinkEndpoint),
                "    compression: none",
                "service:",
                "  telemetry:",
                "    logs:",
                "      output_paths: [" + yamlString(logFile.toAbsolutePath().toString()) + "]",
                "      sampling:",
                "        enabled: false",
                "    metrics:",
                "      level: none",
                "  pipelines:",
                "    traces:",
                "      receivers: [otlp]",
                "      exporters: [debug, otlp_http/sink]",
                "    metrics:",
                "      receivers: [otlp]",
                "      exporters: [debug, otlp_http/sink]",
                "    logs:",
                "      receivers: [otlp]",
                "      exporters: [debug, otlp_http/sink]",
                "");
    }

    /** A YAML double-quoted scalar. */
    private static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
