package dev.mpotel.sdk;

import java.nio.file.Path;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The name of the running application, used as the default {@code service.name}.
 *
 * <p>In a Jakarta EE server this is the module name ({@code java:module/ModuleName}, the war name
 * without {@code .war}), or the application name. On Weld SE, where there is no such name, it is the
 * simple name of the main class (or the base name of the jar run with {@code java -jar}), and
 * {@value #LAST_RESORT} when even that is unknown.
 */
public final class ApplicationName {

  static final String LAST_RESORT = "java-application";

  private ApplicationName() {}

  /** Looks the name up from the environment of the calling thread. */
  public static String detect() {
    return fromJndi("java:module/ModuleName")
        .or(() -> fromJndi("java:app/AppName"))
        .or(() -> fromCommand(System.getProperty("sun.java.command")))
        .orElse(LAST_RESORT);
  }

  static Optional<String> fromCommand(String command) {
    if (command == null || command.isBlank()) {
      return Optional.empty();
    }
    String first = command.trim().split("\\s+")[0];
    if (first.endsWith(".jar")) {
      String file = Path.of(first).getFileName().toString();
      return Optional.of(file.substring(0, file.length() - ".jar".length())).filter(s -> !s.isEmpty());
    }
    int dot = first.lastIndexOf('.');
    String simple = dot < 0 ? first : first.substring(dot + 1);
    return Optional.of(simple).filter(s -> !s.isEmpty());
  }

  private static Optional<String> fromJndi(String name) {
    try {
      InitialContext context = new InitialContext();
      try {
        Object value = context.lookup(name);
        return value instanceof String && !((String) value).isBlank() ? Optional.of((String) value) : Optional.empty();
      } finally {
        context.close();
      }
    } catch (NamingException | RuntimeException | LinkageError e) {
      // No naming service (Weld SE) or no such entry: not an error, there is a fallback.
      return Optional.empty();
    }
  }
}
