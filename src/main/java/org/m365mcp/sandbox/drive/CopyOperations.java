package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.m365mcp.sandbox.common.Json;

/**
 * The monitors behind {@code POST …/copy}'s {@code Location}: the first poll reports the copy
 * {@code inProgress} (202), every later one {@code completed} with the new item's {@code resourceId} (200).
 *
 * <p>The copy itself is made when it is requested; the monitor only reports it the way Graph's
 * asynchronous copy does. Thread-safe.
 */
public final class CopyOperations {

    /** What a monitor answers: its status code and body. */
    public record Status(int status, ObjectNode body) {}

    private record Operation(String resourceId, AtomicInteger polls) {}

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    String start(String operationId, String resourceId) {
        operations.put(operationId, new Operation(resourceId, new AtomicInteger()));
        return operationId;
    }

    public Optional<Status> poll(String operationId) {
        Operation op = operations.get(operationId);
        if (op == null) {
            return Optional.empty();
        }
        ObjectNode body = Json.object().put("operation", "ItemCopy");
        if (op.polls().getAndIncrement() == 0) {
            body.put("percentageComplete", 50.0).put("status", "inProgress");
            return Optional.of(new Status(202, body));
        }
        body.put("percentageComplete", 100.0).put("resourceId", op.resourceId()).put("status", "completed");
        return Optional.of(new Status(200, body));
    }
}
