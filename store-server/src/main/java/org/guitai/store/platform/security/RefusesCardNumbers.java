package org.guitai.store.platform.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that takes tenders: a body carrying anything that looks like a full card
 * number is refused before it is read, and nothing of it is kept or logged.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RefusesCardNumbers {

    /** The top-level member holding the tenders; empty for the whole body. */
    String member() default "";
}
