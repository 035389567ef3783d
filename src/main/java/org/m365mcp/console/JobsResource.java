package org.m365mcp.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.m365mcp.batch.BatchJobs;
import org.m365mcp.batch.ExecutionView;

/**
 * The batch jobs: definitions, executions with their steps, and start / stop / restart.
 *
 * <ul>
 *   <li>{@code GET jobs}: each job with its latest execution (steps included).</li>
 *   <li>{@code GET jobs/{name}/executions?limit=}: its executions, newest first.</li>
 *   <li>{@code POST jobs/{name}/start}: 202 {@code {"execution_id":n}}; 409 while one runs.</li>
 *   <li>{@code GET executions/{id}}, {@code POST executions/{id}/stop} (202),
 *       {@code POST executions/{id}/restart} (202 with the new execution id; 409 unless stopped or
 *       failed and the latest of its instance).</li>
 * </ul>
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            BatchJobs.WARMING,
                    "Fills the cache for every signed-in account by the warming plan, priority first,"
                            + " throttled, skipping what is already fresh.",
            BatchJobs.CLEANUP,
                    "Removes expired entries, cleans down to the target when over the size threshold,"
                            + " prunes old finished tasks, and VACUUMs/ANALYZEs the file when worth it.");

    @Inject
    BatchJobs jobs;

    @Inject
    ConsoleJson json;

    @GET
    @Path("jobs")
    public Response jobs() {
        List<Map<String, Object>> answer = BatchJobs.JOBS.stream()
                .map(name -> {
                    Map<String, Object> job = new LinkedHashMap<>();
                    job.put("name", name);
                    job.put("description", DESCRIPTIONS.get(name));
                    jobs.latest(name).ifPresent(latest -> job.put("latest", latest));
                    return job;
                })
                .toList();
        return json.ok(Map.of("jobs", answer));
    }

    @GET
    @Path("jobs/{name}/executions")
    public Response executions(@PathParam("name") String name, @QueryParam("limit") @DefaultValue("20") int limit) {
        List<ExecutionView> executions = jobs.executions(name, Math.max(1, Math.min(limit, 200)));
        return json.ok(Map.of("job", name, "executions", executions));
    }

    @POST
    @Path("jobs/{name}/start")
    public Response start(@PathParam("name") String name) {
        return json.answer(202, Map.of("execution_id", jobs.start(name)));
    }

    @GET
    @Path("executions/{id}")
    public Response execution(@PathParam("id") long id) {
        return jobs.execution(id).map(json::ok).orElseGet(() -> json.error(404, "no execution " + id));
    }

    @POST
    @Path("executions/{id}/stop")
    public Response stop(@PathParam("id") long id) {
        jobs.stop(id);
        return json.answer(202, Map.of("execution_id", id, "stopping", true));
    }

    @POST
    @Path("executions/{id}/restart")
    public Response restart(@PathParam("id") long id) {
        return json.answer(202, Map.of("execution_id", jobs.restart(id), "restarted_from", id));
    }
}
