package org.guitai.store.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guitai.kernel.problem.Problem;

/** Anything not foreseen: 500 with a generic detail; the stack trace is logged under the instance id. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String instance = "urn:uuid:" + UUID.randomUUID();
        LOG.log(Level.SEVERE, "unexpected failure " + instance, e);
        return ProblemResponses.of(Problem.of("internal-error", 500, "Internal error",
                "the server failed unexpectedly; quote " + instance + " when reporting it", instance));
    }
}
