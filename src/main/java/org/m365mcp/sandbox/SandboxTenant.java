package org.m365mcp.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.sandbox.calendar.CalendarStore;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.contacts.AddressBook;
import org.m365mcp.sandbox.delta.AccountChanges;
import org.m365mcp.sandbox.delta.DeltaSettings;
import org.m365mcp.sandbox.drive.Drive;
import org.m365mcp.sandbox.login.LoginSettings;
import org.m365mcp.sandbox.login.SandboxLogin;
import org.m365mcp.sandbox.login.SignedInUser;
import org.m365mcp.sandbox.login.TenantUsers;
import org.m365mcp.sandbox.mail.Mailbox;

/**
 * The sandbox's Microsoft 365 tenant: its users' seeded data and the bearer tokens it accepts.
 *
 * <ul>
 *   <li>Two demo accounts: {@value #DEMO_ACCOUNT_ID} ({@value #DEMO_USERNAME}, token
 *       {@value #DEMO_TOKEN}) and {@value #DEMO2_ACCOUNT_ID} ({@value #DEMO2_USERNAME}, token
 *       {@value #DEMO2_TOKEN}). The tokens are not secrets: they only open this made-up tenant.
 *   <li>Besides those fixed tokens it accepts the access tokens its sign-in ({@link SandboxLogin})
 *       issued, for the account that signed in, until they expire by the tenant's clock.
 *   <li>Seeded from fixed seeds relative to the injected clock's "now" (to the minute) when the
 *       application starts: the same clock gives the same data.
 *   <li>The account list is fixed after seeding; each account's data is thread-safe on its own.
 *       Methods are public so CDI's client proxy can always forward them.
 * </ul>
 */
@ApplicationScoped
public class SandboxTenant implements TenantUsers {

    /** Our account id for the first demo user. */
    public static final String DEMO_ACCOUNT_ID = "demo";
    /** The bearer token the sandbox accepts for the first demo user. */
    public static final String DEMO_TOKEN = "sandbox-demo-token";
    /** The first demo user's sign-in name. */
    public static final String DEMO_USERNAME = "adele.vance@contoso.sandbox";
    /** Our account id for the second demo user. */
    public static final String DEMO2_ACCOUNT_ID = "demo2";
    /** The bearer token the sandbox accepts for the second demo user. */
    public static final String DEMO2_TOKEN = "sandbox-demo2-token";
    /** The second demo user's sign-in name. */
    public static final String DEMO2_USERNAME = "megan.bowen@contoso.sandbox";
    /** Seed of the first demo account's random content. */
    static final long SEED = 20_260_115L;
    /** Seed of the second demo account's random content. */
    static final long SEED2 = 20_260_116L;

    private Clock clock;
    private SandboxLogin login;
    private DeltaSettings deltaSettings;
    private List<SandboxAccount> accounts = List.of();

    /** For CDI's client proxy only. */
    protected SandboxTenant() {}

    @Inject
    public SandboxTenant(
            Clock clock,
            SandboxLogin login,
            @ConfigProperty(name = "m365.sandbox.delta.max-changes", defaultValue = "10000") int maxChanges,
            @ConfigProperty(name = "m365.sandbox.delta.token-lifetime-hours", defaultValue = "168") long tokenHours) {
        this(clock, login, new DeltaSettings(maxChanges, java.time.Duration.ofHours(tokenHours)));
    }

    /** A tenant keeping {@code deltaSettings}' change history. */
    public SandboxTenant(Clock clock, SandboxLogin login, DeltaSettings deltaSettings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.login = Objects.requireNonNull(login, "login");
        this.deltaSettings = Objects.requireNonNull(deltaSettings, "deltaSettings");
    }

    /** A tenant with the default change history. */
    public SandboxTenant(Clock clock, SandboxLogin login) {
        this(clock, login, DeltaSettings.DEFAULTS);
    }

    /** A tenant with a sign-in of its own on the same clock, with the default settings. */
    public SandboxTenant(Clock clock) {
        this(clock, new SandboxLogin(clock, LoginSettings.DEFAULTS));
    }

