package org.m365mcp.cache.annotation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.entries.TieredCaches;
import org.m365mcp.cache.store.Removal;
import org.m365mcp.config.Names;

/**
 * Carries out {@link InvalidatesCache}: after the write method returns normally, removes what each
 * {@link Invalidate} names from both cache tiers for the call's account, audited with the method's
 * name in snake case (the tool's name, by convention) as the reason.
 *
 * <ul>
 *   <li>A method that throws invalidates nothing: Graph did not change (or the caller is told it
 *       may have, and the next read with {@code force_refresh} settles it).</li>
 *   <li>A failed invalidation is logged and does not fail the write, which has happened; the
 *       entries it missed age out with their TTLs.</li>
 *   <li>Runs inside {@link TieredCacheResultInterceptor}'s priority band, after it; the two never
 *       meet on one method (reads are not writes).</li>
 * </ul>
 */
@InvalidatesCache
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 110)
public class TieredInvalidationInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TieredInvalidationInterceptor.class.getName());

    @Inject
    TieredCaches caches;

    @AroundInvoke
    public Object invalidateAfter(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        Method method = invocation.getMethod();
        InvalidatesCache declared = method.getAnnotation(InvalidatesCache.class);
        if (declared == null) {
            declared = method.getDeclaringClass().getAnnotation(InvalidatesCache.class);
        }
        if (declared != null) {
            String reason = reason(method);
            Object[] arguments = invocation.getParameters();
            String accountId = CachedCall.accountOf(argument(method, arguments, CachedCall.ACCOUNT));
            for (Invalidate invalidate : declared.value()) {
                invalidate(accountId, invalidate, method, arguments, reason);
            }
        }
        return result;
    }

    private void invalidate(String accountId, Invalidate invalidate, Method method, Object[] arguments, String reason) {
        try {
            Removal removal;
            if (invalidate.operation().endsWith(Invalidate.FAMILY)
                    && !invalidate.param().isEmpty()) {
                throw new IllegalStateException("@Invalidate(operation = \"" + invalidate.operation()
                        + "\") names a family of operations; it takes no param");
            }
            if (invalidate.param().isEmpty()) {
                // A family: every operation of it, one store transaction (keys keep their operation prefix).
                removal = caches.invalidateEntries(accountId, invalidate.operation(), null, null, reason);
            } else {
                Object value = invalidate.value().isEmpty()
                        ? argument(
                                method,
                                arguments,
                                invalidate.argument().isEmpty()
                                        ? Names.camelCase(invalidate.param())
                                        : invalidate.argument())
                        : invalidate.value();
                if (value == null) {
                    return; // the optional argument was not given: no entry can have been cached for it
                }
                // A list argument (several message ids, say) invalidates the entries of each element.
                Collection<?> values = value instanceof Collection<?> many ? many : List.of(value);
                removal = Removal.NONE;
                for (Object one : values) {
                    if (one != null) {
                        removal = removal.plus(caches.invalidateByParam(
                                accountId, invalidate.operation(), invalidate.param(), String.valueOf(one), reason));
                    }
                }
            }
            int count = removal.count();
            LOG.fine(() -> reason + " invalidated " + count + " " + invalidate.operation() + " entries");
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    reason + " could not invalidate " + invalidate.operation()
                            + "; its cached results age out with their TTL",
                    e);
        }
    }

    /** The value of {@code method}'s parameter named {@code name}. */
    private static Object argument(Method method, Object[] arguments, String name) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getName().equals(name)) {
                return arguments[i];
            }
        }
        throw new IllegalStateException("@InvalidatesCache on " + method + " needs a parameter named '" + name
                + "' (compile with -parameters)");
    }

    /** The write's name, {@code emailDelete} → {@code email_delete}: the tool's name by convention. */
    private static String reason(Method method) {
        return Names.snakeCase(method.getName());
    }
}
