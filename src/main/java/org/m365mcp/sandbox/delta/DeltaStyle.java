package org.m365mcp.sandbox.delta;

/**
 * How a workload spells delta: Outlook's {@code $skiptoken}/{@code $deltatoken} and {@code @removed}
 * with 410 {@code syncStateNotFound}, or OneDrive's {@code token} with 410 {@code resyncRequired}.
 *
 * @param skipParam     the query parameter of a next link's token
 * @param deltaParam    the query parameter of a delta link's token
 * @param defaultPage   items per page without {@code Prefer: odata.maxpagesize} or {@code $top}
 * @param goneCode      the 410's error code
 * @param goneInnerCode the 410's inner error code, or {@code null}
 * @param goneMessage   the 410's message
 */
public record DeltaStyle(
        String skipParam,
        String deltaParam,
        int defaultPage,
        String goneCode,
        String goneInnerCode,
        String goneMessage) {

    /** Messages, mail folders, contacts, events: delta-query-overview.md, errors.md. */
    public static final DeltaStyle OUTLOOK = new DeltaStyle(
            "$skiptoken",
            "$deltatoken",
            10,
            "syncStateNotFound",
            null,
            "The sync state generation is not found. The delta token is expired and data must be synchronized again.");

    /** OneDrive: driveitem-delta.md (the token in {@code token}, 410 with a fresh enumeration in {@code Location}). */
    public static final DeltaStyle ONEDRIVE = new DeltaStyle(
            "token",
            "token",
            200,
            "resyncRequired",
            "resyncChangesApplyDifferences",
            "Resync required. Replace any local items with the server's version"
                    + " (including deletes) if you're sure that the service was up to date with your local changes when"
                    + " you last sync'd. Upload any local changes that the server doesn't know about.");
}
