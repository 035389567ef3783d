package org.m365mcp.sandbox.contacts;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.TextQuery;
import org.m365mcp.sandbox.odata.ODataListing;

/** Contacts of one folder ({@code /me/contacts} is the default folder's): list, get, create, PATCH, delete. */
@Produces(MediaType.APPLICATION_JSON)
public final class ContactsResource {

    /** What {@code $search} looks at on contacts. */
    public static final TextQuery.Fields SEARCHABLE = new TextQuery.Fields(
            List.of("displayName", "givenName", "surname", "emailAddresses", "companyName", "jobTitle"),
            Map.of(
                    "name",
                    List.of("displayName"),
                    "email",
                    List.of("emailAddresses"),
                    "company",
                    List.of("companyName")));

    private final AddressBook book;
    private final GraphRequest request;
    private final String folderRef;

    ContactsResource(AddressBook book, GraphRequest request, String folderRef) {
        this.book = book;
        this.request = request;
        this.folderRef = folderRef;
    }

    /** {@code /me/contacts}. */
    public static ContactsResource ofDefaultFolder(AddressBook book, GraphRequest request) {
        return new ContactsResource(book, request, "contacts");
    }

    @GET
    public Response list() {
        return Responses.ok(listing().page(book.contacts(folderRef), request));
    }

    @POST
    public Response create(String body) {
        return Responses.created(book.createContact(folderRef, book.newId("contact"), Json.body(body)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(listing().single(book.contact(id), request));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        synchronized (book) {
            Entities.requireMatch(request.header("If-Match").orElse(null), book.contact(id));
            return Responses.ok(book.updateContact(id, Json.body(body)));
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        synchronized (book) {
            Entities.requireMatch(request.header("If-Match").orElse(null), book.contact(id));
            book.deleteContact(id);
        }
        return Responses.noContent();
    }

    private ODataListing listing() {
        return new ODataListing("contact", "users('me')/contactFolders('" + folderRef + "')/contacts", 10, SEARCHABLE);
    }
}
