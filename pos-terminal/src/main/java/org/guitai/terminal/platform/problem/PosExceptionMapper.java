package org.guitai.terminal.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.guitai.kernel.problem.PosException;
import org.guitai.kernel.problem.Problem;

/** Every refusal the domain gives on purpose: its own slug, status and helpful members. */
@Provider
public class PosExceptionMapper implements ExceptionMapper<PosException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(PosException e) {
        return ProblemResponses.of(Problem.of(e, uri.getRequestUri().getPath()));
    }
}
