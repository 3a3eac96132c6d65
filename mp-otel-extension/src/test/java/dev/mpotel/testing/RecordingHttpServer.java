package dev.mpotel.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A loopback HTTP server for client-span tests: answers 503 under {@code /fail}, 200 elsewhere, and
 * remembers the {@code traceparent} each path received. Also the client-span helpers those tests share.
 */
public final class RecordingHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> traceparents = new ConcurrentHashMap<>();

  private RecordingHttpServer(HttpServer server) {
    this.server = server;
  }

  public static RecordingHttpServer start() throws IOException {
    RecordingHttpServer recording = new RecordingHttpServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    recording.server.createContext("/", exchange -> {
      String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
      if (traceparent != null) {
        recording.traceparents.put(exchange.getRequestURI().getPath(), traceparent);
      }
      int status = exchange.getRequestURI().getPath().startsWith("/fail") ? 503 : 200;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    recording.server.start();
    return recording;
  }

  public String base() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The {@code traceparent} the last request to this path carried, or null. */
  public String traceparent(String path) {
    return traceparents.get(path);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The finished client spans in {@link InMemoryTelemetry}. */
  public static List<SpanData> clientSpans() {
    return InMemoryTelemetry.current().spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT)
        .collect(Collectors.toList());
  }

  /** Waits up to 10 s for that many finished client spans. */
  public static void awaitClientSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (clientSpans().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** A loopback port nobody listens on. */
  public static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
