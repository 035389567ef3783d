package org.m365mcp.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Objects;

/**
 * The SDK's check of tool answers against their output schema, fitted to {@link RenderedAnswer}.
 *
 * <ul>
 *   <li>A rendered answer is checked from its text (parsed once), not converted from a map.</li>
 *   <li>A cache hit's answer is not checked again: it is an answer this version rendered from the
 *       entry's result read as the tool's type, with only its cache state changed.</li>
 *   <li>Everything else (tool arguments, other answers) goes to the SDK's validator as it is.</li>
 * </ul>
 */
final class AnswerSchemaValidator implements JsonSchemaValidator {

    private final JsonSchemaValidator delegate;

    AnswerSchemaValidator(JsonSchemaValidator delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        if (content instanceof RenderedAnswer answer) {
            return answer.fromCache()
                    ? ValidationResponse.asValid(answer.json())
                    : delegate.validate(schema, answer.json());
        }
        return delegate.validate(schema, content);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate.validateSchema(schema);
    }
}
