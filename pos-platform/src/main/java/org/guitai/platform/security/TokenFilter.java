package org.guitai.platform.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import org.guitai.kernel.security.TerminalSignature;
import org.guitai.platform.problem.InvalidRequestException;

/**
 * Every call but those marked {@link Public} carries {@code Authorization: Bearer <token>} of a
 * live session, which the server's {@link Sessions} turn into the {@link CurrentCaller}. A server
 * without sessions refuses every call that is not public: it fails closed. Without a token, a
 * method marked {@link AcceptsTerminalSignature} takes a request a terminal signed
 * ({@link TerminalSignature}'s headers), checked by the server's {@link TerminalSignatures}; any
 * other method refuses one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Instance<Sessions> available;

    /** The server's sessions, resolved at the first call that needs them (a client proxy, safe to keep). */
    private volatile Sessions sessions;

    @Inject
    CurrentCaller caller;

    @Inject
    Instance<TerminalSignatures> terminals;

    /** A signed body is read whole to be checked: a sale document of 500 lines is far below this. */
    static final int MAX_SIGNED_BODY = 4 * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(Public.class)
                || resource.getResourceClass().isAnnotationPresent(Public.class)) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null && request.getHeaderString(TerminalSignature.TERMINAL_HEADER) != null) {
            caller.set(signedBy(request));
            return;
        }
        String token = bearerToken(authorization)
                .orElseThrow(() -> new NotAuthenticatedException("this call needs 'Authorization: Bearer <token>' from POST /api/sessions"));
        caller.set(sessions().resolve(token));
    }

    /**
     * The terminal that signed the request. Its body is read here to be checked and handed on
     * unchanged to the resource; the path signed is the one sent, from the application's
     * {@code /api/} on (whatever context root the server is deployed under).
     */
    private Caller signedBy(ContainerRequestContext request) {
        if (!resource.getResourceMethod().isAnnotationPresent(AcceptsTerminalSignature.class)) {
            throw new ForbiddenException("a terminal's signature is not taken for " + request.getMethod() + " " + request.getUriInfo().getPath()
                    + ": log in (POST /api/sessions) and send 'Authorization: Bearer <token>'");
        }
        if (!terminals.isResolvable()) {
            throw new NotAuthenticatedException("this server enrols no terminals: a signed request is refused");
        }
        String timestamp = request.getHeaderString(TerminalSignature.TIMESTAMP_HEADER);
        String signature = request.getHeaderString(TerminalSignature.SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            throw new NotAuthenticatedException("a signed request carries " + TerminalSignature.TERMINAL_HEADER + ", "
                    + TerminalSignature.TIMESTAMP_HEADER + " and " + TerminalSignature.SIGNATURE_HEADER);
        }
        byte[] body = request.hasEntity() ? readBody(request.getEntityStream()) : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        byte[] signed = TerminalSignature.signedBytes(request.getMethod(), signedPath(request.getUriInfo().getBaseUri(),
                request.getUriInfo().getRequestUri()), timestamp, body);
        return terminals.get().verify(request.getHeaderString(TerminalSignature.TERMINAL_HEADER), timestamp, signature, signed);
    }

    /** {@code /api/} and the request's raw path under the application, with its raw query: what the terminal sent and signed. */
    static String signedPath(URI base, URI request) {
        String basePath = base.getRawPath();
        String path = request.getRawPath();
        String under = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
        while (under.startsWith("/")) {
            under = under.substring(1);
        }
        return "/api/" + under + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
    }

    private static byte[] readBody(InputStream in) {
        try (in) {
            byte[] body = in.readNBytes(MAX_SIGNED_BODY + 1);
            if (body.length > MAX_SIGNED_BODY) {
                throw new InvalidRequestException("a signed request's body has at most " + MAX_SIGNED_BODY + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a signed request's body failed", e);
        }
    }

    private Sessions sessions() {
        Sessions resolved = sessions;
        if (resolved == null) {
            if (!available.isResolvable()) {
                throw new NotAuthenticatedException("this server keeps no sessions: the call is refused");
            }
            resolved = available.get();
            sessions = resolved;
        }
        return resolved;
    }

    /** The token of an {@code Authorization: Bearer <token>} header. */
    public static Optional<String> bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
