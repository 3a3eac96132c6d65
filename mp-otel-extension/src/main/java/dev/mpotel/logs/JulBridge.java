package dev.mpotel.logs;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.ExceptionAttributes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A {@code java.util.logging} handler on the root logger that emits every record as an OpenTelemetry
 * log record of one SDK, with the current context, so that the record carries the trace and span ids
 * of the span current where it was logged.
 *
 * <p>It is added when the SDK starts and removed when it shuts down ({@link #close()}), so no handler
 * is left behind on redeploy. It never feeds on itself: records of OpenTelemetry's and mp-otel's own
 * loggers are skipped (an exporter that logs would otherwise loop), and so is any record logged while
 * the same thread is already inside the handler.
 */
public final class JulBridge extends Handler implements AutoCloseable {

  private static final String ROOT_LOGGER = "";
  private static final String[] OWN_LOGGERS = {"io.opentelemetry.", "dev.mpotel."};
  private static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
  private static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");

  /** Set while this thread emits a record, through any bridge instance. */
  private static final ThreadLocal<Boolean> EMITTING = new ThreadLocal<>();

  private final LoggerProvider loggers;
  private final ClassLoader application;
  private final Formatter formatter = new MessageFormatter();
  private volatile boolean closed;

  private JulBridge(LoggerProvider loggers, ClassLoader application) {
    this.loggers = loggers;
    this.application = application;
    setLevel(Level.ALL);
  }

  /**
   * Adds a bridge to this SDK on the root logger.
   *
   * @param application when not {@code null}, only records logged by threads whose context class loader
   *     is this loader or one of its children are bridged: on a server where the root logger is shared,
   *     each application gets its own records and not its neighbours'
   */
  public static JulBridge install(OpenTelemetry openTelemetry, ClassLoader application) {
    JulBridge bridge = new JulBridge(openTelemetry.getLogsBridge(), application);
    Logger.getLogger(ROOT_LOGGER).addHandler(bridge);
    return bridge;
  }

  @Override
  public void publish(LogRecord record) {
    if (closed || record == null || EMITTING.get() != null || isOwn(record.getLoggerName()) || !isLoggable(record)
        || !loggedByApplication()) {
      return;
    }
    EMITTING.set(Boolean.TRUE);
    try {
      emit(record);
    } catch (RuntimeException | LinkageError e) {
      // Logging must never fail the caller, and reporting it through JUL would come back here.
    } finally {
      EMITTING.remove();
    }
  }

  private boolean loggedByApplication() {
    if (application == null) {
      return true;
    }
    for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
      if (loader == application) {
        return true;
      }
    }
    return false;
  }

  static boolean isOwn(String loggerName) {
    if (loggerName == null) {
      return false;
    }
    for (String own : OWN_LOGGERS) {
      if (loggerName.startsWith(own) || loggerName.equals(own.substring(0, own.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  private void emit(LogRecord record) {
    String name = record.getLoggerName() == null || record.getLoggerName().isEmpty() ? "ROOT" : record.getLoggerName();
    LogRecordBuilder builder =
        loggers.get(name).logRecordBuilder()
            .setTimestamp(record.getInstant())
            .setSeverity(severity(record.getLevel()))
            .setSeverityText(record.getLevel().getName())
            .setContext(Context.current());
    String message = message(record);
    if (message != null) {
      builder.setBody(message);
    }
    AttributesBuilder attributes = Attributes.builder();
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      attributes.put(ExceptionAttributes.EXCEPTION_TYPE, thrown.getClass().getName());
      if (thrown.getMessage() != null) {
        attributes.put(ExceptionAttributes.EXCEPTION_MESSAGE, thrown.getMessage());
      }
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      attributes.put(ExceptionAttributes.EXCEPTION_STACKTRACE, trace.toString());
    }
    Thread current = Thread.currentThread();
    attributes.put(THREAD_NAME, current.getName());
    attributes.put(THREAD_ID, current.getId());
    builder.setAllAttributes(attributes.build());
    builder.emit();
  }

  /**
   * The record's message with its parameters filled in. A subclass that formats itself (JBoss LogManager's
   * {@code ExtLogRecord} on WildFly, whose records may use {@code %s} formats) is asked for its
   * {@code getFormattedMessage()}; a plain {@code LogRecord} gets {@link Formatter#formatMessage}
   * ({@code {0}} parameters, resource bundles).
   */
  private String message(LogRecord record) {
    if (record.getClass() != LogRecord.class) {
      Method selfFormatting = SELF_FORMATTING.get(record.getClass());
      if (selfFormatting != null) {
        try {
          Object formatted = selfFormatting.invoke(record);
          if (formatted instanceof String) {
            return (String) formatted;
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // fall back to the standard formatting below
        }
      }
    }
    return formatter.formatMessage(record);
  }

  /** Per LogRecord subclass: its public {@code String getFormattedMessage()}, or null. */
  private static final ClassValue<Method> SELF_FORMATTING =
      new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
          try {
            Method method = type.getMethod("getFormattedMessage");
            if (method.getReturnType() == String.class && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
              return method;
            }
          } catch (NoSuchMethodException | SecurityException e) {
            // not a self-formatting record
          }
          return null;
        }
      };

  /** JUL levels onto OpenTelemetry severities, as OpenTelemetry's own JUL instrumentation maps them. */
  static Severity severity(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return Severity.ERROR;
    }
    if (value >= Level.WARNING.intValue()) {
      return Severity.WARN;
    }
    if (value >= Level.INFO.intValue()) {
      return Severity.INFO;
    }
    if (value >= Level.CONFIG.intValue()) {
      return Severity.DEBUG3;
    }
    if (value >= Level.FINE.intValue()) {
      return Severity.DEBUG2;
    }
    if (value >= Level.FINER.intValue()) {
      return Severity.DEBUG;
    }
    return Severity.TRACE;
  }

  @Override
  public void flush() {}

  /** Removes the handler from the root logger; records published afterwards are dropped. */
  @Override
  public void close() {
    closed = true;
    Logger.getLogger(ROOT_LOGGER).removeHandler(this);
  }

  /** Only {@link Formatter#formatMessage}: parameters and resource bundles, no decoration. */
  private static final class MessageFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      return formatMessage(record);
    }
  }
}
