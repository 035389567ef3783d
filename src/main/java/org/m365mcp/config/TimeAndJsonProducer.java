package org.m365mcp.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The application's clock and its JSON mapping of tool answers.
 *
 * <ul>
 *   <li>Every TTL decision reads time from the injected {@link Clock}, never the wall clock directly.</li>
 *   <li>{@code @Singleton}, not {@code @ApplicationScoped}: neither type can be proxied (final methods),
 *       and both are immutable and thread-safe once built.</li>
 *   <li>Answers are JSON as {@link AnswerJson} writes them; the cache stores this same form.</li>
 * </ul>
 */
@ApplicationScoped
class TimeAndJsonProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ObjectMapper answerMapper() {
        return AnswerJson.mapper();
    }
}
