/**
 * Internal: not part of mp-otel's API, may change without notice.
 *
 * <p>Jakarta REST server and client spans, {@code http.server.request.duration}, context propagation
 * in and out, the MicroProfile Rest Client, and endpoint exclusion. Spans, attributes, names, status and
 * metrics come from OpenTelemetry's {@code Instrumenter} and its stock HTTP extractors.
 */
package dev.mpotel.rest;
