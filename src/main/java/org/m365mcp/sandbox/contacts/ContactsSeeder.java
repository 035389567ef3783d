package org.m365mcp.sandbox.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.People;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * Seeds an address book: the tenant's colleagues in Contacts, {@link #CUSTOMERS} people at customer
 * companies in "Customers" and {@link #SUPPLIERS} in "Suppliers", with phones, addresses, job titles
 * and some birthdays and categories.
 *
 * <p>Deterministic for a seed; single use; not thread-safe (seeding only).
 */
final class ContactsSeeder {

    static final int CUSTOMERS = 30;
    static final int SUPPLIERS = 12;

    private static final String[] GIVEN = {
        "Ana", "Bruno", "Chloe", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo",
        "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomoko"
    };
    private static final String[] SURNAMES = {
        "Almeida",
        "Brandt",
        "Chen",
        "Dubois",
        "Eriksen",
        "Fischer",
        "Garcia",
        "Haddad",
        "Ito",
        "Jensen",
        "Kowalski",
        "Lopez",
        "Moreau",
        "Nakamura",
        "Okafor",
        "Petrov",
        "Rossi",
        "Silva"
    };
    private static final String[][] CUSTOMER_COMPANIES = {
        {"Fabrikam", "fabrikam.example"},
        {"Northwind Traders", "northwind.example"},
        {"Tailspin Toys", "tailspin.example"},
        {"Wide World Importers", "wideworld.example"},
        {"Woodgrove Bank", "woodgrove.example"}
    };
    private static final String[][] SUPPLIER_COMPANIES = {
        {"Litware", "litware.example"},
        {"Proseware", "proseware.example"},
        {"Adventure Works", "adventureworks.example"}
    };
    private static final String[] TITLES = {
        "Purchasing Manager",
        "CTO",
        "Account Executive",
        "Buyer",
        "Operations Lead",
        "Head of IT",
        "Logistics Coordinator"
    };
    private static final String[] CITIES = {"Seattle", "Redmond", "Portland", "Vancouver", "San Francisco"};

    private final AddressBook book;
    private final String ownerAddress;
    private final Random random;
    private final Instant anchor;
    private int counter;

    ContactsSeeder(AddressBook book, String ownerAddress, long seed, Instant anchor) {
        this.book = book;
        this.ownerAddress = ownerAddress;
        this.random = new Random(seed * 17 + 3);
        this.anchor = anchor;
    }

    void seed() {
        for (int i = 0; i < People.NAMES.length; i++) {
            Recipient colleague = Recipient.colleague(People.NAMES[i]);
            if (colleague.address().equalsIgnoreCase(ownerAddress)) {
                continue;
            }
            String[] role = People.ROLES[i % People.ROLES.length];
            ObjectNode spec = person(People.NAMES[i], colleague.address(), "Contoso", role[0]);
            spec.put("department", role[1]).put("officeLocation", (10 + i) + "/" + (1100 + 7 * i));
            book.createContact("contacts", id(), spec);
        }
        String customers = book.createFolder(SandboxIds.folder(ownerAddress, "contacts/customers"), "Customers")
                .path("id")
                .asText();
        String suppliers = book.createFolder(SandboxIds.folder(ownerAddress, "contacts/suppliers"), "Suppliers")
                .path("id")
                .asText();
        external(customers, CUSTOMERS, CUSTOMER_COMPANIES, "Customer");
        external(suppliers, SUPPLIERS, SUPPLIER_COMPANIES, "Supplier");
    }

    private void external(String folderId, int count, String[][] companies, String category) {
        for (int i = 0; i < count; i++) {
            String name = GIVEN[random.nextInt(GIVEN.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)];
            String[] company = companies[random.nextInt(companies.length)];
            String address = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + company[1];
            ObjectNode spec = person(name, address, company[0], TITLES[random.nextInt(TITLES.length)]);
            spec.putArray("categories").add(category);
            book.createContact(folderId, id(), spec);
        }
    }

    private ObjectNode person(String name, String address, String company, String title) {
        int space = name.indexOf(' ');
        ObjectNode spec = Json.object()
                .put("givenName", name.substring(0, space))
                .put("surname", name.substring(space + 1))
                .put("companyName", company)
                .put("jobTitle", title)
                .put("mobilePhone", String.format("+1 206 555 %04d", random.nextInt(10_000)));
        spec.putArray("emailAddresses").addObject().put("name", name).put("address", address);
        spec.putArray("businessPhones").add(String.format("+1 425 555 %04d", random.nextInt(10_000)));
        spec.putObject("businessAddress")
                .put("street", (100 + random.nextInt(9000)) + " Main Street")
                .put("city", CITIES[random.nextInt(CITIES.length)])
                .put("state", "WA")
                .put("countryOrRegion", "United States")
                .put("postalCode", String.valueOf(98000 + random.nextInt(999)));
        if (random.nextInt(4) == 0) {
            LocalDate birthday = LocalDate.ofInstant(anchor, ZoneOffset.UTC)
                    .minusYears(25 + random.nextInt(30))
                    .plusDays(random.nextInt(365));
            spec.put(
                    "birthday",
                    birthday.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        }
        return spec;
    }

    private String id() {
        return SandboxIds.item("contact", ownerAddress, "seed/" + counter++);
    }
}
