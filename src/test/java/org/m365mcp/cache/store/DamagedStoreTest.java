package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.keys;
import static org.m365mcp.cache.store.StoreFixtures.sha256;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.LogCapture;

/**
 * A SQLCipher file the key opens but whose pages are damaged (overwritten, or the file cut short),
 * found when the store opens and when a later read or write meets it: the file is set aside byte
 * for byte and a fresh store serves in its place.
 */
class DamagedStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:36:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void open_fourPagesOverwrittenInTheMiddle_setsFileAsideByteForByteAndOpensFreshStore() throws IOException {
        Path file = storeWithEntries();
        DamagedFiles.overwriteFourPagesInTheMiddle(file);
        String damaged = sha256(file);

        try (LogCapture logs = LogCapture.of("org.m365mcp.cache.store")) {
            OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file), KEY, CLOCK);

            SetAside aside = opened.setAside().orElseThrow();
            assertThat(aside.reason()).isEqualTo(SetAside.Reason.CORRUPT);
            assertThat(aside.file()).isEqualTo(dir.resolve("cache.db.corrupt-20261121T053600Z"));
            assertThat(sha256(aside.file())).isEqualTo(damaged);
            assertFreshStoreServes(opened.store(), file);
            assertThat(logs.messagesAt(Level.WARNING))
                    .singleElement()
                    .asString()
                    .contains(file.toString(), "is damaged", aside.file().toString())
                    .doesNotContain(KEY.secret(), "encryption key");
        }
    }

    @Test
    void open_fileTruncatedToHalf_setsFileAsideByteForByteAndOpensFreshStore() throws IOException {
        Path file = storeWithEntries();
        DamagedFiles.truncateToHalf(file);
        String damaged = sha256(file);

        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file), KEY, CLOCK);

        SetAside aside = opened.setAside().orElseThrow();
        assertThat(aside.reason()).isEqualTo(SetAside.Reason.CORRUPT);
        assertThat(sha256(aside.file())).isEqualTo(damaged);
        assertFreshStoreServes(opened.store(), file);
    }

    @Test
    void open_quickCheckBudgetSpent_opensTheFileAsItIs() throws IOException {
        Path file = storeWithEntries();
        DamagedFiles.overwriteFourPagesInTheMiddle(file);

        OpenedStore opened =
                StoreOpener.open(StoreSettings.defaults(file).withQuickCheckBudget(Duration.ofNanos(1)), KEY, CLOCK);

        opened.store().close();
        assertThat(opened.setAside())
                .as("damage not yet read is left for a later read to find")
                .isEmpty();
    }

    @Test
    void apply_damageMetByALaterRead_setsFileAsideAndAnswersFromAFreshStore() throws IOException {
        Path file = storeWithEntries();
        try (LiveStore live = LiveStore.of(unchecked(file))) {
            DamagedFiles.overwriteFourPagesInTheMiddle(file);
            String damaged = sha256(file);

            StoreSummary summary = live.apply(CacheStore::summary);

            assertThat(summary.entries()).as("the fresh store's").isZero();
            SetAside aside = live.setAside().orElseThrow();
            assertThat(aside.reason()).isEqualTo(SetAside.Reason.CORRUPT);
            assertThat(sha256(aside.file())).isEqualTo(damaged);
            live.apply(store -> store.write(entry("new", text(10))));
        }
        assertThat(keys(file)).as("new entries go to the fresh file").containsExactly("new");
    }

    @Test
    void apply_damageMetByALaterWrite_setsFileAsideAndWritesToAFreshStore() throws IOException {
        Path file = storeWithEntries();
        try (LiveStore live = LiveStore.of(unchecked(file))) {
            DamagedFiles.overwriteFourPagesInTheMiddle(file);

            int removed = live.apply(CacheStore::deleteAll);

            assertThat(removed).as("run again on the fresh store").isZero();
            assertThat(live.setAside().orElseThrow().file()).exists();
            live.apply(store -> store.write(entry("new", text(10))));
        }
        assertThat(keys(file)).containsExactly("new");
    }

    private Path storeWithEntries() {
        return DamagedFiles.storeWithEntries(dir.resolve("cache.db"), KEY, CLOCK);
    }

    /** The store opened without the check at opening, as if the damage came after it. */
    private static CacheStore unchecked(Path file) {
        return StoreOpener.open(StoreSettings.defaults(file).withQuickCheckBudget(Duration.ZERO), KEY, CLOCK)
                .store();
    }

    private static void assertFreshStoreServes(CacheStore store, Path file) {
        try (store) {
            assertThat(store.summary().entries()).isZero();
            assertThat(store.write(entry("new", text(10))).stored()).isTrue();
            assertThat(store.quickCheck(Duration.ofSeconds(10)).outcome()).isEqualTo(QuickCheck.Outcome.OK);
        }
        assertThat(keys(file)).containsExactly("new");
    }
}
