package dev.mpotel.sdk;

import dev.mpotel.config.SettingProblem;
import dev.mpotel.config.Settings;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The OTLP exporters need a sender: the JDK {@code HttpClient} one we ship does http/protobuf only, so
 * gRPC needs an extra artifact. This says which, instead of autoconfigure's failure at first export.
 */
final class ExporterSenders {

  static final String GRPC_ARTIFACT = "io.opentelemetry:opentelemetry-exporter-sender-okhttp";

  private ExporterSenders() {}

  static List<SettingProblem> missing(Settings settings, ClassLoader applicationClassLoader) {
    List<SettingProblem> problems = new ArrayList<>();
    boolean grpcAvailable = ServiceLoader.load(GrpcSenderProvider.class, applicationClassLoader).iterator().hasNext();
    if (grpcAvailable) {
      return problems;
    }
    for (String signal : List.of("traces", "metrics", "logs")) {
      String exporters = settings.get("otel." + signal + ".exporter").orElse("otlp");
      if (Arrays.stream(exporters.split(",")).map(String::trim).noneMatch("otlp"::equals)) {
        continue;
      }
      String signalKey = "otel.exporter.otlp." + signal + ".protocol";
      String key = settings.get(signalKey).isPresent() ? signalKey : "otel.exporter.otlp.protocol";
      String protocol = settings.get(key).orElse("http/protobuf");
      if (protocol.equalsIgnoreCase("grpc")) {
        problems.add(
            new SettingProblem(
                key,
                protocol,
                "http/protobuf; for grpc add " + GRPC_ARTIFACT + " (same version as opentelemetry-sdk) to the application"));
        break;
      }
    }
    return problems;
  }
}
