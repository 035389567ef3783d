package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What one delta collection ({@code /me/mailFolders/{id}/messages/delta}, {@code /me/drive/root/delta}…)
 * is made of, for {@link DeltaQuery}.
 *
 * <ul>
 *   <li>{@link #resource()} names the collection (kind and container); a token is only good for the
 *       collection and account it was handed out for.
 *   <li>{@link #render} answers an item as the delta shows it when it is in the collection now, and
 *       empty when it is not (deleted, moved out, outside the calendar window…), which
 *       {@link #removed} then shows.
 * </ul>
 */
public interface DeltaSource {

    String resource();

    ChangeLog log();

    /** The container whose changes count, or {@code null} for every change of the log. */
    String container();

    /** The ids of the items in the collection now. */
    List<String> currentIds();

    /** A key that orders the collection's items for paging and never changes for an item between pages. */
    String orderKey(String id);

    Optional<ObjectNode> render(String id);

    /** How an item that left the collection shows, given its latest change. */
    ObjectNode removed(Change last);
}
