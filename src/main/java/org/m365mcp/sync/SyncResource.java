package org.m365mcp.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource of one account that the delta sync follows: a kind and, for messages and contacts,
 * the folder as the cache keys it (a well-known name such as {@code inbox}, or an id).
 *
 * <ul>
 *   <li>Its {@link #name()} ({@code messages:inbox}, {@code mail_folders}, {@code contacts:contacts},
 *       {@code events}, {@code drive}) names it in the store's delta links, stats and metrics.</li>
 *   <li>The calendar is one window around today ({@link SyncSettings#calendarPastDays()} …
 *       {@link SyncSettings#calendarFutureDays()}), fixed when its round of links begins.</li>
 * </ul>
 *
 * @param scope the folder for {@link SyncKind#MESSAGES} and {@link SyncKind#CONTACTS}; empty otherwise
 */
public record SyncResource(SyncKind kind, String scope) {

    /** The well-known name of the default contacts folder. */
    public static final String DEFAULT_CONTACTS = "contacts";

    private static final String OUTLOOK_PAGE = "odata.maxpagesize=200";

    public SyncResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        boolean scoped = kind == SyncKind.MESSAGES || kind == SyncKind.CONTACTS;
        if (scoped == scope.isBlank()) {
            throw new IllegalArgumentException(kind.label() + (scoped ? " needs" : " takes no") + " folder");
        }
    }

    public static SyncResource messages(String folder) {
        return new SyncResource(SyncKind.MESSAGES, folder);
    }

    public static SyncResource contacts(String folder) {
        return new SyncResource(SyncKind.CONTACTS, folder.isBlank() ? DEFAULT_CONTACTS : folder);
    }

    public static SyncResource of(SyncKind kind) {
        return new SyncResource(kind, "");
    }

    /** {@code kind} or {@code kind:folder}. */
    public String name() {
        return scope.isEmpty() ? kind.label() : kind.label() + ":" + scope;
    }

    /** The resource named {@code name}, if it names one. */
    public static Optional<SyncResource> parse(String name) {
        int colon = name.indexOf(':');
        String label = colon < 0 ? name : name.substring(0, colon);
        String scope = colon < 0 ? "" : name.substring(colon + 1);
        try {
            return SyncKind.ofLabel(label).map(kind -> new SyncResource(kind, scope));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The first request of a round of links (relative to Graph's base URL): the whole collection for
     * Outlook resources (ids and the few fields a change is judged by), only the current position for
     * the drive ({@code token=latest}: its items are not needed, only what changes after).
     */
    String firstRequest(Instant now, SyncSettings settings) {
        return switch (kind) {
            case MESSAGES -> "/me/mailFolders/" + encoded(scope) + "/messages/delta?$select=" + MessageState.SELECT;
            case MAIL_FOLDERS -> "/me/mailFolders/delta";
            case CONTACTS -> "/me/contactFolders/" + encoded(scope) + "/contacts/delta?$select=id";
            case EVENTS -> {
                TimeRange window = calendarWindow(now, settings);
                yield "/me/calendarView/delta?startDateTime=" + window.from() + "&endDateTime=" + window.to();
            }
            case DRIVE -> "/me/drive/root/delta?token=latest";
        };
    }

    /** The calendar window a round of links that began at {@code baseline} follows: days around that day. */
    static TimeRange calendarWindow(Instant baseline, SyncSettings settings) {
        Instant today = baseline.truncatedTo(ChronoUnit.DAYS);
        return new TimeRange(
                today.minus(settings.calendarPastDays(), ChronoUnit.DAYS),
                today.plus(settings.calendarFutureDays(), ChronoUnit.DAYS));
    }

    /** The {@code Prefer} header of this resource's requests, if any: large pages for Outlook. */
    Optional<String> prefer() {
        return kind == SyncKind.DRIVE ? Optional.empty() : Optional.of(OUTLOOK_PAGE);
    }

    private static String encoded(String folder) {
        return URLEncoder.encode(folder, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return name();
    }
}
