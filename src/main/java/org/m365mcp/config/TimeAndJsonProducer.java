package org.m365mcp.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
 *   <li>Answers are snake_case JSON without nulls, instants as ISO-8601 text; the cache stores this
 *       same form.</li>
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
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
