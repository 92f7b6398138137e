package org.guitai.hq.staff.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.guitai.hq.platform.security.CurrentCaller;
import org.guitai.hq.platform.security.NotAuthenticatedException;
import org.guitai.hq.platform.security.Public;
import org.guitai.hq.staff.service.SessionService;

/** Every call but those marked {@link Public} carries {@code Authorization: Bearer <token>} of a live HQ session. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    SessionService sessions;

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
        caller.set(sessions.resolve(token));
    }

    static Optional<String> bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
