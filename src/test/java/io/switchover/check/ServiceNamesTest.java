package io.switchover.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ServiceNamesTest {

    @Test
    void readsTheApplicationNameOfSpringsYamlInEveryFormItTakes() {
        assertEquals("people", ServiceNames.yamlApplicationName("spring:\n  application:\n    name: people\n"));
        assertEquals("people", ServiceNames.yamlApplicationName("spring:\n  application.name: 'people'\n"));
        assertEquals("people", ServiceNames.yamlApplicationName("spring.application.name: people\n"));
        assertEquals("people", ServiceNames.yamlApplicationName("server:\n  port: 8080\n---\nspring:\n"
                + "  datasource:\n    url: jdbc:postgresql://db/people\n  application:\n    name: people\n"));
        assertNull(ServiceNames.yamlApplicationName("spring:\n  application:\n    name: ${APP_NAME}\n"));
        assertNull(ServiceNames.yamlApplicationName("spring: [unclosed\n"));
    }

    @Test
    void readsALargeConfigurationWithoutANameAtOnce() {
        // The regular expression this replaces backtracked for minutes over a configuration of this shape.
        StringBuilder yaml = new StringBuilder("spring:\n");
        for (int i = 0; i < 3_000; i++) {
            yaml.append("  key").append(i).append(":\n    nested: value ").append(i).append("\n");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNull(ServiceNames.yamlApplicationName(
                yaml.toString())));
    }
}
