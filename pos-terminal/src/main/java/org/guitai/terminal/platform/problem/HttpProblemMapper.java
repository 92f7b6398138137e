package org.guitai.terminal.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.guitai.kernel.problem.Problem;

/** The runtime's own answers (unknown path 404, wrong method 405, wrong media type 415, ...) as problems. */
@Provider
public class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return ProblemResponses.of(Problem.of(slug, status.getStatusCode(), status.getReasonPhrase(),
                e.getMessage(), uri.getRequestUri().getPath()));
    }
}
