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
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * {@code /me/contactFolders} (the default folder's children) and {@code …/{id}/childFolders}: list,
 * create, get, PATCH (rename), delete, and each folder's {@code contacts}.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class ContactFoldersResource {

    private final AddressBook book;
    private final GraphRequest request;
    private final String parentRef;

    ContactFoldersResource(AddressBook book, GraphRequest request, String parentRef) {
        this.book = book;
        this.request = request;
        this.parentRef = parentRef;
    }

    /** {@code /me/contactFolders}. */
    public static ContactFoldersResource top(AddressBook book, GraphRequest request) {
        return new ContactFoldersResource(book, request, "contacts");
    }

    @GET
    public Response list() {
        return Responses.ok(listing().page(book.childFolders(parentRef), request));
    }

    @POST
    public Response create(String body) {
        return Responses.created(book.createFolder(parentRef, Json.body(body)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(listing().single(book.folder(id), request));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        return Responses.ok(book.renameFolder(id, Json.body(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        book.deleteFolder(id);
        return Responses.noContent();
    }

    @Path("{id}/contacts")
    public ContactsResource contacts(@PathParam("id") String id) {
        book.requireFolder(id);
        return new ContactsResource(book, request, id);
    }

    @Path("{id}/childFolders")
    public ContactFoldersResource childFolders(@PathParam("id") String id) {
        book.requireFolder(id);
        return new ContactFoldersResource(book, request, id);
    }

    private ODataListing listing() {
        return new ODataListing("contactFolder", "users('me')/contactFolders", 10, null);
    }
}
