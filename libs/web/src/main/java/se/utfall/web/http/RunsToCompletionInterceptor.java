package se.utfall.web.http;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Detaches the {@code Uni} a {@link RunsToCompletion} resource method returns from the request's cancellation. */
@RunsToCompletion
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class RunsToCompletionInterceptor {

    @AroundInvoke
    Object detach(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        return result instanceof Uni<?> work ? Detached.run(work) : result;
    }
}
