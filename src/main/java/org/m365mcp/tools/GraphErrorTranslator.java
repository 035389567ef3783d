package org.m365mcp.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolErrorTranslator;

/** Shows Graph's own error (status, code, message) as the tool error; Graph messages carry no secrets. */
@ApplicationScoped
public class GraphErrorTranslator implements ToolErrorTranslator {

    @Override
    public Optional<String> translate(Throwable failure) {
        return failure instanceof GraphException graph ? Optional.of(graph.getMessage()) : Optional.empty();
    }
}
