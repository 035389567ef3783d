package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

class MessageRuleFieldsTest {

    private static ObjectNode conditions(String json) {
        return MessageRuleFields.parse("conditions", json, MessageRuleFields.PREDICATES);
    }

    private static ObjectNode actions(String json) {
        return MessageRuleFields.parse("actions", json, MessageRuleFields.ACTIONS);
    }

    @Test
    void parse_empty_isNull() {
        assertThat(conditions("")).isNull();
        assertThat(conditions("  ")).isNull();
    }

    @Test
    void parse_knownProperties_passThroughAsGraphJson() {
        ObjectNode parsed =
                conditions("{\"subjectContains\":[\"invoice\"],\"hasAttachments\":true,\"importance\":\"high\","
                        + "\"withinSizeRange\":{\"minimumSize\":10,\"maximumSize\":500}}");

        assertThat(parsed.toString())
                .isEqualTo("{\"subjectContains\":[\"invoice\"],\"hasAttachments\":true,"
                        + "\"importance\":\"high\",\"withinSizeRange\":{\"minimumSize\":10,\"maximumSize\":500}}");
    }

    @Test
    void parse_addressesAsTextOrObjects_becomeGraphRecipients() {
        ObjectNode parsed = actions("{\"forwardTo\":[\"a@contoso.com\",{\"address\":\"b@contoso.com\",\"name\":\"B\"},"
                + "{\"emailAddress\":{\"address\":\"c@contoso.com\"}}]}");

        assertThat(parsed.toString())
                .isEqualTo("{\"forwardTo\":[{\"emailAddress\":{\"address\":\"a@contoso.com\"}},"
                        + "{\"emailAddress\":{\"address\":\"b@contoso.com\",\"name\":\"B\"}},"
                        + "{\"emailAddress\":{\"address\":\"c@contoso.com\"}}]}");
    }

    @Test
    void parse_singleText_becomesAList() {
        assertThat(conditions("{\"senderContains\":\"fabrikam\"}").toString())
                .isEqualTo("{\"senderContains\":[\"fabrikam\"]}");
    }

    @Test
    void parse_badAddress_namesThePropertyAndTheAddress() {
        assertThatThrownBy(() -> conditions("{\"fromAddresses\":[\"not-an-address\"]}"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'conditions.fromAddresses'")
                .hasMessageContaining("not-an-address");
    }

    @Test
    void parse_unknownProperty_listsTheKnownOnes() {
        assertThatThrownBy(() -> actions("{\"moveTo\":\"inbox\"}"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("unknown property 'moveTo'")
                .hasMessageContaining("moveToFolder");
    }

    @Test
    void parse_predicateGivenAsAction_isUnknown() {
        assertThatThrownBy(() -> actions("{\"subjectContains\":[\"x\"]}")).hasMessageContaining("unknown property");
    }

    @Test
    void parse_wrongTypes_areRejected() {
        assertThatThrownBy(() -> actions("{\"markAsRead\":\"yes\"}")).hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> actions("{\"markImportance\":\"urgent\"}")).hasMessageContaining("one of");
        assertThatThrownBy(() -> actions("{\"moveToFolder\":\"../messages\"}"))
                .hasMessageContaining("'actions.moveToFolder'");
        assertThatThrownBy(() -> conditions("{\"subjectContains\":[]}")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> conditions("{\"subjectContains\":[1]}")).hasMessageContaining("non-empty texts");
    }

    @Test
    void parse_notAnObject_showsAnExample() {
        assertThatThrownBy(() -> actions("[1]")).hasMessageContaining("must be a JSON object, e.g.");
        assertThatThrownBy(() -> conditions("{oops")).hasMessageContaining("does not parse");
    }
}
