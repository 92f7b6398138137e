package org.guitai.platform.problem;

import jakarta.ws.rs.core.Response;
import org.guitai.kernel.problem.Problem;

/** Turns a problem into the HTTP answer: its status, {@code application/problem+json}. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** A problem that says when to try again ({@code retryAfterSeconds}) also carries the standard Retry-After header. */
    public static Response of(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.members());
        Object retryAfter = problem.members().get("retryAfterSeconds");
        if (retryAfter instanceof Number seconds) {
            response.header("Retry-After", seconds.longValue());
        }
        return response.build();
    }
}
