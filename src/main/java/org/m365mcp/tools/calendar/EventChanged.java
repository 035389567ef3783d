package org.m365mcp.tools.calendar;

/**
 * The answer of a calendar write: the event's id for follow-up calls and what it now is.
 *
 * @param start local date-time with offset in {@code timeZone}; null after a delete
 */
public record EventChanged(String accountId, String eventId, String action, String subject, String start, String end,
        String timeZone) {
}
