package org.m365mcp.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Builds a realistic, fully deterministic mailbox from a seed: same seed and anchor, same mailbox.
 *
 * <ul>
 *   <li>Folders: the well-known Graph folders under a root; counts per folder come from
 *       {@link #FOLDER_SIZES}.
 *   <li>Dates run back from {@code anchor} (the newest message is a few minutes before it).
 *   <li>Plain Java with {@link java.util.Random}, whose sequence the JDK specifies.
 * </ul>
 */
final class MailboxSeeder {

    /** How many messages each well-known folder gets. */
    static final Map<String, Integer> FOLDER_SIZES = Map.of(
            "inbox", 120, "sentitems", 30, "drafts", 5, "deleteditems", 12, "archive", 25, "junkemail", 6);

    private static final String[][] FOLDERS = {
        {"inbox", "Inbox"}, {"sentitems", "Sent Items"}, {"drafts", "Drafts"},
        {"deleteditems", "Deleted Items"}, {"archive", "Archive"}, {"junkemail", "Junk Email"}};

    private final String accountId;
    private final Recipient owner;
    private final Random random;
    private final Instant anchor;

    MailboxSeeder(String accountId, Recipient owner, long seed, Instant anchor) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.random = new Random(seed);
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /** Seeds the mailbox; call once per seeder (the random sequence is consumed). */
    Mailbox build() {
        String rootId = SandboxIds.folder(accountId, "msgfolderroot");
        List<MailFolder> folders = new ArrayList<>();
        folders.add(new MailFolder(rootId, "msgfolderroot", "Top of Information Store", null));
        List<SandboxMessage> messages = new ArrayList<>();
        for (String[] f : FOLDERS) {
            MailFolder folder = new MailFolder(SandboxIds.folder(accountId, f[0]), f[0], f[1], rootId);
            folders.add(folder);
            messages.addAll(seedFolder(folder, FOLDER_SIZES.get(f[0])));
        }
        return new Mailbox(accountId, SandboxIds.guid("user|" + owner.address()), owner, folders, messages);
    }

    private List<SandboxMessage> seedFolder(MailFolder folder, int count) {
        MessageWriter writer = new MessageWriter(random, owner);
        boolean outgoing = folder.wellKnownName().equals("sentitems") || folder.wellKnownName().equals("drafts");
        Instant when = anchor.minus(Duration.ofMinutes(3 + random.nextInt(40)));
        List<SandboxMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MessageWriter.Draft d = writer.next(outgoing);
            boolean recent = i < 15;
            boolean isDraft = folder.wellKnownName().equals("drafts");
            boolean isRead = outgoing || random.nextInt(100) >= (recent ? 50 : 4);
            String key = folder.wellKnownName() + "/" + i;
            out.add(new SandboxMessage(
                    SandboxIds.message(accountId, key),
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
                    random.nextInt(100) < 15 ? List.of(MessageWriter.CATEGORIES[random.nextInt(3)]) : List.of()));
            when = when.minus(Duration.ofMinutes(10 + random.nextInt(14 * 60)));
        }
        return out;
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
