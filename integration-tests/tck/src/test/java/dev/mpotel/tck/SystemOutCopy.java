package dev.mpotel.tck;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Named in {@code logging.properties} only so that the log manager creates it when the JVM starts: it
 * copies everything written to {@code System.out} into {@code ${tck.log.dir}/out.log}, the file the
 * logs TCK reads the {@code logging} log exporter's lines from. It handles no log record itself.
 */
public class SystemOutCopy extends Handler {

  public SystemOutCopy() {
    Path file = Path.of(System.getProperty("tck.log.dir", "target"), "out.log");
    try {
      Files.createDirectories(file.getParent());
      OutputStream copy = new FileOutputStream(file.toFile(), false);
      PrintStream original = System.out;
      System.setOut(new PrintStream(new Tee(original, copy), true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void publish(LogRecord record) {}

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
