package org.m365mcp.sandbox.drive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.m365mcp.sandbox.common.People;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * Seeds a OneDrive of about three hundred folders and a thousand-odd files: Documents (projects,
 * finance by year and quarter, customers, HR), Pictures (camera roll by month, events), Shared,
 * Desktop and an Archive by year and half-year.
 *
 * <p>Ids derive from each item's path, so they are stable across runs; sizes and dates from the
 * seed. Single use; not thread-safe (seeding only).
 */
final class DriveSeeder {

    private static final String[] PROJECT_PARTS = {"Specs", "Meeting notes", "Deliverables", "Archive"};
    private static final String[] CUSTOMERS = {
        "Fabrikam", "Northwind Traders", "Tailspin Toys", "Wide World Importers", "Woodgrove Bank"
    };
    private static final String[] EVENTS = {
        "Offsite 2025", "Sales kick-off", "Mark 8 launch party", "Summer picnic", "Hackathon", "Holiday party"
    };
    private static final String[] AREAS = {"Projects", "Finance", "Customers", "Misc"};
    private static final String[][] DOC_NAMES = {
        {"Overview", "docx"},
        {"Plan", "docx"},
        {"Budget", "xlsx"},
        {"Status", "pptx"},
        {"Notes", "txt"},
        {"Contract", "pdf"},
        {"Data export", "csv"},
        {"README", "md"}
    };

    private final Drive drive;
    private final Random random;
    private final Instant anchor;

    DriveSeeder(Drive drive, long seed, Instant anchor) {
        this.drive = drive;
        this.random = new Random(seed * 13 + 11);
        this.anchor = anchor;
    }

    void seed() {
        String root = folder(null, "root", "");
        String documents = folder(root, "/Documents", "Documents");
        String projects = folder(documents, "/Documents/Projects", "Projects");
        for (String topic : People.TOPICS) {
            String name = Character.toUpperCase(topic.charAt(0)) + topic.substring(1);
            String project = folder(projects, "/Documents/Projects/" + name, name);
            files(project, "/Documents/Projects/" + name, name, 2);
            for (String part : PROJECT_PARTS) {
                leaf(project, "/Documents/Projects/" + name + "/" + part, part, name + " " + part.toLowerCase());
            }
        }
        String finance = folder(documents, "/Documents/Finance", "Finance");
        for (int year = 2022; year <= 2026; year++) {
            String y = folder(finance, "/Documents/Finance/" + year, String.valueOf(year));
            for (int q = 1; q <= 4; q++) {
                leaf(y, "/Documents/Finance/" + year + "/Q" + q, "Q" + q, "Q" + q + " " + year);
            }
        }
        String customers = folder(documents, "/Documents/Customers", "Customers");
        for (String customer : CUSTOMERS) {
            String c = folder(customers, "/Documents/Customers/" + customer, customer);
            for (String part : List.of("Contracts", "Correspondence", "Invoices")) {
                leaf(c, "/Documents/Customers/" + customer + "/" + part, part, customer + " " + part.toLowerCase());
            }
        }
        String hr = folder(documents, "/Documents/HR", "HR");
        for (String part : List.of("Policies", "Onboarding", "Reviews")) {
            leaf(hr, "/Documents/HR/" + part, part, part);
        }
        String pictures = folder(root, "/Pictures", "Pictures");
        String roll = folder(pictures, "/Pictures/Camera Roll", "Camera Roll");
        for (int year = 2024; year <= 2026; year++) {
            String y = folder(roll, "/Pictures/Camera Roll/" + year, String.valueOf(year));
            for (int month = 1; month <= 12; month++) {
                String m = String.format("%02d", month);
                photos(
                        folder(y, "/Pictures/Camera Roll/" + year + "/" + m, m),
                        "/Pictures/Camera Roll/" + year + "/" + m,
                        random.nextInt(4));
            }
        }
        String events = folder(pictures, "/Pictures/Events", "Events");
        for (String event : EVENTS) {
            photos(
                    folder(events, "/Pictures/Events/" + event, event),
                    "/Pictures/Events/" + event,
                    2 + random.nextInt(5));
        }
        leaf(pictures, "/Pictures/Screenshots", "Screenshots", "Screenshot");
        String shared = folder(root, "/Shared", "Shared");
        String marketing = folder(shared, "/Shared/Marketing", "Marketing");
        for (String part : List.of("Logos", "Brochures", "Campaigns")) {
            leaf(marketing, "/Shared/Marketing/" + part, part, part);
        }
        leaf(shared, "/Shared/Sales decks", "Sales decks", "Sales deck");
        leaf(root, "/Desktop", "Desktop", "Scratch");
        String archive = folder(root, "/Archive", "Archive");
        for (int year = 2018; year <= 2025; year++) {
            String y = folder(archive, "/Archive/" + year, String.valueOf(year));
            for (String area : AREAS) {
                String a = folder(y, "/Archive/" + year + "/" + area, area);
                for (String half : List.of("H1", "H2")) {
                    leaf(a, "/Archive/" + year + "/" + area + "/" + half, half, area + " " + half + " " + year);
                }
            }
        }
    }

    private void leaf(String parent, String path, String name, String subject) {
        files(folder(parent, path, name), path, subject, random.nextInt(6));
    }

    private void files(String parent, String path, String subject, int count) {
        for (int i = 0; i < count; i++) {
            String[] doc = DOC_NAMES[random.nextInt(DOC_NAMES.length)];
            String name = subject + " - " + doc[0] + (i == 0 ? "" : " " + (i + 1)) + "." + doc[1];
            long size = doc[1].equals("txt") || doc[1].equals("md") || doc[1].equals("csv")
                    ? 300 + random.nextInt(4_000)
                    : 12_000 + random.nextInt(80_000);
            file(parent, path + "/" + name, name, size);
        }
    }

    private void photos(String parent, String path, int count) {
        for (int i = 0; i < count; i++) {
            String name = String.format("IMG_%04d.jpg", 1000 + random.nextInt(9000));
            if (drive.childNamed(parent, name).isEmpty()) {
                file(parent, path + "/" + name, name, 150_000 + random.nextInt(2_500_000));
            }
        }
    }

    private String folder(String parent, String path, String name) {
        return drive.put(SandboxIds.driveItem(drive.accountId(), path), parent, name, true, 0, null, when())
                .path("id")
                .asText();
    }

    private void file(String parent, String path, String name, long size) {
        drive.put(SandboxIds.driveItem(drive.accountId(), path), parent, name, false, size, null, when());
    }

    /** Sometime in the 400 days before the anchor. */
    private Instant when() {
        return anchor.minus(Duration.ofMinutes(30 + random.nextInt(400 * 24 * 60)));
    }
}
