package org.guitai.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that a terminal may call with its signature instead of a staff session
 * token; the caller is then {@link Caller#terminal}, and the method decides what that terminal may
 * do. Every other method refuses a signed request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsTerminalSignature {
}
