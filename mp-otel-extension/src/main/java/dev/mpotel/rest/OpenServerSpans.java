package dev.mpotel.rest;

import dev.mpotel.config.Settings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The server spans of one container that have started and not yet ended, so that the container's end can wait for
 * them before the SDK shuts down: a server may still answer a request (or resume an asynchronous one) while the
 * application is being undeployed, and a span that ends after the SDK shut down is dropped.
 *
 * <p>On the request path this is one atomic increment when a span starts and one decrement when it ends; the
 * monitor is taken only when the last open span ends while {@link #awaitEnded} waits.
 */
final class OpenServerSpans {

  private static final Logger LOG = Logger.getLogger(OpenServerSpans.class.getName());

  private final AtomicInteger open = new AtomicInteger();
  private final Object allEnded = new Object();
  private volatile boolean awaited;

  void started() {
    open.incrementAndGet();
  }

  void ended() {
    if (open.decrementAndGet() <= 0 && awaited) {
      synchronized (allEnded) {
        allEnded.notifyAll();
      }
    }
  }

  /** How many server spans are open now. */
  int count() {
    return open.get();
  }

  /** Whether {@link #awaitEnded} has begun waiting. */
  boolean awaited() {
    return awaited;
  }

  /**
   * Waits until every open server span has ended, at most {@code timeout}: a span that never ends (a request the
   * server gave up on without a response, an asynchronous response never resumed) holds the container's end no
   * longer than that.
   *
   * @return how many were still open when it stopped waiting
   */
  int awaitEnded(Duration timeout) {
    int before = open.get();
    if (before <= 0) {
      return 0;
    }
    LOG.fine(() -> "mp-otel waits for " + before + " open server span(s) to end before the SDK shuts down");
    awaited = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (allEnded) {
      try {
        long remaining;
        while (open.get() > 0 && (remaining = deadline - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.timedWait(allEnded, remaining);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int left = Math.max(open.get(), 0);
    if (left > 0) {
      LOG.info("mp-otel stopped waiting for open server spans after " + timeout.toMillis() + " ms (" + Settings.SHUTDOWN_TIMEOUT + "): "
          + left + " of " + before + " still open; they will not be exported");
    } else {
      LOG.fine(() -> "mp-otel: the " + before + " open server span(s) ended before the SDK shut down");
    }
    return left;
  }
}
