package org.m365mcp.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.m365mcp.graph.auth.SignInException;
import org.m365mcp.mcp.ToolErrorTranslator;

/** Shows why signing in could not start or finish; those messages carry no token. */
@ApplicationScoped
public class SignInErrorTranslator implements ToolErrorTranslator {

    @Override
    public Optional<String> translate(Throwable failure) {
        return failure instanceof SignInException signIn ? Optional.of(signIn.getMessage()) : Optional.empty();
    }
}
