/**
 * Internal: not part of mp-otel's API, may change without notice.
 *
 * <p>The {@code java.util.logging} bridge into OpenTelemetry logs.
 */
package dev.mpotel.logs;
