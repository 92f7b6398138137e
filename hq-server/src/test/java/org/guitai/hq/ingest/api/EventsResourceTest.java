package org.guitai.hq.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A store proves itself with {@code Authorization: Bearer <credential>}; nothing else counts as a credential. */
class EventsResourceTest {

    @Test
    void theCredentialIsWhatFollowsTheBearerSchemeWrittenInAnyCase() {
        assertEquals("test-credential-of-store-S001", EventsResource.bearerCredential("Bearer test-credential-of-store-S001"));
        assertEquals("test-credential-of-store-S001", EventsResource.bearerCredential("bearer test-credential-of-store-S001"));
        assertEquals("test-credential-of-store-S001", EventsResource.bearerCredential("BEARER   test-credential-of-store-S001 "),
                "surrounding blanks are not part of the secret");
    }

    @Test
    void anyOtherSchemeOrNoHeaderGivesNoCredential() {
        assertNull(EventsResource.bearerCredential(null));
        assertNull(EventsResource.bearerCredential("Basic UzAwMTpzZWNyZXQ="));
        assertNull(EventsResource.bearerCredential("Bearer"));
        assertNull(EventsResource.bearerCredential("Bearertest-credential-of-store-S001"));
        assertNull(EventsResource.bearerCredential("test-credential-of-store-S001"), "a bare secret is not taken");
    }
}
