package org.m365mcp.sandbox.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.common.SandboxGraphException;

class ODataQueryTest {

    @Test
    void parse_defaultsCapsAndSelectOrder() {
        ODataQuery query = ODataQuery.parse(Map.of("$top", "5000", "$select", "subject, from,subject"), 200);

        assertThat(query.top()).isEqualTo(1000);
        assertThat(query.skip()).isZero();
        assertThat(query.select()).containsExactly("subject", "from");
        assertThat(ODataQuery.parse(Map.of(), 200).top()).isEqualTo(200);
        assertThat(ODataQuery.parse(Map.of("$count", "true")).count()).isTrue();
    }

    @Test
    void parse_badTopSkipOrCount_is400() {
        for (Map<String, String> bad :
                new Map[] {Map.of("$top", "0"), Map.of("$top", "ten"), Map.of("$skip", "-1"), Map.of("$count", "yes")
                }) {
            assertThatThrownBy(() -> ODataQuery.parse(bad))
                    .as(bad.toString())
                    .isInstanceOf(SandboxGraphException.class);
        }
        assertThatThrownBy(() -> ODataOrder.parse("subject sideways")).isInstanceOf(SandboxGraphException.class);
    }

    @Test
    void nextLink_replacesEncodedSkip_keepsOtherValuesVerbatim() {
        URI request = URI.create("http://h/sandbox/v1.0/me/messages?%24skip=10&$filter=isRead%20eq%20false"
                + "&%24select=subject%2Cfrom&$top=10");

        assertThat(ODataPage.nextLink(request, 20))
                .hasToString("http://h/sandbox/v1.0/me/messages?"
                        + "$filter=isRead%20eq%20false&$select=subject%2Cfrom&$top=10&$skip=20");
    }
}
