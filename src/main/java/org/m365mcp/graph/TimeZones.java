package org.m365mcp.graph;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Graph's time zone names as {@link ZoneId}s: IANA names, {@code UTC}, and the Windows names that
 * Exchange keeps in mailbox settings and {@code originalStartTimeZone} (e.g. "W. Europe Standard Time").
 *
 * <ul>
 *   <li>Windows names map to CLDR's "001" (primary) IANA zone; only the common ones are known, an
 *       unknown name is empty so that callers ask rather than fall back to UTC.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
public final class TimeZones {

    /** CLDR windowsZones.xml, territory 001, for the zones people commonly have. */
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Israel Standard Time", "Asia/Jerusalem"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Arabian Standard Time", "Asia/Dubai"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("Korea Standard Time", "Asia/Seoul"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("US Mountain Standard Time", "America/Phoenix"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("Alaskan Standard Time", "America/Anchorage"),
            Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"),
            Map.entry("Atlantic Standard Time", "America/Halifax"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("SA Pacific Standard Time", "America/Bogota"),
            Map.entry("Central Standard Time (Mexico)", "America/Mexico_City"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("Egypt Standard Time", "Africa/Cairo"));

    private TimeZones() {}

    /** The zone a Graph time zone name stands for: IANA first, then Windows; empty when unknown. */
    public static Optional<ZoneId> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String windows = WINDOWS.get(name.strip());
        if (windows != null) {
            return Optional.of(ZoneId.of(windows));
        }
        try {
            return Optional.of(ZoneId.of(name.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
