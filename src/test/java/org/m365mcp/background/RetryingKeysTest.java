package org.m365mcp.background;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryingKeysTest {

    @Test
    void accountRemoved_letsGoOfThatAccountsKeysOnly() {
        RetryingKeys retrying = new RetryingKeys();
        retrying.add("email_list:alice:1a2b", "alice");
        retrying.add("contact_list:alice:3c4d", "alice");
        retrying.add("email_list:bob:1a2b", "bob");

        retrying.accountRemoved("alice");

        assertThat(retrying.contains("email_list:alice:1a2b")).isFalse();
        assertThat(retrying.contains("contact_list:alice:3c4d")).isFalse();
        assertThat(retrying.contains("email_list:bob:1a2b")).isTrue();
    }

    @Test
    void settled_letsGoOfThatKeyOnly() {
        RetryingKeys retrying = new RetryingKeys();
        retrying.add("email_list:alice:1a2b", "alice");
        retrying.add("email_list:alice:9f9f", "alice");

        retrying.settled("email_list:alice:1a2b");

        assertThat(retrying.contains("email_list:alice:1a2b")).isFalse();
        assertThat(retrying.contains("email_list:alice:9f9f")).isTrue();
    }
}
