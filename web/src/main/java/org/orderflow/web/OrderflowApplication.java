package org.orderflow.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API lives under {@code /orderflow/api}. */
@ApplicationPath("/orderflow/api")
@OpenAPIDefinition(info = @Info(title = "orderflow", version = "0.1.0",
        description = "Event-sourced, CQRS order service: commands append events to streams; queries rebuild state from them."))
public class OrderflowApplication extends Application {
}
