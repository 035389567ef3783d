package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contacts and contact folders over HTTP, as Graph answers them. */
class ContactsEndpointsTest {

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void contacts_colleaguesByName_pagedByTheRealClient() {
        List<JsonNode> all = sandbox.client(Duration.ofSeconds(5), 0).getPaged("demo", "/me/contacts?$top=5", 100);

        assertThat(all).hasSize(19); // the tenant's people (Adele is not among them)
        assertThat(all.get(0).path("displayName").asText()).isEqualTo("Alex Wilber");
        assertThat(all)
                .extracting(c -> c.path("displayName").asText())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(all.get(0).path("emailAddresses").get(0).path("address").asText())
                .isEqualTo("alex.wilber@contoso.sandbox");
        assertThat(all.get(0).path("companyName").asText()).isEqualTo("Contoso");
    }

    @Test
    void folders_customersAndSuppliers_withTheirContacts() {
        JsonNode folders = sandbox.demo("GET", "/me/contactFolders", null, 200);
        assertThat(folders.path("value"))
                .extracting(f -> f.path("displayName").asText())
                .containsExactly("Customers", "Suppliers");
        String customers = folders.path("value").get(0).path("id").asText();

        JsonNode page =
                sandbox.demo("GET", "/me/contactFolders/" + customers + "/contacts?$count=true&$top=3", null, 200);
        assertThat(page.path("@odata.count").asInt()).isEqualTo(30);
        assertThat(page.path("value"))
                .hasSize(3)
                .allMatch(c -> c.path("categories").get(0).asText().equals("Customer"));
        assertThat(page.path("@odata.nextLink").asText()).endsWith("$count=true&$top=3&$skip=3");
    }

    @Test
    void contact_createPatchDelete_andFolderLifecycle() {
        JsonNode folder = sandbox.demo("POST", "/me/contactFolders", "{\"displayName\":\"Conference 2026\"}", 201);
        String folderId = folder.path("id").asText();
        sandbox.demo("POST", "/me/contactFolders", "{\"displayName\":\"customers\"}", 409);

        JsonNode created = sandbox.demo("POST", "/me/contactFolders/" + folderId + "/contacts", """
                {"givenName":"Pavel","surname":"Bansky","emailAddresses":[{"address":"pavel@fourthcoffee.example","name":"Pavel"}],
                 "businessPhones":["+1 732 555 0102"]}""", 201);
        String id = created.path("id").asText();
        assertThat(created.path("displayName").asText()).isEqualTo("Pavel Bansky");
        assertThat(created.path("parentFolderId").asText()).isEqualTo(folderId);

        sandbox.demo("PATCH", "/me/contacts/" + id, "{\"jobTitle\":\"Barista in chief\"}", 200);
        assertThat(sandbox.demo("GET", "/me/contacts/" + id + "?$select=jobTitle", null, 200)
                        .path("jobTitle")
                        .asText())
                .isEqualTo("Barista in chief");
        assertThat(sandbox.demo("GET", "/me/contacts?$search=\"pavel\"", null, 200)
                        .path("value"))
                .isEmpty(); // other folder
        sandbox.demo("PATCH", "/me/contactFolders/" + folderId, "{\"displayName\":\"Conf 2026\"}", 200);
        sandbox.demo("DELETE", "/me/contacts/" + id, null, 204);
        sandbox.demo("GET", "/me/contacts/" + id, null, 404);
        sandbox.demo("DELETE", "/me/contactFolders/" + folderId, null, 204);
        assertThat(sandbox.demo("GET", "/me/contactFolders/" + folderId, null, 404)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("ErrorItemNotFound");
        assertThat(sandbox.demo("POST", "/me/contacts", "{\"nonsense\":1}", 400)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("ErrorInvalidPropertyRequest");
    }

    @Test
    void search_byNameOrCompany() {
        JsonNode hits = sandbox.demo("GET", "/me/contacts?$search=\"megan\"", null, 200);
        assertThat(hits.path("value"))
                .extracting(c -> c.path("displayName").asText())
                .containsExactly("Megan Bowen");
    }
}
