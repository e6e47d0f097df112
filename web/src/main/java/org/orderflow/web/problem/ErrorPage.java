package org.orderflow.web.problem;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web container's own errors (a path outside the API, an encoded slash it refuses, a servlet
 * exception) as problems instead of the container's HTML page: the default error page of the
 * WAR (web.xml). An exception is logged with an incident id; its text never reaches the client.
 */
@WebServlet(urlPatterns = "/problem-page")
public class ErrorPage extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 && number < 600 ? number : 404;
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String slug;
        String title;
        String incident = null;
        String detail;
        if (status >= 500) {
            incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
            slug = "internal-error";
            title = "Internal error";
            detail = "The request failed unexpectedly; incident " + incident;
        } else if (status == 404) {
            slug = "not-found";
            title = "Not Found";
            detail = Problems.NO_RESOURCE_HERE;
        } else if (status == 405) {
            slug = "method-not-allowed";
            title = "Method Not Allowed";
            detail = "This resource does not answer " + request.getMethod().replaceAll("[^A-Za-z-]", "?");
        } else {
            slug = status == 400 ? "bad-request" : "http-" + status;
            title = status == 400 ? "Bad Request" : "HTTP " + status;
            detail = status == 400 ? "The request could not be understood (path, headers or encoding)" : "The request was refused";
        }
        var problem = Json.createObjectBuilder().add("type", "/problems/" + slug).add("title", title).add("status", status)
                .add("detail", detail);
        if (incident != null) {
            problem.add("incident", incident);
        }
        String body = problem.build().toString();
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
