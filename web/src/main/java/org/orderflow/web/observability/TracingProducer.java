package org.orderflow.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import org.orderflow.application.tracing.Tracing;

/**
 * The application's {@link Tracing}: OpenTelemetry's when the runtime lets the application see
 * its API, none otherwise. Liberty exposes the OpenTelemetry API of {@code mpTelemetry-2.0} as a
 * third-party API, visible only to an application configured with
 * {@code <classloader apiTypeVisibility="+third-party"/>}; deployed any other way (dropins, another
 * runtime) the service runs untraced and says so once, instead of failing to start.
 */
@ApplicationScoped
public class TracingProducer {

    private static final Logger LOG = Logger.getLogger(TracingProducer.class.getName());

    @Produces
    @ApplicationScoped
    Tracing tracing() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, TracingProducer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError invisible) {
            LOG.warning("Tracing is off: the OpenTelemetry API is not visible to the application (deploy it with "
                    + "<classloader apiTypeVisibility=\"+third-party\"/>, see README, Tracing)");
            return Tracing.NONE;
        }
        return OpenTelemetryTracing.create();
    }
}
