package org.m365mcp.sandbox.drive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Serves a pre-authenticated download URL: checks its {@code tempauth}, then hands out the bytes. */
public final class DriveDownloads {

    /** A file's bytes, type and URL-encoded name. */
    public record Download(byte[] bytes, String mimeType, String encodedName) {}

    private DriveDownloads() {}

    public static Download of(Drive drive, String itemId, String tempauth) {
        DriveLinks.checkDownload(drive.driveId(), itemId, tempauth);
        synchronized (drive) {
            String name = drive.stored(itemId).path("name").asText();
            return new Download(
                    drive.content(itemId),
                    DriveContent.mimeType(name),
                    URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }
}
