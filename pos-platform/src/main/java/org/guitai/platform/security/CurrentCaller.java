package org.guitai.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller the token filter resolved for the current request, kept as an attribute of that
 * request (which no client can set): a request-scoped bean cost a bean created per call.
 */
@ApplicationScoped
public class CurrentCaller {

    private static final String ATTRIBUTE = Caller.class.getName();

    @Inject
    HttpServletRequest request;

    void set(Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    /** @throws NotAuthenticatedException on a request that carried no valid token */
    public Caller get() {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthenticatedException("this call needs a staff session token");
    }
}
