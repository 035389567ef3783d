package org.m365mcp.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's Microsoft 365 tenant: its users' seeded data and the bearer tokens it accepts.
 *
 * <ul>
 *   <li>One demo account, {@value #DEMO_ACCOUNT_ID} ({@code adele.vance@contoso.sandbox}), whose
 *       token is {@value #DEMO_TOKEN}: not a secret, it only opens this made-up tenant.
 *   <li>Seeded from {@link #SEED} and {@link #SEED_ANCHOR}, so every run serves identical data.
 *   <li>Immutable after construction; thread-safe. Methods are public (returning package types)
 *       so CDI's client proxy can always forward them.
 * </ul>
 */
@ApplicationScoped
public class SandboxTenant {

    /** Our account id for the demo user. */
    public static final String DEMO_ACCOUNT_ID = "demo";
    /** The bearer token the sandbox accepts for the demo user. */
    public static final String DEMO_TOKEN = "sandbox-demo-token";
    /** The demo user's sign-in name. */
    public static final String DEMO_USERNAME = "adele.vance@contoso.sandbox";
    /** Seed of the demo mailbox's random content. */
    static final long SEED = 20_260_115L;
    /** The newest seeded message is a few minutes older than this instant. */
    static final Instant SEED_ANCHOR = Instant.parse("2026-01-15T09:30:00Z");

    private List<Mailbox> mailboxes = List.of();

    /** Seeds once per application; not in the constructor, which CDI's proxy also runs. */
    @PostConstruct
    void seed() {
        mailboxes = List.of(demoMailbox());
    }

    /** The demo user's seeded mailbox; every call builds an identical one. */
    static Mailbox demoMailbox() {
        Recipient adele = new Recipient("Adele Vance", DEMO_USERNAME);
        return new MailboxSeeder(DEMO_ACCOUNT_ID, adele, SEED, SEED_ANCHOR).build();
    }

    /** The mailbox whose owner this {@code Authorization} header value authenticates, if any. */
    public Optional<Mailbox> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(7).trim();
        return DEMO_TOKEN.equals(token) ? mailbox(DEMO_ACCOUNT_ID) : Optional.empty();
    }

    /** The mailbox addressed by account id, user GUID or address (as in {@code /users/{id}}). */
    public Optional<Mailbox> mailbox(String userRef) {
        return mailboxes.stream().filter(m -> m.isAddressedBy(userRef)).findFirst();
    }
}
