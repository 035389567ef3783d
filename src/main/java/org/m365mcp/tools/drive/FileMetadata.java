package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.cache.annotation.CacheResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.BodyPart;

/**
 * The cached part of {@code file_get}: a file's metadata and, for a text file up to
 * {@link #MAX_TEXT} bytes, its text — never a download URL, which expires within minutes while
 * this answer stays cached for up to two hours ({@code FileTools} adds a fresh one).
 *
 * <ul>
 *   <li>Its parameters are the tool's, so the key is SPEC §3's {@code file_get:account:file_id=…}
 *       and the writes' {@code file_get(file_id)} invalidations reach it.</li>
 *   <li>A text longer than {@code m365.mcp.answers.max-body-chars} comes in parts, as a long mail
 *       body does ({@link BodyPart}); {@code content_offset} is part of the key, so each part is
 *       cached as its own answer.</li>
 *   <li>Stateless; thread-safe.</li>
 * </ul>
 */
@ApplicationScoped
public class FileMetadata {

    /** The largest text file whose content {@code file_get} includes: 64 KB. */
    static final int MAX_TEXT = 64 * 1024;

    @Inject
    GraphClient graph;

    /** Longest part of a file's text {@code file_get} returns at once; {@code content_offset} reads the rest. */
    @Inject
    @ConfigProperty(name = "m365.mcp.answers.max-body-chars")
    int maxBodyChars;

    @CacheResult(cacheName = "file_get")
    public DriveItemAnswer fileGet(
            String accountId,
            String fileId,
            boolean includeContent,
            int contentOffset,
            boolean useCache,
            boolean forceRefresh) {
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        JsonNode item = DriveFailures.addressed("file_id", "file", ref, () -> graph.get(accountId, ref.item()));
        DriveItem file = DriveItem.of(item);
        if (file.folder()) {
            throw new ToolArgumentException("file_id", "'" + ref.shown() + "' is a folder: use folder_get");
        }
        boolean text = isText(file.mimeType()) && file.size() <= MAX_TEXT;
        if (contentOffset > 0 && !(includeContent && text)) {
            throw new ToolArgumentException(
                    BodyPart.offsetArgument(BodyPart.CONTENT),
                    includeContent
                            ? "'" + file.name()
                                    + "' is not a text file up to 64 KB, so its content does not come in parts"
                            : "applies only with include_content=true");
        }
        if (!includeContent) {
            return DriveItemAnswer.of(accountId, item, null, null, null);
        }
        if (!text) {
            return DriveItemAnswer.of(
                    accountId,
                    item,
                    null,
                    null,
                    (isText(file.mimeType()) ? "Larger than 64 KB" : "Not a text file")
                            + ": download its bytes from download_url (valid a few minutes; do not"
                            + " share it), or ask file_download_url for a new one.");
        }
        URI url = DriveFailures.addressed(
                "file_id", "file", ref, () -> graph.downloadUrl(accountId, ref.below("content")));
        BodyPart part = BodyPart.of(
                new String(graph.getPreAuthenticated(url).body(), StandardCharsets.UTF_8),
                contentOffset,
                maxBodyChars,
                "file_get",
                BodyPart.CONTENT);
        return DriveItemAnswer.of(accountId, item, part.text(), part.nextOffset(), part.note());
    }

    /** True for the types whose bytes are text worth showing. */
    static boolean isText(String mimeType) {
        if (mimeType == null) {
            return false;
        }
        String type = mimeType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.equals("application/xml")
                || type.endsWith("+json")
                || type.endsWith("+xml");
    }
}
