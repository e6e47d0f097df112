package org.orderflow.web.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares the problems every operation shares, from what the operation is, so that no endpoint
 * (a new one included) can leave them out of the OpenAPI document: 400, 401, 403 and 500
 * everywhere (the input filters and the token check run before any resource), 404 where the path names something, 413 and 415
 * where a body is read, and 409 for the commands of the order and product API. The shared
 * answers are the components of {@code OrderflowApplication}; what is particular to an operation
 * (its 422 rule codes, a 404 of its own, 503 for read-your-writes) stays on the operation.
 * Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                declare(path, entry.getKey(), entry.getValue());
            }
        });
    }

    private static void declare(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        add(responses, "400", ProblemDetails.BAD_REQUEST);
        add(responses, "401", ProblemDetails.UNAUTHORIZED);
        add(responses, "403", ProblemDetails.FORBIDDEN);
        if (path.contains("{")) {
            add(responses, "404", ProblemDetails.NOT_FOUND);
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", ProblemDetails.BODY_TOO_LARGE);
            add(responses, "415", ProblemDetails.UNSUPPORTED_MEDIA_TYPE);
        }
        boolean command = method != PathItem.HttpMethod.GET && !path.contains("/ops/");
        if (command) {
            add(responses, "409", ProblemDetails.COMMAND_CONFLICT);
        }
        add(responses, "500", ProblemDetails.INTERNAL_ERROR);
    }

    private static void add(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }
}
