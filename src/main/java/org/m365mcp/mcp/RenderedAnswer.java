package org.m365mcp.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tool's {@code structuredContent} kept as the JSON text it was rendered to: written into a JSON
 * response as it is, never turned into a map and rendered again.
 *
 * <ul>
 *   <li>Read as a map (a test, an in-memory conversion such as Jackson's {@code valueToTree}), it is
 *       the answer parsed, once, on first use; unmodifiable.</li>
 *   <li>{@link #fromCache()}: the text is a cache hit's answer, rendered from an entry whose answer
 *       was rendered and checked before ({@link AnswerSchemaValidator}).</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
@JsonSerialize(using = RenderedAnswer.Writer.class)
final class RenderedAnswer extends AbstractMap<String, Object> {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final String json;
    private final boolean fromCache;
    private final ObjectMapper reader;
    private volatile Map<String, Object> parsed;

    RenderedAnswer(String json, boolean fromCache, ObjectMapper reader) {
        this.json = Objects.requireNonNull(json, "json");
        this.fromCache = fromCache;
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The answer as JSON text. */
    String json() {
        return json;
    }

    boolean fromCache() {
        return fromCache;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return parsed().entrySet();
    }

    private Map<String, Object> parsed() {
        Map<String, Object> read = parsed;
        if (read == null) {
            try {
                read = Collections.unmodifiableMap(reader.readValue(json, MAP));
            } catch (IOException e) {
                throw new UncheckedIOException("A rendered answer is not a JSON object", e);
            }
            parsed = read;
        }
        return read;
    }

    /** Writes the text raw into JSON output, and the parsed map into anything else (a token buffer). */
    static final class Writer extends StdSerializer<RenderedAnswer> {

        private static final long serialVersionUID = 1L;

        Writer() {
            super(RenderedAnswer.class);
        }

        @Override
        public void serialize(RenderedAnswer answer, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            if (out instanceof JsonGeneratorImpl) {
                out.writeRawValue(answer.json);
            } else {
                provider.defaultSerializeValue(answer.parsed(), out);
            }
        }
    }
}
