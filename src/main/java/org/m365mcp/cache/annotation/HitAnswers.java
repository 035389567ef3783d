package org.m365mcp.cache.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.entries.AnswerTemplate;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.config.AnswerHandOff;

/**
 * What a cached entry answers, stamped with the state that served it.
 *
 * <ul>
 *   <li>When the MCP layer awaits the method's answer ({@link AnswerHandOff}): the entry's answer
 *       rendered once ({@link AnswerTemplate}, kept with the entry) with the cache state filled in,
 *       handed over as it is; the method then returns null. The first such hit renders it from the
 *       payload read as the method's type, so an entry written by an earlier version is served as
 *       this version renders it.</li>
 *   <li>Otherwise (warming, a refresh, a call from inside the server): the payload read as the
 *       method's type and stamped.</li>
 *   <li>An entry that no longer reads as the method's type answers nothing: the caller treats it as a
 *       miss.</li>
 * </ul>
 */
@ApplicationScoped
class HitAnswers {

    private static final Logger LOG = Logger.getLogger(HitAnswers.class.getName());
    /** The cache state an answer is rendered with to find where its state goes. */
    private static final CacheInfo PLACEHOLDER = new CacheInfo("m365-mcp-cache-state", null);

    /** The value the intercepted method returns: null when its answer was handed over rendered. */
    record Hit(Object value) {}

    @Inject
    ObjectMapper json;

    @Inject
    AnswerHandOff handOff;

    HitAnswers() {}

    HitAnswers(ObjectMapper json, AnswerHandOff handOff) {
        this.json = json;
        this.handOff = handOff;
    }

    /** The answer of {@code entry} to a call of {@code method}, stamped {@code info}; empty when it no longer reads. */
    Optional<Hit> answer(Method method, CacheEntryEnvelope entry, CacheInfo info) {
        if (handOff.awaits(method)) {
            Optional<AnswerTemplate> rendered = entry.answer().or(() -> rendered(method, entry));
            if (rendered.isEmpty()) {
                return Optional.empty();
            }
            if (handOff.offer(method, rendered.get().with(write(info)))) {
                return Optional.of(new Hit(null));
            }
        }
        Object value = decode(method, entry);
        return value == null ? Optional.empty() : Optional.of(new Hit(CacheStamped.stamp(value, info)));
    }

    /** The cached result, or null when it no longer reads as the method's type (then it is a miss). */
    Object decode(Method method, CacheEntryEnvelope envelope) {
        try {
            return json.readValue(envelope.payload(), json.constructType(method.getGenericReturnType()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "A cached " + method.getName() + " result cannot be read; fetching it again", e);
            return null;
        }
    }

    private Optional<AnswerTemplate> rendered(Method method, CacheEntryEnvelope entry) {
        Object value = decode(method, entry);
        if (value == null) {
            return Optional.empty();
        }
        AnswerTemplate template = AnswerTemplate.of(write(CacheStamped.stamp(value, PLACEHOLDER)), write(PLACEHOLDER));
        entry.keepAnswer(template);
        return Optional.of(template);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render a cached answer as JSON", e);
        }
    }
}
