package org.m365mcp.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultRulesTest {

    private static FaultRule throttle(String pattern, Integer count) {
        return new FaultRule(pattern, null, 429, 2, 0, count, null, null);
    }

    @Test
    void matches_wildcardAnyCase_methodScoped_v10PrefixIgnored() {
        FaultRule rule = new FaultRule("/v1.0/me/messages*", "post", 503, null, 0, null, null, null);

        assertThat(rule.matches("POST", "/me/messages")).isTrue();
        assertThat(rule.matches("POST", "/ME/Messages/AAMk=/send")).isTrue();
        assertThat(rule.matches("GET", "/me/messages")).isFalse();
        assertThat(rule.matches("POST", "/me/mailFolders/inbox/messages")).isFalse();
        assertThat(rule.errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(throttle("/x", null).errorMessage()).isEqualTo("Too many requests. Retry after 2 seconds.");
    }

    @Test
    void claim_countedRule_affectsExactlyThatManyRequests_evenConcurrently() throws Exception {
        FaultRules rules = new FaultRules();
        rules.add(throttle("/me/*", 25));
        AtomicInteger hit = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> rules.claim("GET", "/me/events").ifPresent(r -> hit.incrementAndGet())));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(hit.get()).isEqualTo(25);
        assertThat(rules.list()).extracting(FaultRules.Active::remaining).containsExactly(0);
    }

    @Test
    void claim_skip_letsTheFirstMatchingRequestsThrough_thenAppliesItsCount() {
        FaultRules rules = new FaultRules();
        rules.add(new FaultRule("/upload/*", "PUT", 500, null, 0, 1, null, null, 2));

        assertThat(rules.claim("PUT", "/upload/abc")).isEmpty();
        assertThat(rules.claim("GET", "/upload/abc"))
                .as("another method is not counted")
                .isEmpty();
        assertThat(rules.claim("PUT", "/upload/abc")).isEmpty();
        assertThat(rules.claim("PUT", "/upload/abc")).isPresent();
        assertThat(rules.claim("PUT", "/upload/abc")).isEmpty();
        assertThatThrownBy(() -> new FaultRule("/x", null, 500, null, 0, null, null, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claim_firstMatchingRuleWithRequestsLeftWins_clearEmpties() {
        FaultRules rules = new FaultRules();
        rules.add(throttle("/me/messages", 1));
        rules.add(new FaultRule("/me/*", null, 503, null, 0, null, null, null));

        assertThat(rules.claim("GET", "/me/messages").orElseThrow().status()).isEqualTo(429);
        assertThat(rules.claim("GET", "/me/messages").orElseThrow().status()).isEqualTo(503);
        assertThat(rules.claim("GET", "/search/query")).isEmpty();
        rules.clear();
        assertThat(rules.claim("GET", "/me/messages")).isEmpty();
    }

    @Test
    void faultRule_rejectsWhatCannotWork() {
        assertThatThrownBy(() -> new FaultRule("/x", null, 200, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule("/x", null, null, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule("/x", null, 429, null, 0, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(" ", null, 429, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
