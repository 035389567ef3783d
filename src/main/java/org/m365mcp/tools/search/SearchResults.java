package org.m365mcp.tools.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * The search tools' query argument and the merge of what {@link SearchPager} found.
 *
 * <ul>
 *   <li>Graph searches {@code message}, {@code event} and {@code driveItem} each on its own (neither
 *       mail nor calendar interleaves with another type), so a search over all three is three.</li>
 *   <li>Hits of several types are merged by Graph's rank (each search ranks its own hits), ties in
 *       the order of the types, then cut to the limit.</li>
 * </ul>
 */
final class SearchResults {

    static final List<String> UNIFIED = List.of("message", "event", "driveItem");
    static final List<String> FILES = List.of("driveItem");

    static final int MAX_QUERY_LENGTH = 500;

    private SearchResults() {}

    /** A KQL query string as the search API takes it in its JSON body: trimmed, 1–500 characters, one line. */
    static String queryString(String argument, String query) {
        String text = query.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH) {
            throw new ToolArgumentException(argument, "must be 1 to " + MAX_QUERY_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException(argument, "must not contain control characters or line breaks");
        }
        return text;
    }

    static SearchAnswer answer(String accountId, String query, List<SearchPager.Found> found, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        int total = 0;
        boolean more = false;
        for (SearchPager.Found type : found) {
            total += type.total();
            more |= type.more();
            type.hits().forEach(hit -> hits.add(SearchHit.of(hit)));
        }
        // A stable sort keeps request order among equal ranks.
        List<SearchHit> ranked =
                hits.stream().sorted(Comparator.comparingInt(SearchHit::rank)).toList();
        List<SearchHit> shown = ranked.subList(0, Math.min(limit, ranked.size()));
        return new SearchAnswer(
                accountId, query, total, shown.size(), more || shown.size() < ranked.size(), shown, null);
    }
}
