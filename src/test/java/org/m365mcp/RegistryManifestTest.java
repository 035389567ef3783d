package org.m365mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code server.json}, the file {@code mcp-publisher} reads to list the server in the MCP registry, is
 * valid against the registry's schema and names the version the pom builds. The schema is a copy of
 * https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json (in
 * src/test/resources/mcp-registry), so the test runs offline; a newer schema is a new copy and a new
 * {@code $schema} in server.json.
 */
class RegistryManifestTest {

    private static final Path MANIFEST = Path.of("server.json");
    private static final String SCHEMA_URL =
            "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serverJson_againstTheRegistrySchema_isValid() throws IOException {
        assertThat(errors(json.readTree(MANIFEST.toFile()))).isEmpty();
    }

    @Test
    void registrySchema_aNameWithoutNamespace_isRefused() throws IOException {
        // The schema copy really validates: a name the registry would refuse is an error here too.
        ObjectNode manifest = (ObjectNode) json.readTree(MANIFEST.toFile());
        manifest.put("name", "m365-mcp");

        assertThat(errors(manifest)).isNotEmpty();
    }

    @Test
    void serverJson_declaresTheSchemaItIsTestedAgainst() throws IOException {
        assertThat(json.readTree(MANIFEST.toFile()).path("$schema").asText()).isEqualTo(SCHEMA_URL);
    }

    @Test
    void serverJson_version_isThePomVersion() throws Exception {
        assertThat(json.readTree(MANIFEST.toFile()).path("version").asText()).isEqualTo(pomVersion());
    }

    private List<Error> errors(JsonNode manifest) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/mcp-registry/server.schema.json")) {
            Schema schema =
                    SchemaRegistry.withDefaultDialect(Dialects.getDraft7()).getSchema(json.readTree(in));
            return schema.validate(manifest);
        }
    }

    private static String pomVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        return XPathFactory.newInstance()
                .newXPath()
                .evaluate("/project/version", pom)
                .strip();
    }
}
