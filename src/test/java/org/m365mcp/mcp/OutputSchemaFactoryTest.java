package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.config.AnswerJson;

/** The output schema is what the answer mapper writes: names, types, nulls left out, recursion. */
class OutputSchemaFactoryTest {

    enum Importance {
        LOW,
        HIGH
    }

    record Sender(String emailAddress) {}

    record Message(
            String messageId,
            int size,
            boolean isRead,
            Long bigId,
            double score,
            Importance importance,
            Instant receivedAt,
            LocalDate day,
            List<Sender> to,
            Map<String, Integer> counts,
            Object anything) {}

    record Node(String name, List<Node> children) {}

    record Tree(Node root, int depth) {}

    private final OutputSchemaFactory factory =
            new OutputSchemaFactory(AnswerJson.mapper(), OutputSchemaFactory.ALL_LEVELS);

    @Test
    void schemaOf_record_snakeCaseProperties_primitivesRequired_scalarsAsTheMapperWritesThem() {
        Map<String, Object> schema = factory.schemaOf(Message.class);

        assertThat(schema)
                .containsEntry("type", "object")
                .containsEntry("required", List.of("size", "is_read", "score"))
                .doesNotContainKeys("$schema", "additionalProperties", "description");
        assertThat(schema.get("properties"))
                .isEqualTo(Map.ofEntries(
                        Map.entry("message_id", Map.of("type", "string")),
                        Map.entry("size", Map.of("type", "integer")),
                        Map.entry("is_read", Map.of("type", "boolean")),
                        Map.entry("big_id", Map.of("type", "integer")),
                        Map.entry("score", Map.of("type", "number")),
                        Map.entry("importance", Map.of("type", "string", "enum", List.of("LOW", "HIGH"))),
                        Map.entry("received_at", Map.of("type", "string")),
                        Map.entry("day", Map.of("type", "string")),
                        Map.entry(
                                "to",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Map.of(
                                                "type",
                                                "object",
                                                "properties",
                                                Map.of("email_address", Map.of("type", "string"))))),
                        Map.entry(
                                "counts", Map.of("type", "object", "additionalProperties", Map.of("type", "integer"))),
                        Map.entry("anything", Map.of())));
    }

    @Test
    void schemaOf_topLevelOnly_describesTheAnswersOwnFields_andEveryObjectBelowAsAnObject() {
        OutputSchemaFactory topLevel = new OutputSchemaFactory(AnswerJson.mapper(), OutputSchemaFactory.TOP_LEVEL);

        Map<String, Object> message = topLevel.schemaOf(Message.class);
        Map<String, Object> tree = topLevel.schemaOf(Tree.class);

        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) message.get("properties");
        assertThat(properties)
                .containsEntry("to", Map.of("type", "array", "items", Map.of("type", "object")))
                .containsEntry("size", Map.of("type", "integer"));
        assertThat(tree.get("properties"))
                .isEqualTo(Map.of("root", Map.of("type", "object"), "depth", Map.of("type", "integer")));
        assertThat(tree).doesNotContainKey("$defs");
    }

    @Test
    void schemaOf_recordThatContainsItself_isDefinedOnceAndReferred() {
        Map<String, Object> schema = factory.schemaOf(Tree.class);

        assertThat(schema.get("properties"))
                .isEqualTo(Map.of("root", Map.of("$ref", "#/$defs/Node"), "depth", Map.of("type", "integer")));
        assertThat(schema.get("$defs"))
                .isEqualTo(Map.of(
                        "Node",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of(
                                        "name",
                                        Map.of("type", "string"),
                                        "children",
                                        Map.of("type", "array", "items", Map.of("$ref", "#/$defs/Node"))))));
    }

    @Test
    void schemaOf_answerThatIsNotAnObject_isRefused() {
        assertThatThrownBy(() -> factory.schemaOf(String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> factory.schemaOf(List.class)).isInstanceOf(IllegalStateException.class);
    }
}
