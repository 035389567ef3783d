package org.m365mcp.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * Graph-shaped JSON of a chosen size: a page of {@code /me/messages} with realistic fields and
 * varied text (seeded, so every run measures the same bytes), compressible the way real mail is.
 */
final class GraphPayloads {

    private static final String[] WORDS = {"quarterly", "review", "meeting", "budget", "proposal", "Contoso",
        "Fabrikam", "invoice", "schedule", "draft", "the", "and", "please", "attached", "update", "team",
        "project", "deadline", "Friday", "customer", "feedback", "release", "agenda", "minutes", "travel",
        "approval", "contract", "summary", "notes", "follow-up", "launch", "design", "roadmap", "hiring"};

    private GraphPayloads() {
    }

    /** A JSON page of messages of about {@code kilobytes} KB (within one message's size). */
    static byte[] messagesPage(int kilobytes) {
        Random random = new Random(kilobytes);
        int target = kilobytes * 1024;
        StringBuilder json = new StringBuilder(target + 2048)
                .append("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('adele')/messages\",")
                .append("\"value\":[");
        Instant received = Instant.parse("2026-11-20T08:00:00Z");
        for (int n = 0; json.length() < target - 200; n++) {
            if (n > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"AAMkAGI2TG93AAA").append(Long.toHexString(random.nextLong()))
                    .append("\",\"receivedDateTime\":\"").append(received.minusSeconds(n * 937L))
                    .append("\",\"subject\":\"").append(words(random, 6))
                    .append("\",\"bodyPreview\":\"").append(words(random, 40))
                    .append("\",\"importance\":\"normal\",\"isRead\":").append(random.nextBoolean())
                    .append(",\"hasAttachments\":").append(random.nextInt(5) == 0)
                    .append(",\"from\":{\"emailAddress\":{\"name\":\"").append(words(random, 2))
                    .append("\",\"address\":\"user").append(random.nextInt(500)).append("@contoso.com\"}}")
                    .append(",\"toRecipients\":[{\"emailAddress\":{\"name\":\"Adele Vance\",")
                    .append("\"address\":\"adele.vance@contoso.com\"}}],\"categories\":[]}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
