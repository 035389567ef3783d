package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpSchema;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.m365mcp.config.AnswerHandOff;

/**
 * The server's tools: discovered {@link McpTool} methods, their descriptors and their invocation, as the
 * {@link ToolSelection} offers and lists them.
 *
 * <ul>
 *   <li>A tool the selection does not offer is never listed; called by name (directly or through
 *       discovery mode), it is refused with why. Callers inside the server ({@link #bind}) are not
 *       limited by the selection.</li>
 *   <li>Methods are invoked on the bean's contextual reference, so interceptors apply; tool beans are
 *       {@code @ApplicationScoped}.</li>
 *   <li>Each MCP call runs inside every {@link ToolCallScope} the application has (a Graph deadline), with
 *       its {@link ToolProgress} ({@link CallProgress}): progress told when the request carries a progress
 *       token, and the client's cancellation ({@link RunningCalls}).</li>
 *   <li>An answer the tool's cache hands over already rendered ({@link AnswerHandOff}) is served as it
 *       is; any other return value is rendered once ({@link ToolResultMapper}).</li>
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
    Config config;

    @Inject
    @Any
    Instance<ToolCallScope> scopes;

    @Inject
    CallProgress progress;

    @Inject
    RunningCalls running;

    @Inject
    ResourceLinking linking;

    @Inject
    AnswerHandOff handOff;

    private List<ToolMethod> tools;
    private ToolCatalog catalog;
    private volatile ToolSelection selection;
    private final JsonSchemaValidator validator = new AnswerSchemaValidator(McpJsonDefaults.getSchemaValidator());
    private ArgumentBinder binder;
    private ToolSchemaFactory schemas;
    private ToolResultMapper results;

    @PostConstruct
    void discover() {
        binder = new ArgumentBinder();
        schemas = new ToolSchemaFactory(binder, json);
        results = new ToolResultMapper(json);
        tools = discovery.toolBeanClasses().stream()
                .flatMap(type ->
                        ToolDiscoveryExtension.toolMethods(type).stream().map(m -> ToolMethod.of(type, m)))
                .sorted(Comparator.comparing(ToolMethod::name))
                .toList();
        catalog = new ToolCatalog(tools, schemas);
    }

    /**
     * The tool settings, read on first use.
     *
     * @throws ToolSettingsException when a setting is invalid (an unknown area, a broken pattern)
     */
    public ToolSelection selection() {
        ToolSelection read = selection;
        if (read == null) {
            read = ToolSelection.from(config);
            selection = read;
        }
        return read;
    }

    /**
     * The tool specifications to hand to the MCP server, sorted by name: in direct mode every tool (those
     * not offered with a schema that takes anything, so their call reaches the refusal), in discovery
     * mode the three discovery tools. Each handler holds its bean's contextual reference (a client
     * proxy), resolved once here rather than on every call, and links the files its call saved
     * ({@link ResourceLinking}).
     *
     * @throws ToolSettingsException when a tool setting is invalid
     */
    public List<SyncToolSpecification> specifications() {
        ToolSelection chosen = selection();
        Map<String, Object> beansByTool = tools.stream()
                .collect(Collectors.toMap(
                        ToolMethod::name, tool -> beans.select(tool.beanClass()).get()));
        if (chosen.mode() == ToolMode.DISCOVERY) {
            return linked(new DiscoveryTools(
                            catalog,
                            chosen,
                            validator,
                            results,
                            (tool, arguments) -> call(tool, beansByTool.get(tool.name()), arguments, ToolProgress.NONE))
                    .specifications());
        }
        return linked(tools.stream()
                .map(tool -> new SyncToolSpecification(
                        chosen.offers(tool) ? schemas.describe(tool) : ToolCatalog.unlisted(tool),
                        (exchange, request) -> {
                            RunningCall call = running.start(request.meta(), ExchangeProgress.of(exchange, request));
                            try {
                                return call(tool, beansByTool.get(tool.name()), request.arguments(), call);
                            } finally {
                                running.end(request.meta(), call);
                            }
                        }))
                .toList());
    }

    private List<SyncToolSpecification> linked(List<SyncToolSpecification> specifications) {
        return specifications.stream().map(linking::linking).toList();
    }

    /** Hides from {@code tools/list} what the selection does not list. */
    public McpSyncListFilter<McpSchema.Tool> listFilter() {
        Set<String> listed = Set.copyOf(names());
        return (context, tool) -> listed.contains(tool.name());
    }

    /** The JSON Schema validator tool calls are checked with, directly (by the SDK) and in discovery mode. */
    public JsonSchemaValidator validator() {
        return validator;
    }

    /** The names {@code tools/list} shows. */
    public List<String> names() {
        return catalog.listed(selection()).stream().map(McpSchema.Tool::name).toList();
    }

    /**
     * Binds a call of the tool {@code name} from JSON-style {@code arguments} (snake_case names), as
     * the endpoint would, for a caller inside the server.
     *
     * @throws IllegalArgumentException when no tool has that name
     * @throws ToolArgumentException    when an argument does not bind
     */
    public BoundToolCall bind(String name, Map<String, Object> arguments) {
        ToolMethod tool = tools.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No tool named '" + name + "'"));
        return new BoundToolCall(
                name, tool.method(), beans.select(tool.beanClass()).get(), binder.bind(tool, arguments));
    }

    /**
     * What a tool error would say about {@code failure}: the tool's own message, a translated Graph
     * or sign-in failure, or only the failure's type (never its possibly sensitive message).
     */
    public String describe(Throwable failure) {
        if (failure instanceof ToolException toolFailure) {
            return toolFailure.getMessage();
        }
        return translated(failure)
                .orElse("failed unexpectedly (" + failure.getClass().getSimpleName() + ")");
    }

    private CallToolResult call(
            ToolMethod tool, Object bean, Map<String, Object> arguments, ToolProgress callProgress) {
        Optional<String> refusal = selection().refusal(tool);
        if (refusal.isPresent()) {
            return results.error(refusal.get());
        }
        try {
            Object[] values = binder.bind(tool, arguments);
            try (AnswerHandOff.Open answer = handOff.open(tool.method())) {
                Object value = scoped(
                        () -> progress.with(callProgress, () -> tool.method().invoke(bean, values)));
                return answer.answer().map(results::cached).orElseGet(() -> results.success(value));
            }
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
        return results.error(
                tool.name() + " failed unexpectedly (" + failure.getClass().getSimpleName()
                        + "); the server log has the details under reference " + reference);
    }

    /** Whether {@link #describe} explains {@code failure} (a tool error or a translated failure), not only names its type. */
    public boolean explains(Throwable failure) {
        return failure instanceof ToolException || translated(failure).isPresent();
    }

    private Optional<String> translated(Throwable failure) {
        return translators.stream()
                .map(t -> t.translate(failure))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
