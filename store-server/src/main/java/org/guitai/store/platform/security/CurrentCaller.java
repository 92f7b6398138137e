package org.guitai.store.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Holds the caller the token filter resolved for this request. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    /** @throws NotAuthenticatedException on a request that carried no valid token */
    public Caller get() {
        return Optional.ofNullable(caller).orElseThrow(() -> new NotAuthenticatedException("this call needs a staff session token"));
    }
}
