package org.m365mcp.batch.warming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.m365mcp.config.DurationText;

/**
 * The warming plan from MicroProfile Config ({@code m365.mcp.warming.*}, SPEC §5), and the ordered
 * items it makes for a set of accounts.
 *
 * <ul>
 *   <li>Read when asked, so a job started later sees changed config; a bad line fails that job's
 *       start with a message naming the property, never the server.</li>
 *   <li>Order: priority first (1 first), then the {@code operations} order, then account id; so the
 *       most valuable results of every account come before the rest of any.</li>
 * </ul>
 */
@ApplicationScoped
public class WarmingPlan {

    static final String PREFIX = "m365.mcp.warming.";

    @Inject
    Config config;

    /**
     * The plan's entries sorted by priority (stable, so equal priorities keep the configured order);
     * an operation named twice is one entry, since its settings are the same.
     */
    public List<WarmingEntry> entries() {
        Set<String> names = new LinkedHashSet<>();
        for (String operation : config.getOptionalValue(PREFIX + "operations", String.class)
                .orElse("")
                .split(",")) {
            if (!operation.isBlank()) {
                names.add(operation.trim());
            }
        }
        List<WarmingEntry> entries = new ArrayList<>();
        names.forEach(name -> entries.add(entry(name)));
        entries.sort(Comparator.comparingInt(WarmingEntry::priority));
        return entries;
    }

    /** Every entry for every account, in warming order, numbered from 0. */
    public static List<WarmingItem> items(List<WarmingEntry> entries, List<String> accountIds) {
        List<String> accounts = accountIds.stream().sorted().toList();
        List<WarmingItem> items = new ArrayList<>();
        for (WarmingEntry entry : entries) {
            for (String account : accounts) {
                items.add(new WarmingItem(items.size(), account, entry));
            }
        }
        return items;
    }

    private WarmingEntry entry(String operation) {
        String prefix = PREFIX + operation + ".";
        int priority =
                config.getOptionalValue(prefix + "priority", Integer.class).orElse(5);
        String arguments =
                config.getOptionalValue(prefix + "arguments", String.class).orElse("");
        String wait = config.getOptionalValue(prefix + "wait", String.class).orElse("0s");
        return new WarmingEntry(
                operation,
                priority,
                WarmingEntry.parseArguments(operation, arguments),
                DurationText.parse(prefix + "wait", wait));
    }
}
