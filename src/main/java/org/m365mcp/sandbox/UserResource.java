package org.m365mcp.sandbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.m365mcp.sandbox.calendar.CalendarViewDelta;
import org.m365mcp.sandbox.calendar.CalendarViewResource;
import org.m365mcp.sandbox.calendar.CalendarsResource;
import org.m365mcp.sandbox.calendar.DefaultCalendarResource;
import org.m365mcp.sandbox.calendar.EventsResource;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.contacts.ContactFoldersResource;
import org.m365mcp.sandbox.contacts.ContactsDelta;
import org.m365mcp.sandbox.contacts.ContactsResource;
import org.m365mcp.sandbox.delta.ChangeFamily;
import org.m365mcp.sandbox.delta.DeltaQuery;
import org.m365mcp.sandbox.delta.DeltaStyle;
import org.m365mcp.sandbox.drive.DriveDelta;
import org.m365mcp.sandbox.drive.DriveResource;
import org.m365mcp.sandbox.mail.MailFoldersDelta;
import org.m365mcp.sandbox.mail.MailFoldersResource;
import org.m365mcp.sandbox.mail.MessagesDelta;
import org.m365mcp.sandbox.mail.MessagesResource;
import org.m365mcp.sandbox.mail.SendMailResource;

/**
 * One user's Graph surface ({@code /me} or {@code /users/{id}}): the profile, the mail, calendar,
 * contacts and OneDrive sub-resources of that account, and their delta queries ({@link DeltaQuery}).
 *
 * <p>The delta paths are resource methods here, with more literal characters than the sub-resource
 * locators they share a prefix with, so JAX-RS matches them first.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {

    private final SandboxAccount account;
    private final GraphRequest request;

    private final SandboxTenant tenant;

    UserResource(SandboxTenant tenant, SandboxAccount account, GraphRequest request) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.account = Objects.requireNonNull(account, "account");
        this.request = Objects.requireNonNull(request, "request");
    }

    @GET
    public Response profile() {
        var user = account.userJson();
        var out = org.m365mcp.sandbox.common.Json.object().put("@odata.context", request.context("users/$entity"));
        out.setAll(user);
        return Responses.ok(out);
    }

    /**
     * {@code GET /mailboxSettings}: the time zone as Exchange keeps it, a Windows name
     * ({@link SandboxTenant#DEMO_ACCOUNT_ID}: Pacific, the other: W. Europe), and the working hours.
     */
    @GET
    @Path("mailboxSettings")
    public Response mailboxSettings() {
        var out = org.m365mcp.sandbox.common.Json.object()
                .put(
                        "@odata.context",
                        request.context("users('" + account.owner().address() + "')/mailboxSettings"))
                .put("timeZone", account.calendar().timeZone())
                .put("dateFormat", "M/d/yyyy")
                .put("timeFormat", "h:mm tt");
        out.set("workingHours", account.calendar().workingHours());
        return Responses.ok(out);
    }

    @Path("messages")
    public MessagesResource messages() {
        return new MessagesResource(account.mailbox(), request, null);
    }

    @Path("mailFolders")
    public MailFoldersResource mailFolders() {
        return new MailFoldersResource(account.mailbox(), request, null);
    }

    @Path("sendMail")
    public SendMailResource sendMail() {
        return new SendMailResource(account.mailbox());
    }

    @Path("calendars")
    public CalendarsResource calendars() {
        return new CalendarsResource(account.calendar(), request);
    }

    @Path("calendar")
    public DefaultCalendarResource calendar() {
        return new DefaultCalendarResource(
                account.calendar(), request, address -> tenant.account(address).map(SandboxAccount::calendar));
    }

    @Path("events")
    public EventsResource events() {
        return EventsResource.ofDefaultCalendar(account.calendar(), request);
    }

    @Path("contacts")
    public ContactsResource contacts() {
        return ContactsResource.ofDefaultFolder(account.contacts(), request);
    }

    @Path("contactFolders")
    public ContactFoldersResource contactFolders() {
        return ContactFoldersResource.top(account.contacts(), request);
    }

    @Path("drive")
    public DriveResource drive() {
        return new DriveResource(account.drive(), request);
    }

    @Path("calendarView")
    public CalendarViewResource calendarView() {
        return CalendarViewResource.ofDefaultCalendar(account.calendar(), request);
    }

    @GET
    @Path("mailFolders/{folderId}/messages/delta")
    public Response messagesDelta(@PathParam("folderId") String folderId) {
        return delta("message", DeltaStyle.OUTLOOK, MessagesDelta.OPTIONS)
                .answer(
                        request,
                        options -> MessagesDelta.of(
                                account.mailbox(), folderId, account.changes().log(ChangeFamily.MESSAGE), options));
    }

    @GET
    @Path("mailFolders/delta")
    public Response mailFoldersDelta() {
        return delta("mailFolder", DeltaStyle.OUTLOOK, MailFoldersDelta.OPTIONS)
                .answer(
                        request,
                        options -> new MailFoldersDelta(
                                account.mailbox(), account.changes().log(ChangeFamily.MAIL_FOLDER)));
    }

    @GET
    @Path("contactFolders/{folderId}/contacts/delta")
    public Response contactsDelta(@PathParam("folderId") String folderId) {
        return delta("contact", DeltaStyle.OUTLOOK, ContactsDelta.OPTIONS)
                .answer(
                        request,
                        options -> new ContactsDelta(
                                account.contacts(), folderId, account.changes().log(ChangeFamily.CONTACT)));
    }

    @GET
    @Path("calendarView/delta")
    public Response calendarViewDelta() {
        return delta("event", DeltaStyle.OUTLOOK, CalendarViewDelta.OPTIONS)
                .answer(
                        request,
                        options -> new CalendarViewDelta(
                                account.calendar(), account.changes().log(ChangeFamily.EVENT), request, options));
    }

    @GET
    @Path("drive/root/delta")
    public Response driveDelta() {
        return delta("driveItem", DeltaStyle.ONEDRIVE, DriveDelta.OPTIONS)
                .answer(
                        request,
                        options -> new DriveDelta(
                                account.drive(),
                                account.changes().log(ChangeFamily.DRIVE_ITEM),
                                request.sandboxRoot().toString()));
    }

    private DeltaQuery delta(String type, DeltaStyle style, java.util.Set<String> options) {
        return new DeltaQuery(account.accountId(), type, style, options, tenant.clock());
    }
}
