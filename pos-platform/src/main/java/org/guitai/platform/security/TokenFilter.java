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
import java.util.Optional;

/**
 * Every call but those marked {@link Public} carries {@code Authorization: Bearer <token>} of a
 * live session, which the server's {@link Sessions} turn into the {@link CurrentCaller}. A server
 * without sessions refuses every call that is not public: it fails closed.
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

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(Public.class)
                || resource.getResourceClass().isAnnotationPresent(Public.class)) {
            return;
        }
        String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElseThrow(() -> new NotAuthenticatedException("this call needs 'Authorization: Bearer <token>' from POST /api/sessions"));
        caller.set(sessions().resolve(token));
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
