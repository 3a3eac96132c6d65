package dev.mpotel.config;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@code otel.*} and {@code mpotel.*} keys from MicroProfile Config. Only this class links
 * against the MicroProfile Config API, so a server without it never loads it.
 */
final class MicroProfileConfigReader {

  private static final Logger LOG = Logger.getLogger(MicroProfileConfigReader.class.getName());

  private MicroProfileConfigReader() {}

  /** The settings from MicroProfile Config, or {@code null} when it is not there or not usable. */
  static Map<String, String> readIfAvailable(ClassLoader applicationClassLoader) {
    if (!apiVisible()) {
      return null;
    }
    Config config;
    try {
      config = ConfigProvider.getConfig(applicationClassLoader);
    } catch (RuntimeException | LinkageError e) {
      // The API is there without an implementation (ServiceConfigurationError or IllegalStateException).
      LOG.log(Level.FINE, "MicroProfile Config API present but not usable; using system properties", e);
      return null;
    }
    return read(config);
  }

  /**
   * Every {@code otel.*}/{@code mpotel.*} name, including those only an environment variable spells
   * ({@code OTEL_FOO}), looked up by its dotted name so that config source ordinals decide.
   */
  static Map<String, String> read(Config config) {
    Map<String, String> values = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      String key = Settings.normalize(name);
      if (key != null && !values.containsKey(key)) {
        String value = config.getOptionalValue(key, String.class).orElse(null);
        if (value == null) {
          value = config.getConfigValue(name).getValue();
        }
        if (value != null) {
          values.put(key, value);
        }
      }
    }
    return values;
  }

  private static boolean apiVisible() {
    try {
      Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, MicroProfileConfigReader.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
