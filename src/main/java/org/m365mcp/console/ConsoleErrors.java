package org.m365mcp.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.batch.JobConflictException;

/**
 * The console API's errors as {@code {"error": "..."}}: 409 for a start, stop or restart the job's
 * state refuses, 404 for an unknown job or execution, 500 (message logged, not shown) otherwise.
 */
@Provider
@ApplicationScoped
public class ConsoleErrors implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class.getName());

    @Inject
    ConsoleJson json;

    @Override
    public Response toResponse(RuntimeException failure) {
        if (failure instanceof JobConflictException) {
            return json.error(409, failure.getMessage());
        }
        if (failure instanceof IllegalArgumentException) {
            return json.error(404, failure.getMessage());
        }
        if (failure instanceof jakarta.ws.rs.WebApplicationException web) {
            return json.error(web.getResponse().getStatus(), web.getMessage());
        }
        LOG.log(Level.WARNING, "Console request failed", failure);
        return json.error(500, "The request failed (" + failure.getClass().getSimpleName() + "); see the server log.");
    }
}
