package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidationGenerationsTest {

    private final InvalidationGenerations generations = new InvalidationGenerations();

    @Test
    void changedSince_noInvalidation_unchanged() {
        long before = generations.current("demo", "email_list");

        assertThat(generations.changedSince("demo", "email_list", before)).isFalse();
    }

    @Test
    void changedSince_sameOperationInvalidated_changed() {
        long before = generations.current("demo", "email_list");

        generations.advance("demo", "email_list");

        assertThat(generations.changedSince("demo", "email_list", before)).isTrue();
    }

    @Test
    void changedSince_wholeAccountInvalidated_changedForEveryOperation() {
        long list = generations.current("demo", "email_list");
        long get = generations.current("demo", "email_get");

        generations.advance("DEMO", null);

        assertThat(generations.changedSince("demo", "email_list", list)).isTrue();
        assertThat(generations.changedSince("demo", "email_get", get)).isTrue();
    }

    @Test
    void changedSince_otherOperationOrAccountInvalidated_unchanged() {
        long before = generations.current("demo", "email_list");

        generations.advance("demo", "email_get");
        generations.advance("demo2", "email_list");
        generations.advance("demo2", null);

        assertThat(generations.changedSince("demo", "email_list", before)).isFalse();
    }

    @Test
    void changedSince_accountCaseDiffers_sameAccount() {
        long before = generations.current("Demo", "email_list");

        generations.advance("demo", "email_list");

        assertThat(generations.changedSince("DEMO", "email_list", before)).isTrue();
    }
}
