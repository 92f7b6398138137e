package org.guitai.store.platform.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.guitai.kernel.problem.Problem;

/** Malformed or mistyped JSON reaches the application as a ProcessingException (cause JsonbException). */
@Provider
public class MalformedRequestMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
        return ProblemResponses.of(Problem.of("malformed-request", 400, "The request body is not valid JSON of the expected shape",
                "the body could not be read: fix its JSON syntax and member types", uri.getRequestUri().getPath()));
    }
}
