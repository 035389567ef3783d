package org.m365mcp.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of an {@link McpTool} method.
 *
 * <ul>
 *   <li>The JSON name is the Java parameter name in snake case ({@code accountId} → {@code account_id}).</li>
 *   <li>A parameter with a {@link #defaultValue()} is optional; one without is required.</li>
 *   <li>{@link #min()} / {@link #max()} bound integer parameters; out-of-range values are rejected.</li>
 *   <li>A {@code List<String>} parameter is a JSON array of strings (a lone string is taken as a
 *       one-element list).</li>
 *   <li>A list or boxed parameter ({@code Boolean}, {@code Integer}, {@code Long}, {@code Double})
 *       with {@code defaultValue = ""} is optional and {@code null} when absent, e.g. "leave
 *       unchanged" in an update tool; an empty list sent by the client stays an empty list.</li>
 * </ul>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolParam {

    /** Marks "no default": the parameter is required. */
    String REQUIRED = "\u0000required";

    String value();

    String defaultValue() default REQUIRED;

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;
}
