package org.m365mcp.cache.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BoundedCallsTest {

    @Test
    void call_taskHangs_returnsFallbackWithinTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        try (BoundedCalls calls = new BoundedCalls(Duration.ofMillis(200));
                LogCapture logs = LogCapture.of(JavaKeyringAccess.class.getName())) {
            long start = System.nanoTime();

            Boolean result = calls.call(
                    "connect",
                    () -> {
                        never.await();
                        return true;
                    },
                    false,
                    null);

            assertThat(result).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(logs.allText()).contains("timed out");
        }
    }

    @Test
    void call_taskFailsMentioningSecret_logsRedactedMessage() {
        try (BoundedCalls calls = new BoundedCalls(Duration.ofSeconds(5));
                LogCapture logs = LogCapture.of(JavaKeyringAccess.class.getName())) {

            Boolean result = calls.call(
                    "write",
                    () -> {
                        throw new IllegalStateException("could not store hunter2-secret");
                    },
                    false,
                    "hunter2-secret");

            assertThat(result).isFalse();
            assertThat(logs.allText()).contains("[redacted]").doesNotContain("hunter2-secret");
        }
    }

    @Test
    void call_afterClose_returnsFallback() {
        BoundedCalls calls = new BoundedCalls(Duration.ofSeconds(1));
        calls.close();

        assertThat(calls.call("read", () -> "x", "fallback", null)).isEqualTo("fallback");
    }
}
