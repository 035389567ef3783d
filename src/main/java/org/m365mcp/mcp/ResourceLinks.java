package org.m365mcp.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resource links this server handed out, each to one MCP session: a saved file becomes
 * {@code m365-mcp://downloads/<id>} with 128 random bits as id (not its path), which only that session
 * may read.
 *
 * <ul>
 *   <li>Over stdio there is one session, so every link is its client's; over Streamable HTTP each
 *       {@code Mcp-Session-Id} has its own, and another session asking for one is answered as if it
 *       did not exist.</li>
 *   <li>At most {@value #MAX_LINKS} links are kept, the oldest forgotten first (the file stays on disk;
 *       only reading it through the link ends).</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
@ApplicationScoped
public class ResourceLinks {

    /** What every link starts with. */
    public static final String PREFIX = "m365-mcp://downloads/";

    static final int MAX_LINKS = 1000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedLink> links = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IssuedLink> eldest) {
            return size() > MAX_LINKS;
        }
    };

    /**
     * A link for {@code session} to {@code file}; empty when the file is already gone, is not a regular
     * file or not directly in its directory's real path, so no link is made that could not be read.
     */
    Optional<McpSchema.ResourceLink> issue(String session, SavedFile file) {
        BasicFileAttributes attributes;
        Path realDirectory;
        try {
            attributes = Files.readAttributes(file.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            realDirectory = file.directory().toRealPath();
            if (session == null
                    || !attributes.isRegularFile()
                    || !realDirectory.equals(file.file().toRealPath().getParent())) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String uri = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        synchronized (links) {
            links.put(
                    uri,
                    new IssuedLink(
                            uri, session, file, realDirectory, attributes.fileKey(), attributes.lastModifiedTime()));
        }
        return Optional.of(McpSchema.ResourceLink.builder()
                .uri(uri)
                .name(file.name())
                .mimeType(file.mimeType())
                .size(file.size())
                .description("The saved file; resources/read gives its bytes to this session")
                .build());
    }

    /** The link {@code uri} if it was handed to {@code session}; empty for any other session or uri. */
    Optional<IssuedLink> find(String session, String uri) {
        IssuedLink link;
        synchronized (links) {
            link = links.get(uri);
        }
        return link != null && link.session().equals(session) ? Optional.of(link) : Optional.empty();
    }
}
