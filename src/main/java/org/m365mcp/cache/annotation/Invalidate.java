package org.m365mcp.cache.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One invalidation of an {@link InvalidatesCache} write: the cached results of {@link #operation()}
 * for the call's account, all of them or only those whose cached call had a given parameter value.
 *
 * <ul>
 *   <li>{@code @Invalidate(operation = "email_list")}: every {@code email_list} entry of the account.</li>
 *   <li>{@code @Invalidate(operation = "email_get", param = "message_id")}: the {@code email_get}
 *       entries cached with {@code message_id} equal to this call's {@code messageId} argument.</li>
 *   <li>{@code @Invalidate(operation = "email_list", param = "folder", value = "sentitems")}: the
 *       {@code email_list} entries cached for that folder.</li>
 *   <li>{@code @Invalidate(operation = "emailfolders_*")}: every entry of every operation whose name
 *       starts with {@code emailfolders_} (a family: its reads change together), in one removal.</li>
 * </ul>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Invalidate {

    /** Ends an {@link #operation()} that names a family: {@code emailfolders_*}. */
    String FAMILY = "_*";

    /**
     * The cached operation (its {@code @CacheResult} cacheName), e.g. {@code email_list}, or a family
     * of them ending in {@link #FAMILY}, e.g. {@code emailfolders_*} (then without {@link #param()}).
     */
    String operation();

    /**
     * A key parameter of the cached operation in snake case ({@code message_id}); empty: every
     * entry of the operation for the account.
     */
    String param() default "";

    /**
     * The write method's parameter holding the value to match, by Java name; empty: the camel-case
     * form of {@link #param()} ({@code message_id} → {@code messageId}). A collection argument
     * matches each of its elements. Ignored when {@link #value()} is set.
     */
    String argument() default "";

    /** A fixed value to match instead of an argument's, e.g. {@code sentitems}. */
    String value() default "";
}
