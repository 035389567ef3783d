package org.m365mcp.mcp;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The areas a server's tools are chosen by ({@code m365.mcp.tools}); every tool belongs to exactly one,
 * declared once per tool package with {@link McpToolArea}.
 *
 * <p>The areas after {@link #ACCOUNT} are names reserved for tools to come: valid in the setting,
 * they select nothing yet.
 */
public enum ToolArea {
    MAIL(true),
    CALENDAR(true),
    CONTACTS(true),
    FILES(true),
    SEARCH(true),
    CACHE(true),
    ACCOUNT(true),
    TEAMS(false),
    TASKS(false),
    NOTES(false),
    SHAREPOINT(false),
    PLANNER(false),
    PEOPLE(false);

    /** The setting's word for every area at once. */
    static final String ALL = "all";

    private final boolean shipped;

    ToolArea(boolean shipped) {
        this.shipped = shipped;
    }

    /** The area's name in {@code m365.mcp.tools}, e.g. {@code mail}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this version has tools in the area. */
    boolean shipped() {
        return shipped;
    }

    /** The areas that have tools in this version: the default selection. */
    static Set<ToolArea> shippedAreas() {
        return Arrays.stream(values())
                .filter(ToolArea::shipped)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ToolArea.class)));
    }

    /** The valid words of {@code m365.mcp.tools}, as an error message lists them. */
    static String validNames() {
        return Arrays.stream(values()).map(ToolArea::configName).collect(Collectors.joining(", ")) + ", " + ALL;
    }
}
