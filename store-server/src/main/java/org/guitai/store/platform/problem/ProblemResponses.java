package org.guitai.store.platform.problem;

import jakarta.ws.rs.core.Response;
import org.guitai.kernel.problem.Problem;

/** Turns a problem into the HTTP answer every mapper gives: its status, {@code application/problem+json}. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.members()).build();
    }
}
