package org.m365mcp.tools.calendar;

import java.util.List;

/**
 * The answer of an invitee's action on a meeting.
 *
 * @param action        accepted, tentativelyAccepted, declined or forwarded
 * @param responseSent  whether the organizer is told (always for a proposal and a forward)
 * @param proposedStart the proposed new start, local with offset in {@code timeZone}; null without a proposal
 * @param forwardedTo   the forward's recipients; null for a response
 */
public record EventResponse(
        String accountId,
        String eventId,
        String action,
        boolean responseSent,
        String proposedStart,
        String proposedEnd,
        String timeZone,
        List<String> forwardedTo) {}
