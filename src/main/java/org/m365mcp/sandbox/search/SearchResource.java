package org.m365mcp.sandbox.search;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;

/** {@code POST /search/query} for the signed-in account. */
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {

    private final SearchSources sources;
    private final GraphRequest request;

    public SearchResource(SearchSources sources, GraphRequest request) {
        this.sources = sources;
        this.request = request;
    }

    @POST
    @Path("query")
    public Response query(String body) {
        return Responses.ok(new SearchQuery(sources).run(Json.body(body), request));
    }
}
