package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadRangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fragment_isTenUnitsOf320KiB() {
        assertThat(UploadRanges.UNIT).isEqualTo(327_680);
        assertThat(UploadRanges.FRAGMENT).isEqualTo(3_276_800).matches(f -> f % UploadRanges.UNIT == 0);
    }

    @Test
    void fragments_ofTenMegabytes_areFullButTheLast_andCoverEveryByteOnce() {
        long total = 10L * 1024 * 1024;
        List<String> ranges = new ArrayList<>();
        long offset = 0;
        while (offset < total) {
            int length = UploadRanges.fragmentLength(offset, total, UploadRanges.FRAGMENT);
            ranges.add(UploadRanges.contentRange(offset, length, total));
            offset += length;
        }
        assertThat(ranges)
                .containsExactly(
                        "bytes 0-3276799/10485760",
                        "bytes 3276800-6553599/10485760",
                        "bytes 6553600-9830399/10485760",
                        "bytes 9830400-10485759/10485760");
        assertThat(offset).isEqualTo(total);
    }

    @Test
    void fragmentLength_outsideTheFile_isRefused() {
        assertThat(UploadRanges.fragmentLength(0, 5, UploadRanges.FRAGMENT)).isEqualTo(5);
        assertThatThrownBy(() -> UploadRanges.fragmentLength(5, 5, UploadRanges.FRAGMENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UploadRanges.fragmentLength(-1, 5, UploadRanges.FRAGMENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentRange_oneByte_startEqualsEnd() {
        assertThat(UploadRanges.contentRange(7, 1, 8)).isEqualTo("bytes 7-7/8");
    }

    @Test
    void nextStart_openAndClosedRanges_firstRangesStart() throws Exception {
        assertThat(UploadRanges.nextStart(JSON.readTree("[\"26-\"]"))).isEqualTo(26);
        assertThat(UploadRanges.nextStart(JSON.readTree("[\"0-\"]"))).isZero();
        assertThat(UploadRanges.nextStart(JSON.readTree("[\"12345-55232\",\"77829-99375\"]")))
                .isEqualTo(12345);
    }

    @Test
    void nextStart_missingEmptyOrGarbled_isMinusOne() throws Exception {
        assertThat(UploadRanges.nextStart(null)).isEqualTo(-1);
        assertThat(UploadRanges.nextStart(JSON.readTree("{}").path("nextExpectedRanges")))
                .isEqualTo(-1);
        assertThat(UploadRanges.nextStart(JSON.readTree("[]"))).isEqualTo(-1);
        assertThat(UploadRanges.nextStart(JSON.readTree("[\"bytes=5-\"]"))).isEqualTo(-1);
        assertThat(UploadRanges.nextStart(JSON.readTree("[42]"))).isEqualTo(-1);
    }
}
