package org.m365mcp.sandbox.mail;

import java.util.List;
import java.util.Random;
import org.m365mcp.sandbox.common.People;
import org.m365mcp.sandbox.common.Recipient;

/**
 * Writes plausible Contoso business mail from templates, driven by a caller's {@link Random}.
 *
 * <ul>
 *   <li>Deterministic for a given {@code Random} state; not thread-safe (used while seeding only).
 *   <li>About a third of messages are replies ({@code RE:}) and share their thread key with the
 *       original subject, so conversations group as they do in Outlook.
 * </ul>
 */
final class MessageWriter {

    static final String[] CATEGORIES = {"Blue category", "Red category", "Project Mark 8"};

    private static final String[][] TEMPLATES = {
        {
            "Update on the %s",
            "Hi %s,\n\nQuick update on the %s: we are on track for the milestone on "
                    + "%s. I've attached the latest status so you can review it before our sync.\n\nThanks,\n%s"
        },
        {
            "Meeting notes: %s",
            "Hello %s,\n\nHere are the notes from today's meeting about the %s. Action "
                    + "items are at the bottom; please confirm yours by %s.\n\nBest,\n%s"
        },
        {
            "Question about the %s",
            "Hi %s,\n\nDo you have a minute to look at the %s? I'm not sure we "
                    + "agreed on the scope, and I'd like to settle it before %s.\n\nCheers,\n%s"
        },
        {
            "Action required: %s",
            "%s,\n\nThe %s needs your approval. The request is in the portal and "
                    + "expires on %s. Let me know if anything is missing.\n\nRegards,\n%s"
        },
        {
            "Draft proposal for the %s",
            "Hi %s,\n\nAttached is a first draft for the %s. Comments welcome "
                    + "until %s; after that I'll send it to the leadership team.\n\nThanks,\n%s"
        },
        {
            "Can we move our call? (%s)",
            "Hi %s,\n\nSomething came up. Could we move our call on the %s "
                    + "to %s afternoon? Any slot after 2 pm works for me.\n\n%s"
        }
    };
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    /** What one generated message needs besides ids, dates and flags. */
    record Draft(
            String subject,
            String body,
            Recipient counterpart,
            List<Recipient> to,
            List<Recipient> cc,
            String thread) {}

    private final Random random;
    private final Recipient owner;

    MessageWriter(Random random, Recipient owner) {
        this.random = random;
        this.owner = owner;
    }

    static Recipient person(String name) {
        return Recipient.colleague(name);
    }

    /** The next message; {@code outgoing} means the owner wrote it to the counterpart. */
    Draft next(boolean outgoing) {
        int pick = random.nextInt(People.NAMES.length);
        Recipient other = person(People.NAMES[pick]);
        if (other.equals(owner)) { // the owner is one of the tenant's people: write to the next one
            other = person(People.NAMES[(pick + 1) % People.NAMES.length]);
        }
        String topic = People.TOPICS[random.nextInt(People.TOPICS.length)];
        String[] template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        String day = DAYS[random.nextInt(DAYS.length)];
        String baseSubject = String.format(template[0], topic);
        boolean reply = random.nextInt(3) == 0;
        Recipient writer = outgoing ? owner : other;
        Recipient reader = outgoing ? other : owner;
        String body = String.format(template[1], reader.firstName(), topic, day, writer.firstName());
        List<Recipient> to = random.nextInt(4) == 0
                ? List.of(owner, person(People.NAMES[random.nextInt(People.NAMES.length)]))
                : List.of(owner);
        List<Recipient> cc =
                random.nextInt(5) == 0 ? List.of(person(People.NAMES[random.nextInt(People.NAMES.length)])) : List.of();
        return new Draft(reply ? "RE: " + baseSubject : baseSubject, body, other, to, cc, baseSubject);
    }
}
