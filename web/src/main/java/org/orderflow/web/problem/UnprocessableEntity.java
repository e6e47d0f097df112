package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;

/** HTTP 422, which Jakarta REST 3.1's Status enum lacks. */
final class UnprocessableEntity {

    static final Response.StatusType STATUS = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private UnprocessableEntity() {
    }
}
