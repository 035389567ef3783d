package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MessageRuleViewTest {

    @Test
    void of_graphRule_keepsOnlyWhatIsSet() throws Exception {
        var rule = new ObjectMapper().readTree("""
                {"id":"r1","displayName":"Receipts","sequence":2,"isEnabled":false,"hasError":false,
                 "conditions":{"subjectContains":["receipt"],"bodyContains":[],"importance":null,
                               "withinSizeRange":{"minimumSize":null}},
                 "actions":{"moveToFolder":"f1","markAsRead":true,"forwardTo":[]},
                 "exceptions":{"senderContains":null}}
                """);

        MessageRuleView view = MessageRuleView.of(rule);

        assertThat(view.id()).isEqualTo("r1");
        assertThat(view.name()).isEqualTo("Receipts");
        assertThat(view.sequence()).isEqualTo(2);
        assertThat(view.enabled()).isFalse();
        assertThat(view.conditions().toString()).isEqualTo("{\"subjectContains\":[\"receipt\"]}");
        assertThat(view.actions().toString()).isEqualTo("{\"moveToFolder\":\"f1\",\"markAsRead\":true}");
        assertThat(view.exceptions()).isNull();
        assertThat(view.hasError()).isNull();
    }
}
