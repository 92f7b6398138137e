package org.guitai.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that creates something under a client-generated id and answers a repeat with
 * what the first call created. When two identical requests race, the loser's insert fails on the
 * unique key at commit; {@link OnceByIdInterceptor} then runs the call once more, in a transaction
 * of its own, which finds the winner's record and answers with it. Call it outside a transaction.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OnceById {
}
