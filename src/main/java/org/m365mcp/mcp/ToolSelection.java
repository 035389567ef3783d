package org.m365mcp.mcp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Which tools the server offers and how it lists them: areas ({@code m365.mcp.tools}), regex allow and
 * deny lists on tool names, read-only mode and the tool mode.
 *
 * <ul>
 *   <li>A tool is offered when its area is chosen, it matches an allow pattern (when any is set), matches
 *       no deny pattern and, in read-only mode, only reads or belongs to the {@code account} area (sign-in
 *       and sign-out stay).</li>
 *   <li>Patterns match the whole tool name. Immutable and thread-safe.</li>
 * </ul>
 *
 * @param areas    the chosen areas
 * @param allow    patterns a tool name must match one of; empty: every name
 * @param deny     patterns no offered tool name matches
 * @param readOnly whether only tools that read are offered
 * @param mode     direct or discovery listing
 */
public record ToolSelection(
        Set<ToolArea> areas, List<Pattern> allow, List<Pattern> deny, boolean readOnly, ToolMode mode) {

    public ToolSelection {
        areas = areas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(areas));
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        Objects.requireNonNull(mode, "mode");
    }

    /** Today's areas, every tool of them, listed directly: what the server does without settings. */
    static ToolSelection defaults() {
        return new ToolSelection(ToolArea.shippedAreas(), List.of(), List.of(), false, ToolMode.DIRECT);
    }

    /**
     * Reads {@code m365.mcp.tools}, {@code .allow}, {@code .deny}, {@code m365.mcp.read-only} and
     * {@code m365.mcp.tool-mode}.
     *
     * @throws ToolSettingsException naming the setting and, for an unknown area, every valid one
     */
    static ToolSelection from(Config config) {
        return new ToolSelection(
                areas(config.getOptionalValue("m365.mcp.tools", String[].class)
                        .map(List::of)
                        .orElse(List.of())),
                patterns("M365_MCP_TOOLS_ALLOW", config.getOptionalValue("m365.mcp.tools.allow", String[].class)),
                patterns("M365_MCP_TOOLS_DENY", config.getOptionalValue("m365.mcp.tools.deny", String[].class)),
                config.getOptionalValue("m365.mcp.read-only", Boolean.class).orElse(false),
                config.getOptionalValue("m365.mcp.tool-mode", String.class)
                        .map(ToolMode::parse)
                        .orElse(ToolMode.DIRECT));
    }

    /** The areas the words name; none: today's areas. */
    static Set<ToolArea> areas(List<String> words) {
        Set<ToolArea> areas = EnumSet.noneOf(ToolArea.class);
        List<String> unknown = new ArrayList<>();
        for (String word : words) {
            String name = word.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals(ToolArea.ALL)) {
                areas.addAll(EnumSet.allOf(ToolArea.class));
                continue;
            }
            try {
                areas.add(ToolArea.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notAnArea) {
                unknown.add(word.trim());
            }
        }
        if (!unknown.isEmpty()) {
            throw new ToolSettingsException("M365_MCP_TOOLS (m365.mcp.tools) names unknown area"
                    + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown) + "'; valid: "
                    + ToolArea.validNames());
        }
        return areas.isEmpty() ? ToolArea.shippedAreas() : areas;
    }

    private static List<Pattern> patterns(String setting, Optional<String[]> texts) {
        List<Pattern> patterns = new ArrayList<>();
        for (String text : texts.orElse(new String[0])) {
            if (text.isBlank()) {
                continue;
            }
            try {
                patterns.add(Pattern.compile(text.trim()));
            } catch (PatternSyntaxException e) {
                throw new ToolSettingsException(
                        setting + " has '" + text.trim() + "', not a regular expression: " + e.getDescription());
            }
        }
        return patterns;
    }

    /**
     * Why a tool is not offered, in words for the assistant; empty when it is.
     *
     * @param name     the tool's name
     * @param area     its area
     * @param readOnly whether it only reads ({@code readOnlyHint})
     */
    Optional<String> refusal(String name, ToolArea area, boolean readOnly) {
        if (!areas.contains(area)) {
            return Optional.of(name + " is not offered by this server: its area '" + area.configName()
                    + "' is not among M365_MCP_TOOLS (" + areaNames() + ")");
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matcher(name).matches())) {
            return Optional.of(name + " is not offered by this server: it matches none of M365_MCP_TOOLS_ALLOW");
        }
        if (deny.stream().anyMatch(p -> p.matcher(name).matches())) {
            return Optional.of(name + " is not offered by this server: M365_MCP_TOOLS_DENY excludes it");
        }
        if (this.readOnly && !readOnly && area != ToolArea.ACCOUNT) {
            return Optional.of(name + " changes data and this server is read-only (M365_MCP_READ_ONLY=true):"
                    + " it offers only tools that read");
        }
        return Optional.empty();
    }

    Optional<String> refusal(ToolMethod tool) {
        return refusal(tool.name(), tool.area(), tool.annotation().readOnly());
    }

    boolean offers(ToolMethod tool) {
        return refusal(tool).isEmpty();
    }

    private String areaNames() {
        return areas.stream().sorted().map(ToolArea::configName).collect(Collectors.joining(", "));
    }

    /** One line for the start-up log. */
    String summary() {
        return "areas " + areaNames() + (allow.isEmpty() ? "" : ", allow " + allow)
                + (deny.isEmpty() ? "" : ", deny " + deny) + (readOnly ? ", read-only" : "") + ", "
                + mode.configName() + " mode";
    }
}
