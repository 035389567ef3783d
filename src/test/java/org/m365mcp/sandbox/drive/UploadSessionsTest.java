package org.m365mcp.sandbox.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.TestClock;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/** Upload sessions on the drive's clock: each fragment extends the session, idleness expires it. */
class UploadSessionsTest {

    private static final String ROOT = "https://sandbox.test/sandbox";

    private final TestClock clock = new TestClock(Instant.parse("2026-01-15T09:30:00Z"));
    private final Drive drive =
            Drive.seeded("demo", new Recipient("Adele Vance", "adele@contoso.sandbox"), 7, clock.instant(), clock);

    @Test
    void session_expiresFifteenMinutesAfterItsLastFragment_then404() {
        String id = sessionId(drive.uploads()
                .create(new UploadSessions.Target(null, null, "/Documents/x.bin", null, "replace"), -1, ROOT));
        byte[] unit = new byte[UploadSessions.FRAGMENT_UNIT];

        clock.advance(Duration.ofMinutes(14));
        UploadSessions.Answer partial =
                drive.uploads().put(id, "bytes 0-" + (unit.length - 1) + "/" + 2 * unit.length, unit, ROOT);
        assertThat(partial.status()).isEqualTo(202);
        assertThat(partial.body().path("expirationDateTime").asText())
                .isEqualTo(clock.instant().plus(UploadSessions.LIFETIME).toString());

        clock.advance(Duration.ofMinutes(14));
        assertThat(drive.uploads().status(id).status())
                .as("extended by the fragment")
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> drive.uploads().status(id))
                .isInstanceOf(SandboxGraphException.class)
                .satisfies(e -> assertThat(((SandboxGraphException) e).status()).isEqualTo(404));
        assertThat(drive.uploads().has(id)).isFalse();
    }

    @Test
    void conflictAtTheLastFragment_409_endsTheSession() {
        String id = sessionId(drive.uploads()
                .create(new UploadSessions.Target(null, null, "/Documents/late.txt", null, "fail"), -1, ROOT));
        new DriveWrites(drive).uploadByPath("/Documents/late.txt", new byte[] {1}, "fail");

        assertThatThrownBy(() -> drive.uploads().put(id, "bytes 0-1/2", new byte[2], ROOT))
                .isInstanceOf(SandboxGraphException.class)
                .satisfies(e -> assertThat(((SandboxGraphException) e).status()).isEqualTo(409));
        assertThat(drive.uploads().has(id)).isFalse();
    }

    private static String sessionId(ObjectNode session) {
        String url = session.path("uploadUrl").asText();
        assertThat(url).startsWith(ROOT + "/upload/");
        return url.substring((ROOT + "/upload/").length());
    }
}
