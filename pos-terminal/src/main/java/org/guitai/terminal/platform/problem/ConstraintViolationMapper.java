package org.guitai.terminal.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.guitai.kernel.problem.Problem;

/** Bean Validation refusals of a request: 400 with one entry per violated field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message")).reduce((a, b) -> a + "; " + b).orElse("");
        return ProblemResponses.of(Problem.of("invalid-request", 400, "The request is invalid", detail, uri.getRequestUri().getPath())
                .with("violations", violations));
    }

    /** The JSON member path: drops the method and parameter nodes ({@code open.request.id} -> {@code id}). */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] nodes = path.split("\\.", 3);
        return nodes.length == 3 ? nodes[2] : path;
    }
}
