package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentInvalidationsTest {

    private static final Map<String, String> INBOX = Map.of("folder", "inbox", "limit", "10");
    private static final EntryKey INBOX_LIST = EntryKey.of("email_list", "demo", INBOX);

    private final RecentInvalidations recent = new RecentInvalidations();

    @Test
    void touchedSince_noInvalidation_untouched() {
        long before = recent.generation();

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isFalse();
    }

    @Test
    void touchedSince_wholeOperationMarked_touched() {
        long before = recent.generation();

        recent.mark("demo", "email_list", RecentInvalidations.Scope.ALL);

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isTrue();
    }

    @Test
    void touchedSince_sameParameterValueMarked_touched() {
        long before = recent.generation();

        recent.mark("demo", "email_list", RecentInvalidations.Scope.where("folder", "inbox"));

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isTrue();
    }

    @Test
    void touchedSince_otherFolderMarked_untouched() {
        long before = recent.generation();

        recent.mark("demo", "email_list", RecentInvalidations.Scope.where("folder", "sentitems"));
        recent.mark("demo", "email_list", RecentInvalidations.Scope.matching("email_list:demo:folder=drafts*"));

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isFalse();
    }

    @Test
    void touchedSince_patternMatchingTheKeyMarked_touched() {
        long before = recent.generation();

        recent.mark("demo", null, RecentInvalidations.Scope.matching("email_*:demo:*"));

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isTrue();
    }

    @Test
    void touchedSince_wholeAccountMarked_touchedForEveryOperation() {
        long before = recent.generation();
        EntryKey message = EntryKey.of("email_get", "demo", Map.of("message_id", "m1"));

        recent.mark("DEMO", null, RecentInvalidations.Scope.ALL);

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isTrue();
        assertThat(recent.touchedSince(message, Map.of("message_id", "m1"), before))
                .isTrue();
    }

    @Test
    void touchedSince_otherOperationOrAccountMarked_untouched() {
        long before = recent.generation();

        recent.mark("demo", "email_get", RecentInvalidations.Scope.ALL);
        recent.mark("demo2", "email_list", RecentInvalidations.Scope.ALL);
        recent.mark("demo2", null, RecentInvalidations.Scope.ALL);

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isFalse();
    }

    @Test
    void touchedSince_markedBeforeTheGenerationWasRead_untouched() {
        recent.mark("demo", "email_list", RecentInvalidations.Scope.ALL);
        long after = recent.generation();

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, after)).isFalse();
    }

    @Test
    void touchedSince_accountCaseDiffers_sameAccount() {
        long before = recent.generation();

        recent.mark("Demo", "email_list", RecentInvalidations.Scope.where("folder", "inbox"));

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isTrue();
    }

    @Test
    void touchedSince_fetchOlderThanEveryRememberedMark_touched() {
        long before = recent.generation();

        for (int i = 0; i <= RecentInvalidations.REMEMBERED; i++) {
            recent.mark("demo2", "email_get", RecentInvalidations.Scope.ALL);
        }

        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before)).isTrue();
        assertThat(recent.touchedSince(INBOX_LIST, INBOX, before + 1)).isFalse();
    }
}
