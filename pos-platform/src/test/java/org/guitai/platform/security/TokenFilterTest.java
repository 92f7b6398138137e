package org.guitai.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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

    @Test
    void aTerminalSignsThePathFromApiOnWithItsQueryAsSentWhateverTheContextRoot() {
        assertEquals("/api/catalog/changes?since=42", TokenFilter.signedPath(URI.create("http://store:8081/api/"),
                URI.create("http://store:8081/api/catalog/changes?since=42")));
        assertEquals("/api/sales/documents", TokenFilter.signedPath(URI.create("http://127.0.0.1:40123/store-server/api/"),
                URI.create("http://127.0.0.1:40123/store-server/api/sales/documents")), "deployed under a context root");
        assertEquals("/api/products?q=%E7%94%B5", TokenFilter.signedPath(URI.create("http://store/api/"),
                URI.create("http://store/api/products?q=%E7%94%B5")), "the query stays encoded as sent");
    }
}
