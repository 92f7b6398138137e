package org.guitai.store.platform.problem;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guitai.kernel.problem.Problem;
import org.guitai.store.platform.persistence.DuplicateKeys;

/**
 * Anything not refused on purpose. Two requests that changed the same rows at once (a lock wait
 * ran out, a deadlock was broken, an id was used twice) get 409: nothing of the loser was
 * recorded and it may be retried. The rest is a 500 with a generic detail and the stack trace
 * logged under the instance id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        String path = uri.getRequestUri().getPath();
        if (lostARace(e)) {
            return ProblemResponses.of(Problem.of("concurrent-change", 409, "Changed at the same time",
                    "another request changed the same records at the same moment; nothing of this one was recorded: retry it", path));
        }
        if (DuplicateKeys.isDuplicateKey(e)) {
            return ProblemResponses.of(Problem.of("id-conflict", 409, "Id already used",
                    "an id in the request is already used by another record: generate a new id", path));
        }
        String instance = "urn:uuid:" + UUID.randomUUID();
        LOG.log(Level.SEVERE, "unexpected failure " + instance, e);
        return ProblemResponses.of(Problem.of("internal-error", 500, "Internal error",
                "the server failed unexpectedly; quote " + instance + " when reporting it", instance));
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return DuplicateKeys.isDeadlock(failure);
    }
}
