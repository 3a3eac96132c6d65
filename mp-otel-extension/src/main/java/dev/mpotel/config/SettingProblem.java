package dev.mpotel.config;

/**
 * One wrong setting: which key, its value with secrets redacted, and what would have been accepted.
 *
 * @param key the setting, in dotted form
 * @param redactedValue the value as it may be logged
 * @param accepted what the setting accepts
 */
public record SettingProblem(String key, String redactedValue, String accepted) {

  static SettingProblem of(String key, String rawValue, String accepted) {
    return new SettingProblem(key, Redaction.redact(key, rawValue), accepted);
  }

  @Override
  public String toString() {
    return key + "=" + (redactedValue == null ? "" : "'" + redactedValue + "'") + ": " + accepted;
  }
}
