package org.m365mcp.sync.etag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.cache.entries.Revalidator;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphResponse;

/**
 * Revalidates a stale {@code file_get} entry with one conditional GET of its item: {@code If-None-Match}
 * with the {@code eTag} the cached answer carries. OneDrive answers 304 (no body) while the item, its
 * metadata and content, is as it was.
 *
 * <ul>
 *   <li>Reads from the entry's payload (the answer as JSON) {@code etag} and {@code item.id}; an entry
 *       without them, or of another operation, is {@link Verdict#UNKNOWN} without a request.
 *   <li>304 → {@link Verdict#UNCHANGED}; 200 → {@link Verdict#CHANGED}; any other answer or a failure
 *       (404, throttling, network) → {@link Verdict#UNKNOWN}, never an exception.
 *   <li>Stateless but for the injected client; thread-safe.
 * </ul>
 */
@ApplicationScoped
public class DriveItemRevalidator implements Revalidator {

    /** The operation whose entries this revalidates. */
    static final String OPERATION = "file_get";

    private static final System.Logger LOG = System.getLogger(DriveItemRevalidator.class.getName());
    private static final ObjectReader JSON = new ObjectMapper().reader();
    // OneDrive item ids: letters, digits and ! . _ - (as the drive tools accept them).
    private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9!_\\-.]{1,256}");

    @Inject
    GraphClient graph;

    @Override
    public Verdict check(EntryKey key, CacheEntryEnvelope entry) {
        if (!OPERATION.equals(key.operation())) {
            return Verdict.UNKNOWN;
        }
        Optional<Tagged> tagged = tagged(entry.payload());
        if (tagged.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        try {
            GraphResponse response = graph.send(
                    key.account(),
                    GraphClientRequest.get("/me/drive/items/" + tagged.get().itemId() + "?$select=id,eTag")
                            .header("If-None-Match", tagged.get().etag()));
            return switch (response.status()) {
                case 304 -> Verdict.UNCHANGED;
                case 200 -> Verdict.CHANGED;
                default -> Verdict.UNKNOWN;
            };
        } catch (RuntimeException e) {
            // GraphException for Graph's errors, IllegalArgumentException for what the client refuses.
            LOG.log(System.Logger.Level.DEBUG, "Could not revalidate a file_get entry: {0}", e.getMessage());
            return Verdict.UNKNOWN;
        }
    }

    /** The item id and ETag a cached {@code file_get} answer carries, when it carries both. */
    static Optional<Tagged> tagged(byte[] payload) {
        try {
            JsonNode answer = JSON.readTree(payload);
            if (answer == null) {
                return Optional.empty();
            }
            String etag = answer.path("etag").asText("");
            String id = answer.path("item").path("id").asText("");
            if (etag.isEmpty() || !ITEM_ID.matcher(id).matches()) {
                return Optional.empty();
            }
            return Optional.of(new Tagged(id, etag));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An item id and the ETag of the item as cached. */
    record Tagged(String itemId, String etag) {}
}
