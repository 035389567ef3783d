package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's tools: discovered {@link McpTool} methods, their descriptors and their invocation.
 *
 * <ul>
 *   <li>Methods are invoked on the bean's contextual reference, so interceptors apply; tool beans are
 *       {@code @ApplicationScoped}.</li>
 *   <li>Each MCP call runs inside every {@link ToolCallScope} the application has (a Graph deadline).</li>
 *   <li>Every failure becomes a tool error ({@code isError = true}) with a message that names the
 *       problem; unexpected ones are logged with a reference the message repeats.</li>
 * </ul>
 */
@ApplicationScoped
public class ToolRegistry {

    private static final Logger LOG = Logger.getLogger(ToolRegistry.class.getName());

    @Inject
    @Any
    Instance<Object> beans;

    @Inject
    ToolDiscoveryExtension discovery;

    @Inject
    ObjectMapper json;

    @Inject
    @Any
    Instance<ToolErrorTranslator> translators;

    @Inject
    @Any
    Instance<ToolCallScope> scopes;

    private List<ToolMethod> tools;
    private ArgumentBinder binder;
    private ToolSchemaFactory schemas;
    private ToolResultMapper results;

    @PostConstruct
    void discover() {
        binder = new ArgumentBinder();
        schemas = new ToolSchemaFactory(binder);
        results = new ToolResultMapper(json);
        tools = discovery.toolBeanClasses().stream()
                .flatMap(type -> ToolDiscoveryExtension.toolMethods(type).stream().map(m -> ToolMethod.of(type, m)))
                .sorted(Comparator.comparing(ToolMethod::name))
                .toList();
    }

    /**
     * The tool specifications to hand to the MCP server, sorted by name. Each handler holds its bean's
     * contextual reference (a client proxy), resolved once here rather than on every call.
     */
    public List<SyncToolSpecification> specifications() {
        return tools.stream()
                .map(tool -> {
                    Object bean = beans.select(tool.beanClass()).get();
                    return new SyncToolSpecification(schemas.describe(tool),
                            (exchange, request) -> call(tool, bean, request.arguments()));
                })
                .toList();
    }

    public List<String> names() {
        return tools.stream().map(ToolMethod::name).toList();
    }

    /**
     * Binds a call of the tool {@code name} from JSON-style {@code arguments} (snake_case names), as
     * the endpoint would, for a caller inside the server.
     *
     * @throws IllegalArgumentException when no tool has that name
     * @throws ToolArgumentException    when an argument does not bind
     */
    public BoundToolCall bind(String name, Map<String, Object> arguments) {
        ToolMethod tool = tools.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No tool named '" + name + "'"));
        return new BoundToolCall(name, tool.method(), beans.select(tool.beanClass()).get(),
                binder.bind(tool, arguments));
    }

    /**
     * What a tool error would say about {@code failure}: the tool's own message, a translated Graph
     * or sign-in failure, or only the failure's type (never its possibly sensitive message).
     */
    public String describe(Throwable failure) {
        if (failure instanceof ToolException toolFailure) {
            return toolFailure.getMessage();
        }
        return translated(failure).orElse("failed unexpectedly (" + failure.getClass().getSimpleName() + ")");
    }

    private CallToolResult call(ToolMethod tool, Object bean, Map<String, Object> arguments) {
        try {
            Object[] values = binder.bind(tool, arguments);
            return results.success(scoped(() -> tool.method().invoke(bean, values)));
        } catch (InvocationTargetException e) {
            return failure(tool, e.getCause());
        } catch (ToolException e) {
            return results.error(e.getMessage());
        } catch (Exception e) {
            return failure(tool, e);
        }
    }

    /** {@code call} inside every {@link ToolCallScope}. */
    private Object scoped(Callable<Object> call) throws Exception {
        Callable<Object> scoped = call;
        for (ToolCallScope scope : scopes) {
            Callable<Object> inner = scoped;
            scoped = () -> scope.around(inner);
        }
        return scoped.call();
    }

    private CallToolResult failure(ToolMethod tool, Throwable failure) {
        if (failure instanceof ToolException toolFailure) {
            return results.error(toolFailure.getMessage());
        }
        Optional<String> translated = translated(failure);
        if (translated.isPresent()) {
            return results.error(tool.name() + " failed: " + translated.get());
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.WARNING, failure, () -> "Tool " + tool.name() + " failed unexpectedly (ref " + reference + ")");
        return results.error(tool.name() + " failed unexpectedly (" + failure.getClass().getSimpleName()
                + "); the server log has the details under reference " + reference);
    }

    /** Whether {@link #describe} explains {@code failure} (a tool error or a translated failure), not only names its type. */
    public boolean explains(Throwable failure) {
        return failure instanceof ToolException || translated(failure).isPresent();
    }

    private Optional<String> translated(Throwable failure) {
        return translators.stream().map(t -> t.translate(failure)).flatMap(Optional::stream).findFirst();
    }
}
