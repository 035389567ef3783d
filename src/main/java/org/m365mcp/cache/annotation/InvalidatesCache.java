package org.m365mcp.cache.annotation;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what a write tool makes stale (SPEC §3): once the method returns normally, each
 * {@link Invalidate} removes the matching cached results of the call's account from both cache
 * tiers, audited with the method's name in snake case (the tool's name) as the reason. A method
 * that throws invalidates nothing.
 *
 * <pre>{@code
 * @McpTool(name = "email_delete", destructive = true, ...)
 * @InvalidatesCache({
 *     @Invalidate(operation = "email_list"),
 *     @Invalidate(operation = "email_get", param = "message_id")})
 * public EmailDeleted emailDelete(String accountId, String messageId, boolean confirm) { ... }
 * }</pre>
 *
 * <ul>
 *   <li>The account is the method's {@code accountId} parameter, as for {@code @CacheResult}.</li>
 *   <li>Invalidation is by the cached call's parameters, not by key text, so it also finds entries
 *       whose key was shortened to a hash (keys over 100 characters, SPEC §3).</li>
 * </ul>
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface InvalidatesCache {

    /** What to invalidate, in order. */
    @Nonbinding
    Invalidate[] value() default {};
}
