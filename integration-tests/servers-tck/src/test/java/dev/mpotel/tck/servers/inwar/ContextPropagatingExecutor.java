package dev.mpotel.tck.servers.inwar;

import io.opentelemetry.context.Context;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor {@code JaxRsServerAsyncTest} asks for through {@code telemetry.tck.executor}: daemon
 * threads, each task run in the OpenTelemetry context of the thread that submitted it (what a managed
 * executor with context propagation does on a server).
 */
public class ContextPropagatingExecutor implements Executor {

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          new ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "tck-executor-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });

  private final Executor delegate = Context.taskWrapping(POOL);

  @Override
  public void execute(Runnable command) {
    delegate.execute(command);
  }
}
