package org.guitai.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token of {@code Authorization: Bearer <token>}: a staff session's, or a store's credential at HQ. */
class TokenFilterTest {

    @Test
    void theTokenIsWhatFollowsTheBearerSchemeWrittenInAnyCase() {
        assertEquals(Optional.of("test-credential-of-store-S001"), TokenFilter.bearerToken("Bearer test-credential-of-store-S001"));
        assertEquals(Optional.of("test-credential-of-store-S001"), TokenFilter.bearerToken("bearer test-credential-of-store-S001"));
        assertEquals(Optional.of("test-credential-of-store-S001"), TokenFilter.bearerToken("BEARER   test-credential-of-store-S001 "),
                "surrounding blanks are not part of the secret");
    }

    @Test
    void anyOtherSchemeOrNoHeaderGivesNoToken() {
        assertTrue(TokenFilter.bearerToken(null).isEmpty());
        assertTrue(TokenFilter.bearerToken("Basic UzAwMTpzZWNyZXQ=").isEmpty());
        assertTrue(TokenFilter.bearerToken("Bearer").isEmpty());
        assertTrue(TokenFilter.bearerToken("Bearer    ").isEmpty());
        assertTrue(TokenFilter.bearerToken("Bearertest-credential-of-store-S001").isEmpty());
        assertTrue(TokenFilter.bearerToken("test-credential-of-store-S001").isEmpty(), "a bare secret is not taken");
    }
}
