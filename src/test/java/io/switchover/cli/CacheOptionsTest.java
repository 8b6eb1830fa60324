package io.switchover.cli;

import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheOptionsTest {

    private static CacheOptions options(Path dir, boolean off) {
        CacheOptions options = new CacheOptions();
        options.directory = dir;
        options.off = off;
        options.size = "1g";
        return options;
    }

    @Test
    void noCacheTurnsTheCacheOffWhateverElseSaysWhere() {
        assertFalse(options(Path.of("/tmp/x"), true).open(Map.of("SWITCHOVER_CACHE_DIR", "/tmp/y"), "/tmp/z", "/home")
                .enabled());
    }

    @Test
    void noneTurnsItOffAndAFolderTurnsItOn() {
        assertFalse(options(null, false).open(Map.of("SWITCHOVER_CACHE_DIR", "none"), null, "/home").enabled());
        assertFalse(options(null, false).open(Map.of(), "none", "/home").enabled());
        assertTrue(options(null, false).open(Map.of(), null, "/home").enabled(), "~/.cache/switchover by default");
        assertTrue(options(Path.of("/tmp/x"), false).open(Map.of("SWITCHOVER_CACHE_DIR", "none"), null, "/home")
                .enabled(), "--cache-dir wins");
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertEquals(500L << 20, CacheOptions.parseSize("500m"));
        assertEquals(2L << 30, CacheOptions.parseSize("2G"));
        assertEquals(4096, CacheOptions.parseSize("4096"));
        SwitchoverException bad = assertThrows(SwitchoverException.class, () -> CacheOptions.parseSize("lots"));
        assertTrue(bad.getMessage().contains("--cache-size"), bad.getMessage());
    }
}
