package org.m365mcp.mcp;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the CDI bean classes that declare {@link McpTool} methods while the container boots.
 *
 * <ul>
 *   <li>A tool without an area ({@link McpToolArea}) fails the deployment.</li>
 *   <li>Duplicate tool names fail the deployment, as the MCP SDK does when a server is built.</li>
 *   <li>Thread-safe: the container may fire discovery events from several threads.</li>
 * </ul>
 */
public class ToolDiscoveryExtension implements Extension {

    private final Set<Class<?>> toolBeanClasses = ConcurrentHashMap.newKeySet();

    <T> void collect(@Observes @WithAnnotations(McpTool.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!toolMethods(type).isEmpty()) {
            toolBeanClasses.add(type);
        }
    }

    void rejectDuplicates(@Observes AfterDeploymentValidation event) {
        Map<String, Method> byName = new HashMap<>();
        for (Class<?> type : toolBeanClasses) {
            for (Method method : toolMethods(type)) {
                Method other =
                        byName.putIfAbsent(method.getAnnotation(McpTool.class).name(), method);
                try {
                    ToolMethod.of(type, method).area();
                } catch (IllegalStateException noArea) {
                    event.addDeploymentProblem(noArea);
                }
                if (other != null) {
                    event.addDeploymentProblem(new IllegalStateException("Duplicate MCP tool name '"
                            + method.getAnnotation(McpTool.class).name() + "' on " + method + " and " + other));
                }
            }
        }
    }

    Set<Class<?>> toolBeanClasses() {
        return Set.copyOf(toolBeanClasses);
    }

    static List<Method> toolMethods(Class<?> type) {
        return java.util.Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(McpTool.class))
                .toList();
    }
}
