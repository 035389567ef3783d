package org.m365mcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The server's name and version (from the build) as announced to MCP clients. */
@ApplicationScoped
public class ServerIdentity {

    private final String version;

    public ServerIdentity() {
        Properties build = new Properties();
        try (InputStream in = ServerIdentity.class.getResourceAsStream("/m365-mcp-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = build.getProperty("version", "development");
    }

    public String name() {
        return "m365-mcp";
    }

    public String version() {
        return version;
    }

    String instructions() {
        return "Microsoft 365 (mail, calendar, contacts, OneDrive) through Microsoft Graph, with an encrypted cache."
                + " Read tools accept use_cache and force_refresh; their answers say which cache state served them.";
    }
}
