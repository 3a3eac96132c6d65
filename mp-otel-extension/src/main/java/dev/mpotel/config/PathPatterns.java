package dev.mpotel.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Path patterns such as {@code /health,/health/*}: a comma-separated list of paths that start with
 * {@code /}, where {@code *} matches any characters, slashes included; {@code none} is the empty list.
 */
public final class PathPatterns {

  private static final PathPatterns NONE = new PathPatterns(List.of());

  private final List<Pattern> patterns;

  private PathPatterns(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  /** Whether {@link #parse} accepts the value. */
  public static boolean isValid(String value) {
    if (value.trim().equalsIgnoreCase("none")) {
      return true;
    }
    for (String entry : value.split(",", -1)) {
      String path = entry.trim();
      if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
    }
    return true;
  }

  /** The patterns of a value {@link #isValid} accepts; entries it would reject are skipped. */
  public static PathPatterns parse(String value) {
    if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("none")) {
      return NONE;
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String entry : value.split(",")) {
      String path = entry.trim();
      if (path.startsWith("/")) {
        patterns.add(compile(path));
      }
    }
    return new PathPatterns(List.copyOf(patterns));
  }

  private static Pattern compile(String path) {
    StringBuilder regex = new StringBuilder();
    for (String literal : path.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString().replace("\\Q\\E", ""));
  }

  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** Whether any pattern matches the whole path. */
  public boolean matches(String path) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }
}
