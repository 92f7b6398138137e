package org.guitai.platform.problem;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guitai.kernel.problem.PosException;
import org.guitai.kernel.problem.Problem;
import org.guitai.platform.persistence.DuplicateKeys;

/**
 * The one mapping of every failure to the problem a client sees, the same on every server:
 * <ul>
 * <li>a refusal on purpose ({@link PosException}) is its own slug, status and members;</li>
 * <li>Bean Validation refusals are 400 {@code invalid-request} with one entry per field;</li>
 * <li>a body that is not JSON of the expected shape is 400 {@code malformed-request};</li>
 * <li>the runtime's own answers (404, 405, 415, ...) keep their status;</li>
 * <li>two requests that changed the same rows at once (a lock wait ran out, a deadlock was
 * broken, an optimistic check failed) are 409 {@code concurrent-change}, and an id used twice is
 * 409 {@code id-conflict}: nothing of the loser was recorded and it may be retried;</li>
 * <li>anything else is 500 with a generic detail and the stack trace logged under the instance id.</li>
 * </ul>
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private Problems() {
    }

    /** The problem answering {@code failure} on a request for {@code path}. */
    public static Problem of(Throwable failure, String path) {
        if (failure instanceof PosException refused) {
            return Problem.of(refused, path);
        }
        if (failure instanceof ConstraintViolationException invalid) {
            return invalid(invalid, path);
        }
        if (failure instanceof WebApplicationException http) {
            Response.StatusType status = http.getResponse().getStatusInfo();
            String slug = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            return Problem.of(slug, status.getStatusCode(), status.getReasonPhrase(), http.getMessage(), path);
        }
        if (failure instanceof ProcessingException) {
            // malformed or mistyped JSON reaches the application as a ProcessingException (cause JsonbException)
            return Problem.of("malformed-request", 400, "The request body is not valid JSON of the expected shape",
                    "the body could not be read: fix its JSON syntax and member types", path);
        }
        if (lostARace(failure)) {
            return Problem.of("concurrent-change", 409, "Changed at the same time",
                    "another request changed the same records at the same moment; nothing of this one was recorded: retry it", path);
        }
        if (DuplicateKeys.isDuplicateKey(failure)) {
            return Problem.of("id-conflict", 409, "Id already used",
                    "an id in the request is already used by another record: generate a new id", path);
        }
        String instance = "urn:uuid:" + UUID.randomUUID();
        LOG.log(Level.SEVERE, "unexpected failure " + instance, failure);
        return Problem.of("internal-error", 500, "Internal error",
                "the server failed unexpectedly; quote " + instance + " when reporting it", instance);
    }

    private static Problem invalid(ConstraintViolationException e, String path) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = String.join("; ", violations.stream().map(v -> v.get("field") + " " + v.get("message")).toList());
        return Problem.of("invalid-request", 400, "The request is invalid", detail, path).with("violations", violations);
    }

    /** The JSON member path: drops the method and parameter nodes ({@code open.request.id} -> {@code id}). */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] nodes = path.split("\\.", 3);
        return nodes.length == 3 ? nodes[2] : path;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return DuplicateKeys.isDeadlock(failure) || DuplicateKeys.isLockWaitTimeout(failure);
    }
}
