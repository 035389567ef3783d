package org.m365mcp.graph.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.MsalServiceException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class MsalFailuresTest {

    @Test
    void describe_aFaultInsideTheLibrary_namesNoClassAndNoCode() {
        String words = MsalFailures.describe(new CompletionException(
                new NullPointerException("Cannot invoke \"java.util.concurrent.CompletableFuture.isCancelled()\"")));

        assertThat(words)
                .doesNotContain("NullPointerException", "java.", "CompletableFuture")
                .contains("server log");
    }

    @Test
    void describe_theSignInServicesAnswer_givesItsCodeAndDescription() {
        String words = MsalFailures.describe(new CompletionException(
                new MsalServiceException("AADSTS70000: the grant is invalid", "invalid_grant")));

        assertThat(words).isEqualTo("invalid_grant: AADSTS70000: the grant is invalid");
    }
}
