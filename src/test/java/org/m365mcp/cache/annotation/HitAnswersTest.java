package org.m365mcp.cache.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.config.AnswerHandOff;
import org.m365mcp.config.AnswerJson;

class HitAnswersTest {

    private static final Instant FETCHED = Instant.parse("2026-12-07T10:00:00Z");
    private static final CacheInfo FRESH = new CacheInfo(CacheInfo.FRESH, FETCHED);

    private final CountingMapper json = new CountingMapper();
    private final AnswerHandOff handOff = new AnswerHandOff();
    private final HitAnswers hits = new HitAnswers(json, handOff);

    record Page(List<String> items, String next, CacheInfo cache) implements CacheStamped<Page> {
        @Override
        public Page withCache(CacheInfo info) {
            return new Page(items, next, info);
        }
    }

    record Plain(String name) {}

    static final class Tools {
        Page page() {
            return null;
        }

        Plain plain() {
            return null;
        }
    }

    @Test
    void answer_awaitedByTheMcpLayer_handsOverWhatRenderingTheStampedResultWouldGive() throws Exception {
        Page page = new Page(List.of("a", "b \"quoted\""), "n", null);
        CacheEntryEnvelope entry = entry(json.writeValueAsBytes(page));

        try (AnswerHandOff.Open open = handOff.open(method("page"))) {
            Optional<HitAnswers.Hit> hit = hits.answer(method("page"), entry, FRESH);

            assertThat(hit).contains(new HitAnswers.Hit(null));
            assertThat(open.answer()).contains(json.writeValueAsString(page.withCache(FRESH)));
        }
    }

    @Test
    void answer_laterHits_serveTheKeptRenderingWithoutReadingThePayload() throws Exception {
        CacheEntryEnvelope entry = entry(json.writeValueAsBytes(new Page(List.of("a"), null, null)));
        handOffOf(entry, FRESH);
        int reads = json.reads;

        CacheInfo stale = new CacheInfo(CacheInfo.STALE, FETCHED);
        String answer = handOffOf(entry, stale);

        assertThat(json.reads).isEqualTo(reads);
        assertThat(answer).isEqualTo(json.writeValueAsString(new Page(List.of("a"), null, stale)));
    }

    @Test
    void answer_notAwaited_isTheStampedResult() throws Exception {
        CacheEntryEnvelope entry = entry(json.writeValueAsBytes(new Page(List.of("a"), null, null)));

        Optional<HitAnswers.Hit> hit = hits.answer(method("page"), entry, FRESH);

        assertThat(hit).contains(new HitAnswers.Hit(new Page(List.of("a"), null, FRESH)));
    }

    @Test
    void answer_payloadNoLongerReadable_isNothing() throws Exception {
        CacheEntryEnvelope entry = entry("{\"items\":\"not a list\"".getBytes(StandardCharsets.UTF_8));

        assertThat(hits.answer(method("page"), entry, FRESH)).isEmpty();
        try (AnswerHandOff.Open open = handOff.open(method("page"))) {
            assertThat(hits.answer(method("page"), entry, FRESH)).isEmpty();
            assertThat(open.answer()).isEmpty();
        }
    }

    @Test
    void answer_resultWithoutCacheState_isHandedOverAsItIs() throws Exception {
        CacheEntryEnvelope entry = entry(json.writeValueAsBytes(new Plain("x")));

        try (AnswerHandOff.Open open = handOff.open(method("plain"))) {
            hits.answer(method("plain"), entry, FRESH);

            assertThat(open.answer()).contains("{\"name\":\"x\"}");
        }
    }

    @Test
    void answer_entryWrittenWithAnOldShape_isHandedOverAsThisVersionRendersIt() throws Exception {
        CacheEntryEnvelope entry = entry("{\"items\":[\"a\"],\"dropped_field\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(handOffOf(entry, FRESH)).isEqualTo(json.writeValueAsString(new Page(List.of("a"), null, FRESH)));
    }

    private String handOffOf(CacheEntryEnvelope entry, CacheInfo info) throws Exception {
        try (AnswerHandOff.Open open = handOff.open(method("page"))) {
            hits.answer(method("page"), entry, info);
            return open.answer().orElseThrow();
        }
    }

    private static CacheEntryEnvelope entry(byte[] payload) {
        return new CacheEntryEnvelope(payload, FETCHED, FETCHED.plusSeconds(60), FETCHED.plusSeconds(600));
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Tools.class.getDeclaredMethod(name);
    }

    /** The server's answer mapper, counting how often a payload is read. */
    private static final class CountingMapper extends ObjectMapper {

        private static final long serialVersionUID = 1L;
        int reads;

        CountingMapper() {
            super(AnswerJson.mapper());
        }

        @Override
        public <T> T readValue(byte[] content, JavaType type) throws IOException {
            reads++;
            return super.readValue(content, type);
        }
    }
}
