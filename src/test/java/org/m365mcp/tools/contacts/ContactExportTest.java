package org.m365mcp.tools.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode contact(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void escape_specialCharacters_areBackslashEscapedAndLineBreaksBecomeBackslashN() {
        assertThat(ContactExport.escape("a\\b,c;d\r\ne\nf\rg")).isEqualTo("a\\\\b\\,c\\;d\\ne\\nf\\ng");
    }

    @Test
    void vcards_contactWithSpecialCharacters_writesEscapedVersion3Card() throws Exception {
        String card = ContactExport.vcards(List.of(contact("{'displayName':'Smith, John; Jr.','givenName':'John',"
                + "'surname':'Smith','emailAddresses':[{'address':'john@example.com'}],'companyName':'A;B',"
                + "'personalNotes':'line1\\nline2','categories':['VIP','a,b'],"
                + "'businessAddress':{'street':'1 Main St','city':'Oslo','postalCode':'0150'}}")));

        assertThat(card)
                .startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                .endsWith("END:VCARD\r\n")
                .contains("\r\nFN:Smith\\, John\\; Jr.\r\n")
                .contains("\r\nN:Smith;John;;;\r\n")
                .contains("\r\nEMAIL;TYPE=INTERNET:john@example.com\r\n")
                .contains("\r\nORG:A\\;B\r\n")
                .contains("\r\nNOTE:line1\\nline2\r\n")
                .contains("\r\nCATEGORIES:VIP,a\\,b\r\n")
                .contains("\r\nADR;TYPE=WORK:;;1 Main St;Oslo;;0150;\r\n");
        assertThat(card.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void line_longerThan75Octets_isFoldedWithoutSplittingUtf8Characters() {
        StringBuilder out = new StringBuilder();
        ContactExport.line(out, "NOTE:" + "é".repeat(100));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSizeGreaterThan(2);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
        }
        String unfolded = out.toString().replace("\r\n ", "");
        assertThat(unfolded).isEqualTo("NOTE:" + "é".repeat(100) + "\r\n");
    }

    @Test
    void csvField_commaQuoteOrLineBreak_isQuotedWithQuotesDoubled() {
        assertThat(ContactExport.csvField("plain")).isEqualTo("plain");
        assertThat(ContactExport.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ContactExport.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ContactExport.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ContactExport.csvField("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void csv_writesHeaderThenOneRowPerContact_withCrlf() throws Exception {
        String csv = ContactExport.csv(List.of(contact("{'givenName':'Ann','surname':'Lee','displayName':'Lee, Ann',"
                + "'emailAddresses':[{'address':'ann@x.org'},{'address':'a2@x.org'}],'personalNotes':'said \\\"hi\\\"',"
                + "'categories':['x','y']}")));

        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).startsWith("First Name,Last Name,Display Name,E-mail Address,");
        assertThat(rows[1]).isEqualTo("Ann,Lee,\"Lee, Ann\",ann@x.org,a2@x.org,,,,,,,,,,,\"said \"\"hi\"\"\",x;y");
    }
}
