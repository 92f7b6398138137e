package org.guitai.hq.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.guitai.kernel.problem.PosException;
import org.guitai.kernel.problem.Problem;

/** Every refusal the domain gives on purpose: its own slug, status and helpful members. */
@Provider
public class PosExceptionMapper implements ExceptionMapper<PosException> {

    private static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(PosException e) {
        Response problem = ProblemResponses.of(Problem.of(e, uri.getRequestUri().getPath()));
        // a refusal that says when to come back says it in the standard header too (RFC 9110)
        if (e.extensions().get(RETRY_AFTER_SECONDS) instanceof Number seconds) {
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds.longValue()).build();
        }
        return problem;
    }
}
