package dev.mpotel.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Path patterns such as {@code /health,/health/*}: a comma-separated list of paths that start with
 * {@code /}, where {@code *} matches any characters, slashes included; {@code none} is the empty list.
 * Matching runs on every request and allocates nothing: each pattern is kept as its literal parts.
 */
public final class PathPatterns {

  private static final PathPatterns NONE = new PathPatterns(List.of());

  private final List<String[]> patterns;

  private PathPatterns(List<String[]> patterns) {
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
    List<String[]> patterns = new ArrayList<>();
    for (String entry : value.split(",")) {
      String path = entry.trim();
      if (path.startsWith("/")) {
        patterns.add(path.split("\\*", -1));
      }
    }
    return new PathPatterns(List.copyOf(patterns));
  }

  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** Whether any pattern matches the whole path. */
  public boolean matches(String path) {
    for (String[] literals : patterns) {
      if (matches(literals, path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The literals between the stars, in order: the first starts the path, the last ends it, and each one
   * in between is found, leftmost, after the one before it (leftmost is enough when stars are the only
   * wildcard).
   */
  private static boolean matches(String[] literals, String path) {
    String first = literals[0];
    if (literals.length == 1) {
      return path.equals(first);
    }
    String last = literals[literals.length - 1];
    if (!path.startsWith(first) || path.length() < first.length() + last.length()) {
      return false;
    }
    int from = first.length();
    int end = path.length() - last.length();
    for (int i = 1; i < literals.length - 1; i++) {
      int found = path.indexOf(literals[i], from);
      if (found < 0 || found + literals[i].length() > end) {
        return false;
      }
      from = found + literals[i].length();
    }
    return path.startsWith(last, end);
  }
}
