package org.m365mcp.tools.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;

/**
 * Searches through Graph's Microsoft Search API ({@code POST /search/query}): OneDrive files, and
 * mail, events and files at once.
 *
 * <ul>
 *   <li>Cached per account, query and limit ({@code search_files}, {@code search_unified}; SPEC §2:
 *       1 min fresh, 5 min stale). Writes do not invalidate them: the short TTL is the bound.</li>
 *   <li>A read although it is a POST; like every POST it is not retried after a timeout.</li>
 *   <li>{@code search_unified} searches mail, events and files at once, each on its own as Graph
 *       requires ({@link SearchPager}), on the managed executor.</li>
 * </ul>
 */
@ApplicationScoped
public class UnifiedSearchTools {

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Resource
    ManagedExecutorService executor;

    @McpTool(
            name = "search_files",
            readOnly = true,
            idempotent = true,
            description = "Search OneDrive files and folders by name and path (KQL words, filename:, path:);"
                    + " best first, with ids for file_get.")
    @CacheResult(cacheName = "search_files")
    public SearchAnswer searchFiles(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Search words, e.g. budget or filename:report") String query,
            @ToolParam(value = "Most hits to return", defaultValue = "25", min = 1, max = 100) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        return search(accountId, query, limit, SearchResults.FILES);
    }

    @McpTool(
            name = "search_unified",
            readOnly = true,
            idempotent = true,
            description = "Search mail, calendar events and OneDrive files at once; hits merged by Graph's rank,"
                    + " each with type, id, title and matched text.")
    @CacheResult(cacheName = "search_unified")
    public SearchAnswer searchUnified(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Search words (KQL), e.g. budget or subject:review") String query,
            @ToolParam(value = "Most hits to return", defaultValue = "25", min = 1, max = 100) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        return search(accountId, query, limit, SearchResults.UNIFIED);
    }

    private SearchAnswer search(String accountId, String query, int limit, List<String> entityTypes) {
        String account = accounts.require(accountId).id();
        String text = SearchResults.queryString("query", query);
        List<SearchPager.Found> found =
                new SearchPager(graph, account, text, List.of()).searchAll(entityTypes, limit, executor);
        return SearchResults.answer(accountId, text, found, limit);
    }
}
