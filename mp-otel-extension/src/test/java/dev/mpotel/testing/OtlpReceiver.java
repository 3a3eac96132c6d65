package dev.mpotel.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for a Collector that receives OTLP over HTTP: it answers 200 and keeps the trace requests'
 * bodies as text, in which span names and string attributes can be found. What an SDK drops never arrives here.
 */
public final class OtlpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger traceRequests = new AtomicInteger();
  private final StringBuffer traceBodies = new StringBuffer();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  public static OtlpReceiver start() throws IOException {
    OtlpReceiver receiver = new OtlpReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    receiver.server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (exchange.getRequestURI().getPath().equals("/v1/traces")) {
        receiver.traceRequests.incrementAndGet();
        receiver.traceBodies.append(new String(body, StandardCharsets.ISO_8859_1));
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.server.start();
    return receiver;
  }

  /** The value for {@code otel.exporter.otlp.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many trace export requests arrived. */
  public int traceRequests() {
    return traceRequests.get();
  }

  /** Every trace export request's body so far, as ISO-8859-1 text. */
  public String traceBodies() {
    return traceBodies.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
