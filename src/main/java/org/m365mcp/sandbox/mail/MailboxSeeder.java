package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * Builds a realistic, fully deterministic mailbox from a seed: same seed and anchor, same mailbox.
 *
 * <ul>
 *   <li>Folders: the well-known Graph folders under a root, sized by {@link #FOLDER_SIZES}, then
 *       nested user folders ({@link #USER_FOLDERS}) with a few messages each.
 *   <li>Every message with {@code hasAttachments} gets one file attachment with real bytes.
 *   <li>Dates run back from {@code anchor} (the newest message is a few minutes before it).
 *   <li>Plain Java with {@link java.util.Random}, whose sequence the JDK specifies.
 * </ul>
 */
final class MailboxSeeder {

    /** What a seeded mailbox holds, before it is turned into a live {@link Mailbox}. */
    record Seed(
            List<MailFolder> folders,
            List<SandboxMessage> messages,
            Map<String, List<ObjectNode>> attachments,
            List<ObjectNode> rules) {}

    /** How many messages each well-known folder gets. */
    static final Map<String, Integer> FOLDER_SIZES =
            Map.of("inbox", 120, "sentitems", 30, "drafts", 5, "deleteditems", 12, "archive", 25, "junkemail", 6);

    /** User folders as {key, display name, parent key, message count}; parents come first. */
    static final String[][] USER_FOLDERS = {
        {"projects", "Projects", "inbox", "0"}, {"mark8", "Mark 8", "projects", "9"},
        {"retail", "Contoso Retail", "projects", "7"}, {"receipts", "Receipts", "inbox", "6"},
        {"partners", "Partners", "inbox", "5"}, {"archive2025", "2025", "archive", "8"}
    };

    private static final String[][] FOLDERS = {
        {"inbox", "Inbox"}, {"sentitems", "Sent Items"}, {"drafts", "Drafts"},
        {"deleteditems", "Deleted Items"}, {"archive", "Archive"}, {"junkemail", "Junk Email"}
    };
    private static final String[][] FILES = {
        {"Status report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"Budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"Notes.txt", "text/plain"},
        {"Plan.pdf", "application/pdf"}
    };

    private final String accountId;
    private final Recipient owner;
    private final Random random;
    private final Instant anchor;
    private final Map<String, List<ObjectNode>> attachments = new LinkedHashMap<>();

    MailboxSeeder(String accountId, Recipient owner, long seed, Instant anchor) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.random = new Random(seed);
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /** Seeds the mailbox; call once per seeder (the random sequence is consumed). */
    Seed build() {
        String rootId = SandboxIds.folder(accountId, "msgfolderroot");
        List<MailFolder> folders = new ArrayList<>();
        folders.add(new MailFolder(rootId, "msgfolderroot", "Top of Information Store", null, false));
        List<SandboxMessage> messages = new ArrayList<>();
        for (String[] f : FOLDERS) {
            MailFolder folder = new MailFolder(SandboxIds.folder(accountId, f[0]), f[0], f[1], rootId, false);
            folders.add(folder);
            messages.addAll(seedFolder(folder, f[0], FOLDER_SIZES.get(f[0])));
        }
        for (String[] f : USER_FOLDERS) {
            MailFolder folder = new MailFolder(
                    SandboxIds.folder(accountId, f[0]), null, f[1], SandboxIds.folder(accountId, f[2]), false);
            folders.add(folder);
            messages.addAll(seedFolder(folder, f[0], Integer.parseInt(f[3])));
        }
        List<ObjectNode> rules =
                MessageRules.seed(SandboxIds.folder(accountId, "partners"), SandboxIds.folder(accountId, "receipts"));
        return new Seed(folders, messages, attachments, rules);
    }

    private List<SandboxMessage> seedFolder(MailFolder folder, String key, int count) {
        MessageWriter writer = new MessageWriter(random, owner);
        boolean outgoing = key.equals("sentitems") || key.equals("drafts");
        Instant when = anchor.minus(Duration.ofMinutes(3 + random.nextInt(40)));
        List<SandboxMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MessageWriter.Draft d = writer.next(outgoing);
            boolean recent = i < 15;
            boolean isDraft = key.equals("drafts");
            boolean isRead = outgoing || random.nextInt(100) >= (recent ? 50 : 4);
            String id = SandboxIds.message(accountId, key + "/" + i);
            SandboxMessage message = new SandboxMessage(
                    id,
                    folder.id(),
                    SandboxIds.conversation(accountId, d.thread()),
                    d.subject(),
                    outgoing ? owner : d.counterpart(),
                    outgoing ? List.of(d.counterpart()) : d.to(),
                    d.cc(),
                    when,
                    d.body(),
                    isRead,
                    isDraft,
                    random.nextInt(100) < 20,
                    pick(new String[] {"high", "low"}, 8, 4),
                    isDraft ? "notFlagged" : pick(new String[] {"flagged", "complete"}, 7, 3),
                    random.nextInt(100) < 15 ? List.of(MessageWriter.CATEGORIES[random.nextInt(3)]) : List.of());
            out.add(message);
            if (message.hasAttachments()) {
                attachments.put(id, List.of(attachment(message, i)));
            }
            when = when.minus(Duration.ofMinutes(10 + random.nextInt(14 * 60)));
        }
        return out;
    }

    /** One file attachment whose bytes are derived from the message, so they never depend on {@link #random}. */
    private ObjectNode attachment(SandboxMessage message, int index) {
        String[] file = FILES[Math.floorMod(message.id().hashCode(), FILES.length)];
        byte[] bytes = ("Contoso · " + message.subject() + "\n\n" + message.body() + "\n")
                .repeat(1 + index % 4)
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode node = Json.object();
        node.put("@odata.type", "#microsoft.graph.fileAttachment");
        node.put("@odata.mediaContentType", file[1]);
        node.put("id", SandboxIds.item("attachment", accountId, message.id()));
        node.put("lastModifiedDateTime", message.receivedDateTime().toString());
        node.put("name", file[0]);
        node.put("contentType", file[1]);
        node.put("size", bytes.length);
        node.put("isInline", false);
        node.putNull("contentId");
        node.putNull("contentLocation");
        node.put("contentBytes", Base64.getEncoder().encodeToString(bytes));
        return node;
    }

    /** {@code first} with {@code pctFirst}%, {@code second} with {@code pctSecond}%, else the default. */
    private String pick(String[] choices, int pctFirst, int pctSecond) {
        int roll = random.nextInt(100);
        if (roll < pctFirst) {
            return choices[0];
        }
        if (roll < pctFirst + pctSecond) {
            return choices[1];
        }
        return choices[0].equals("high") ? "normal" : "notFlagged";
    }
}
