package org.m365mcp.mcp;

import java.util.Optional;

/**
 * Turns an exception from a lower layer (e.g. Graph) into the message a tool error shows.
 *
 * <p>CDI beans implementing this are consulted in turn for exceptions that are not
 * {@link ToolException}s; the first non-empty answer wins. Messages must never contain secrets.
 */
public interface ToolErrorTranslator {

    Optional<String> translate(Throwable failure);
}
