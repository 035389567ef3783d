package org.m365mcp.tools.calendar;

/** The answer of a calendar create or delete: its id, name and color. */
public record CalendarChanged(String accountId, String calendarId, String action, String name, String color) {}
