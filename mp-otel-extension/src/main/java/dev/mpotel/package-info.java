/**
 * The public API of mp-otel: interceptor bindings that trace ({@link dev.mpotel.Traced}), count
 * ({@link dev.mpotel.Counted}) and time ({@link dev.mpotel.Timed}) CDI bean methods.
 *
 * <p>Everything else lives in sub-packages that are internal and may change without notice. Applications
 * use OpenTelemetry's own API ({@code Tracer}, {@code Meter}, {@code Span}, {@code Baggage},
 * {@code @WithSpan}) through CDI injection.
 */
package dev.mpotel;
