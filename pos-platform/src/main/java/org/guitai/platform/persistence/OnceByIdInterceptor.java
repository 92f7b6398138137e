package org.guitai.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a {@link OnceById} call again after it lost a race on a unique key. It wraps the
 * transaction (its priority is lower than the transactional interceptor's, so it runs first), so
 * each run has a transaction of its own.
 */
@OnceById
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class OnceByIdInterceptor {

    @AroundInvoke
    Object runOnce(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (RuntimeException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return call.proceed();
            }
            throw e;
        }
    }
}
