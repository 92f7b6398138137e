package org.guitai.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What every server's integration test checks over HTTP with the {@link ProblemProbe} in its WAR:
 * each failure is answered with the same problem on every server.
 */
public final class ProblemChecks {

    private ProblemChecks() {
    }

    /** The WAR under test with the probe added. */
    public static WebArchive withProbe(WebArchive war) {
        return war.addClasses(ProblemProbe.class, ProblemProbe.Body.class, ProblemProbe.Refused.class);
    }

    /** The failures of a request, as answered by a server with or without a database of its own. */
    public static void everyFailureIsAnsweredAlike(JsonHttp api, boolean withDatabase) {
        Answer refused = assertProblem(422, "probe-refused", api.get("problem-probe/refused"));
        assertEquals("7", refused.header("Retry-After").orElse(""), refused::toString);
        assertTrue(refused.json().getBoolean("probe"), refused::toString);

        JsonObject invalid = assertProblem(400, "invalid-request", api.post("problem-probe/validated", "{\"name\":\"Not OK\"}")).json();
        assertEquals("name", invalid.getJsonArray("violations").getJsonObject(0).getString("field"), invalid::toString);
        assertEquals(200, api.post("problem-probe/validated", "{\"name\":\"ok\"}").status());
        assertProblem(400, "malformed-request", api.post("problem-probe/validated", "{\"name\":"));
        assertProblem(400, "malformed-request", api.post("problem-probe/validated", "{\"name\":[1]}"));

        assertProblem(404, "not-found", api.get("problem-probe/refused/nowhere"));
        assertProblem(405, "method-not-allowed", api.delete("problem-probe/refused"));

        assertProblem(409, "concurrent-change", api.get("problem-probe/lock-timeout"));
        assertProblem(409, "concurrent-change", api.get("problem-probe/deadlock"));
        if (withDatabase) {
            assertProblem(409, "id-conflict", api.get("problem-probe/duplicate-key"));
            assertProblem(409, "concurrent-change", api.get("problem-probe/lock-wait"));
        }

        JsonObject unexpected = assertProblem(500, "internal-error", api.get("problem-probe/unexpected")).json();
        assertTrue(unexpected.getString("instance").startsWith("urn:uuid:"), unexpected::toString);
        assertFalse(unexpected.toString().contains("internals"), unexpected::toString);
    }

    private static Answer assertProblem(int status, String slug, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        assertEquals("urn:guitai:problem:" + slug, answer.json().getString("type"), answer::toString);
        return answer;
    }
}
