package dev.mpotel.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Collects what mp-otel logs while it is open. */
public final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger("dev.mpotel");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  public LogCapture() {
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  public List<LogRecord> records(Level atLeast) {
    return records.stream().filter(r -> r.getLevel().intValue() >= atLeast.intValue()).collect(Collectors.toList());
  }

  public List<String> messages(Level atLeast) {
    return records(atLeast).stream().map(LogRecord::getMessage).collect(Collectors.toList());
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
