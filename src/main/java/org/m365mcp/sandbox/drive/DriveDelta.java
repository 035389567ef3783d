package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.delta.Change;
import org.m365mcp.sandbox.delta.ChangeLog;
import org.m365mcp.sandbox.delta.DeltaSource;

/**
 * {@code /me/drive/root/delta} (driveitem-delta.md): every item of the drive, the root included,
 * parents before children in the first round; a changed item brings its parent folders along; a
 * deleted one shows with the {@code deleted} facet, its last {@code parentReference}, and no name.
 */
public final class DriveDelta implements DeltaSource {

    /** The query options a first request may carry. */
    public static final Set<String> OPTIONS = Set.of("$select", "$top");

    private final Drive drive;
    private final ChangeLog log;
    private final String downloadBase;

    /** {@code downloadBase} ({@code …/sandbox}) makes files' {@code @microsoft.graph.downloadUrl}. */
    public DriveDelta(Drive drive, ChangeLog log, String downloadBase) {
        this.drive = drive;
        this.log = log;
        this.downloadBase = downloadBase;
    }

    @Override
    public String resource() {
        return "drive/root";
    }

    @Override
    public ChangeLog log() {
        return log;
    }

    @Override
    public String container() {
        return drive.driveId();
    }

    @Override
    public List<String> currentIds() {
        return drive.allIds();
    }

    @Override
    public String orderKey(String id) {
        return String.format("%04d", drive.depth(id)) + id;
    }

    @Override
    public Optional<ObjectNode> render(String id) {
        return drive.deltaJson(id, downloadBase);
    }

    @Override
    public ObjectNode removed(Change last) {
        if (last.tombstone() != null) {
            return last.tombstone().deepCopy();
        }
        ObjectNode gone = Json.object().put("id", last.itemId());
        gone.putObject("deleted").put("state", "deleted");
        return gone;
    }
}
