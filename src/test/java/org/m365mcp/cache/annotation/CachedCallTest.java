package org.m365mcp.cache.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;
import javax.cache.annotation.CacheResult;
import org.junit.jupiter.api.Test;

class CachedCallTest {

    @CacheResult(cacheName = "email_get")
    public String emailGet(
            String accountId, String messageId, String bodyFormat, boolean useCache, boolean forceRefresh) {
        return "";
    }

    private static Method emailGet() throws NoSuchMethodException {
        return CachedCallTest.class.getMethod(
                "emailGet", String.class, String.class, String.class, boolean.class, boolean.class);
    }

    @Test
    void accountId_isKeyedTrimmedAndInLowerCase_soOneAccountHasOneKeyWhateverItsSpelling() throws Exception {
        CachedCall mixed = CachedCall.of(emailGet(), new Object[] {" Adele@Contoso.com ", "m1", "text", true, false});
        CachedCall lower = CachedCall.of(emailGet(), new Object[] {"adele@contoso.com", "m1", "text", true, false});

        assertThat(mixed.key()).isEqualTo(lower.key());
        assertThat(mixed.key().text()).isEqualTo("email_get:adele@contoso.com:body_format=text&message_id=m1");
    }

    @Test
    void params_areTheKeyParametersAsText_withoutFlagsAccountOrNulls() throws Exception {
        CachedCall call = CachedCall.of(emailGet(), new Object[] {"demo", "m1", null, false, true});

        assertThat(call.params()).isEqualTo(Map.of("message_id", "m1"));
        assertThat(call.useCache()).isFalse();
        assertThat(call.forceRefresh()).isTrue();
    }
}
