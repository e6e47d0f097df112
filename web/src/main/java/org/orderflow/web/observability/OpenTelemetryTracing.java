package org.orderflow.web.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import org.orderflow.application.tracing.Tracing;

/**
 * Tracing through MicroProfile Telemetry (OpenTelemetry on Liberty, {@code mpTelemetry-2.0}): the
 * runtime starts a span for every HTTP request (from the client's {@code traceparent}, if any) and
 * for the webhook's outgoing calls; this adapter reads the current context and continues stored
 * ones. Off by default: with the SDK disabled ({@code OTEL_SDK_DISABLED}, the runtime's default)
 * requests have no span, but a stored traceparent is still carried on to the messages and calls
 * that follow from it.
 */
public final class OpenTelemetryTracing implements Tracing {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    private OpenTelemetryTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("orderflow");
    }

    /** Tracing through the runtime's OpenTelemetry instance (a CDI bean of mpTelemetry). */
    static Tracing create() {
        return new OpenTelemetryTracing(CDI.current().select(OpenTelemetry.class).get());
    }

    @Override
    public String currentTraceParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    @Override
    public Scope span(String name, Kind kind, String traceParent) {
        Context parent = traceParent == null ? Context.current()
                : W3CTraceContextPropagator.getInstance().extract(Context.current(), traceParent, ONE_HEADER);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(switch (kind) {
            case PRODUCER -> SpanKind.PRODUCER;
            case CONSUMER -> SpanKind.CONSUMER;
            case INTERNAL -> SpanKind.INTERNAL;
        }).startSpan();
        io.opentelemetry.context.Scope current = span.makeCurrent();
        return () -> {
            current.close();
            span.end();
        };
    }
}