    /** Seeds once per application; not in the constructor, which CDI's proxy also runs. */
    @PostConstruct
    public void seed() {
        Instant anchor = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        accounts = List.of(
                account(
                        DEMO_ACCOUNT_ID,
                        DEMO_TOKEN,
                        new Recipient("Adele Vance", DEMO_USERNAME),
                        "Retail Manager",
                        SEED,
                        anchor),
                account(
                        DEMO2_ACCOUNT_ID,
                        DEMO2_TOKEN,
                        new Recipient("Megan Bowen", DEMO2_USERNAME),
                        "Marketing Manager",
                        SEED2,
                        anchor));
    }

    private SandboxAccount account(
            String id, String token, Recipient owner, String jobTitle, long seed, Instant anchor) {
        Mailbox mailbox = Mailbox.seeded(
                id,
                owner,
                seed,
                anchor,
                clock,
                (sent, to) -> account(to.address()).ifPresent(a -> a.mailbox().receive(sent)));
        CalendarStore calendar = CalendarStore.seeded(id, owner, mailboxTimeZone(id), seed, anchor, clock);
        AddressBook contacts = AddressBook.seeded(id, owner.address(), seed, clock, anchor);
        Drive drive = Drive.seeded(id, owner, seed, anchor, clock);
        AccountChanges changes = new AccountChanges(id, clock, deltaSettings);
        mailbox.recordChangesTo(changes);
        calendar.recordChangesTo(changes);
        contacts.recordChangesTo(changes);
        drive.recordChangesTo(changes);
        return new SandboxAccount(id, token, owner, jobTitle, mailbox, calendar, contacts, drive, changes);
    }

    /** As Exchange keeps it, a Windows name: {@link #DEMO_ACCOUNT_ID} is in Pacific time, the other in W. Europe. */
    private static String mailboxTimeZone(String accountId) {
        return accountId.equals(DEMO_ACCOUNT_ID) ? "Pacific Standard Time" : "W. Europe Standard Time";
    }

    public List<SandboxAccount> accounts() {
        return accounts;
    }

    /**
     * The account this {@code Authorization} header value authenticates, if any: a demo account's
     * fixed token, or an unexpired access token the sign-in issued.
     */
    public Optional<SandboxAccount> authenticate(String authorizationHeader) {
        String token = bearerToken(authorizationHeader);
        if (token == null) {
            return Optional.empty();
        }
        Optional<SandboxAccount> demo =
                accounts.stream().filter(a -> a.token().equals(token)).findFirst();
        if (demo.isPresent()) {
            return demo;
        }
        return login.accessToken(token)
                .filter(issued -> !issued.isExpired(clock.instant()))
                .flatMap(issued -> account(issued.user().accountId()));
    }

    /** True when this {@code Authorization} header carries an access token the sign-in issued that has expired. */
    public boolean isExpired(String authorizationHeader) {
        return login.accessToken(bearerToken(authorizationHeader))
                .filter(issued -> issued.isExpired(clock.instant()))
                .isPresent();
    }

    private static String bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorizationHeader.substring(7).trim();
    }

    /** The account addressed by account id, user GUID or address (as in {@code /users/{id}}). */
    public Optional<SandboxAccount> account(String userRef) {
        return accounts.stream().filter(a -> a.isAddressedBy(userRef)).findFirst();
    }

    @Override
    public List<SignedInUser> users() {
        return accounts.stream().map(SandboxTenant::user).toList();
    }

    @Override
    public Optional<SignedInUser> user(String ref) {
        return account(ref).map(SandboxTenant::user);
    }

    private static SignedInUser user(SandboxAccount account) {
        return new SignedInUser(
                account.accountId(),
                account.userId(),
                account.owner().name(),
                account.owner().address());
    }

    /** The clock the tenant's data is written by. */
    public Clock clock() {
        return clock;
    }

    /** The tenant's sign-in: device codes and the access tokens it issued. */
    public SandboxLogin login() {
        return login;
    }
}
