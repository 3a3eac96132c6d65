package dev.mpotel.config;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of messages: header values and the user-info part of URLs are replaced by
 * {@code ***}, header names stay so that a message still says which header is wrong.
 */
public final class Redaction {

  static final String MASK = "***";
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

  private Redaction() {}

  /** The value of a setting as it may appear in a log line. */
  public static String redact(String key, String value) {
    if (value == null) {
      return null;
    }
    if (key.endsWith(".headers")) {
      StringBuilder out = new StringBuilder();
      for (String entry : value.split(",", -1)) {
        if (out.length() > 0) {
          out.append(',');
        }
        int eq = entry.indexOf('=');
        out.append(eq < 0 ? MASK : entry.substring(0, eq).trim() + "=" + MASK);
      }
      return out.toString();
    }
    return stripUserInfo(value);
  }

  /** Replaces, in free text such as an exception message, every secret the settings hold. */
  public static String scrub(String text, Settings settings) {
    if (text == null) {
      return null;
    }
    String result = stripUserInfo(text);
    for (var entry : settings.asMap().entrySet()) {
      if (entry.getKey().endsWith(".headers")) {
        for (String header : entry.getValue().split(",")) {
          int eq = header.indexOf('=');
          String secret = eq < 0 ? header.trim() : header.substring(eq + 1).trim();
          if (secret.length() > 0) {
            result = result.replace(secret, MASK);
          }
        }
      }
    }
    return result;
  }

  private static String stripUserInfo(String text) {
    if (!text.contains("@") || !text.contains("://")) {
      return text;
    }
    Matcher m = USER_INFO.matcher(text);
    return m.replaceAll(Matcher.quoteReplacement(MASK + "@"));
  }

  static boolean hasUserInfo(URI uri) {
    return uri.getRawUserInfo() != null;
  }
}
