package org.m365mcp.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.m365mcp.cache.key.CacheKey;

/** How the rekey endpoint reads its body: no body, or {"new_key": "..."}; never echoing it. */
class CacheKeyResourceTest {

    private static final String SECRET = "operator-supplied-key-0123456789abcdef";

    @Test
    void suppliedKey_noBody_isEmpty() {
        assertThat(CacheKeyResource.suppliedKey(null)).isEmpty();
        assertThat(CacheKeyResource.suppliedKey("  \n")).isEmpty();
        assertThat(CacheKeyResource.suppliedKey("{}")).isEmpty();
    }

    @Test
    void suppliedKey_newKeyField_isThatKey() {
        assertThat(CacheKeyResource.suppliedKey("{\"new_key\":\"" + SECRET + "\"}"))
                .contains(CacheKey.of(SECRET));
    }

    @Test
    void suppliedKey_brokenJsonAroundAKey_isRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> CacheKeyResource.suppliedKey("{\"new_key\":\"" + SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET)
                .hasNoCause();
    }

    @Test
    void suppliedKey_blankOrNonTextKey_isRefused() {
        assertThatThrownBy(() -> CacheKeyResource.suppliedKey("{\"new_key\":\" \"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheKeyResource.suppliedKey("{\"new_key\":42}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheKeyResource.suppliedKey("[\"" + SECRET + "\"]"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
