package org.m365mcp.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The console API's answers: the application's JSON (snake_case, ISO-8601 times, no nulls), as tools answer. */
@ApplicationScoped
public class ConsoleJson {

    @Inject
    ObjectMapper json;

    Response ok(Object value) {
        return answer(200, value);
    }

    Response answer(int status, Object value) {
        try {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json.writeValueAsString(value))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Console answer cannot be written as JSON", e);
        }
    }

    Response error(int status, String message) {
        return answer(status, Map.of("error", message));
    }
}
