package org.m365mcp.tools.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ServerIdentity;

/** What this server is: its version, and whether it talks to Microsoft or to the demo sandbox. */
@ApplicationScoped
public class ServerTools {

    @Inject
    ServerIdentity identity;

    @Inject
    SignIn signIn;

    @Inject
    GraphClient graph;

    @McpTool(
            name = "server_get_version",
            readOnly = true,
            idempotent = true,
            openWorld = false,
            description = "The server's name and version, and whether it uses Microsoft 365 or the demo sandbox.")
    public ServerVersionAnswer serverGetVersion() {
        boolean sandbox = signIn.sandbox();
        String note = sandbox
                ? "Demo mode: every tool works against the built-in sandbox tenant with made-up data; set"
                        + " M365_MCP_CLIENT_ID to use a real Microsoft 365 account."
                : "Connected to Microsoft 365 through Microsoft Graph.";
        return new ServerVersionAnswer(
                identity.name(),
                identity.version(),
                sandbox ? "demo" : "microsoft",
                sandbox,
                graph.baseUrl().toString(),
                signIn.authority().map(URI::toString).orElse(null),
                System.getProperty("java.version"),
                note);
    }
}
