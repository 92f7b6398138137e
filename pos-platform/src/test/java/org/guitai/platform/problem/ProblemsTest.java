package org.guitai.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.guitai.kernel.problem.Problem;
import org.guitai.platform.security.ForbiddenException;
import org.guitai.platform.testing.ProblemProbe;
import org.junit.jupiter.api.Test;

/** Every way a request fails, answered with one problem, the same on every server. */
class ProblemsTest {

    private static final String PATH = "/api/sales/42";

    private static Problem problem(Throwable failure) {
        return Problems.of(failure, PATH);
    }

    private static void assertProblem(int status, String slug, Problem problem) {
        assertEquals(status, problem.status(), problem::toString);
        assertEquals(Problem.TYPE_PREFIX + slug, problem.type(), problem::toString);
    }

    @Test
    void aRefusalOnPurposeKeepsItsSlugStatusAndMembers() {
        Problem problem = problem(new ProblemProbe.Refused());
        assertProblem(422, "probe-refused", problem);
        assertEquals("refused on purpose", problem.detail());
        assertEquals(PATH, problem.instance());
        assertEquals(true, problem.members().get("probe"));
        assertProblem(403, "forbidden", problem(new ForbiddenException("reading the audit log needs the role STORE_MANAGER")));
    }

    @Test
    void validationNamesEachFieldInOrder() {
        Problem problem = problem(new ConstraintViolationException(new LinkedHashSet<>(List.of(
                violation("open.request.terminalId", "must not be null"), violation("open.request.id", "must not be null")))));
        assertProblem(400, "invalid-request", problem);
        assertEquals("id must not be null; terminalId must not be null", problem.detail());
        assertEquals(List.of(Map.of("field", "id", "message", "must not be null"), Map.of("field", "terminalId", "message", "must not be null")),
                problem.members().get("violations"));
    }

    @Test
    void aBodyThatIsNotJsonOfTheRightShapeIsMalformed() {
        Problem problem = problem(new ProcessingException("reading the entity failed", new JsonbException("Unexpected char")));
        assertProblem(400, "malformed-request", problem);
        assertFalse(problem.detail().contains("Unexpected char"), "the parser's words are not the client's business");
    }

    @Test
    void theRuntimesOwnAnswersKeepTheirStatus() {
        assertProblem(404, "not-found", problem(new NotFoundException()));
        assertProblem(405, "method-not-allowed", problem(new NotAllowedException("GET")));
        assertProblem(415, "unsupported-media-type", problem(new NotSupportedException()));
    }

    @Test
    void twoRequestsChangingTheSameRowsAtOnceAre409AndMayBeRetried() {
        for (Throwable race : List.of(new PessimisticLockException(), new LockTimeoutException(), new OptimisticLockException(),
                new PersistenceException(new SQLException("Deadlock found when trying to get lock", "40001", 1213)),
                new PersistenceException(new SQLException("Lock wait timeout exceeded", "HY000", 1205)),
                new RuntimeException(new IllegalStateException(new PessimisticLockException())))) {
            Problem problem = problem(race);
            assertProblem(409, "concurrent-change", problem);
            assertTrue(problem.detail().contains("retry"), problem::toString);
        }
    }

    @Test
    void anIdAlreadyUsedIs409AnywhereInTheCauseChain() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062);
        assertProblem(409, "id-conflict", problem(duplicate));
        assertProblem(409, "id-conflict", problem(new PersistenceException("flush failed", new RuntimeException(duplicate))));
    }

    @Test
    void anythingElseIsA500ThatNamesOnlyTheInstanceToQuote() {
        Problem problem = problem(new IllegalStateException("secret internals"));
        assertProblem(500, "internal-error", problem);
        assertTrue(problem.instance().startsWith("urn:uuid:"), problem::toString);
        assertTrue(problem.detail().contains(problem.instance()), problem::toString);
        assertFalse(problem.detail().contains("secret internals"), problem::toString);
        assertProblem(500, "internal-error", problem(new SQLException("Table 'sale' doesn't exist", "42S02", 1146)));
    }

    @Test
    void theAnswerIsProblemJsonAndSaysWhenToComeBack() {
        Response response = ProblemResponses.of(Problem.of("login-throttled", 429, "Too many attempts", "wait", PATH).with("retryAfterSeconds", 7L));
        assertEquals(429, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertEquals("7", response.getHeaderString("Retry-After"));
        assertEquals(null, ProblemResponses.of(problem(new NotFoundException())).getHeaderString("Retry-After"));
    }

    /** A violation as Hibernate Validator reports one on a resource method's parameter. */
    private static ConstraintViolation<?> violation(String path, String message) {
        Path propertyPath = (Path) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] {Path.class}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return path;
            }
            throw new UnsupportedOperationException(method.getName());
        });
        return (ConstraintViolation<?>) Proxy.newProxyInstance(ConstraintViolation.class.getClassLoader(), new Class<?>[] {ConstraintViolation.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPropertyPath" -> propertyPath;
                    case "getMessage" -> message;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

}
