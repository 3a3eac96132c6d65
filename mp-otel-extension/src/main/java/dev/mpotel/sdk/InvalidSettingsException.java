package dev.mpotel.sdk;

/**
 * Thrown in strict mode ({@code mpotel.config.strict=true}) when the settings are wrong, so that the
 * deployment fails instead of running without telemetry. The message never holds a secret.
 */
public final class InvalidSettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidSettingsException(String message) {
    super(message);
  }
}
