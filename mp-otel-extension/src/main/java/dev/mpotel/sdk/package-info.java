/** Internal: not part of mp-otel's API, may change without notice. */
package dev.mpotel.sdk;
