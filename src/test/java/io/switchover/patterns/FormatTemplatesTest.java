package io.switchover.patterns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Format strings read as the statements they give, where what is filled in cannot change what they name. */
class FormatTemplatesTest {

    @Test
    void numbersAndListsOfValuesAreFilledIn() {
        assertEquals("SELECT DISTINCT aktor_id FROM oppfolgingstatus ORDER BY aktor_id OFFSET 1 ROWS FETCH NEXT 1 ROWS"
                + " ONLY", FormatTemplates.filled("SELECT DISTINCT aktor_id FROM oppfolgingstatus ORDER BY aktor_id"
                + " OFFSET %d ROWS FETCH NEXT %d ROWS ONLY"));
        assertEquals("SELECT id FROM action WHERE status IN (?) LIMIT 1",
                FormatTemplates.filled("SELECT id FROM action WHERE status IN (%s) LIMIT %1$d"));
        assertEquals("SELECT id FROM person WHERE name LIKE 'a%' LIMIT 1",
                FormatTemplates.filled("SELECT id FROM person WHERE name LIKE 'a%%' LIMIT %d"), "%% is the percent sign");
    }

    @Test
    void whatANameIsFilledIntoOrNoFormatAtAllStaysAsItIs() {
        String table = "SELECT id FROM %s WHERE id = %d";
        assertEquals(table, FormatTemplates.filled(table), "a table's name is built at run time");
        String like = "SELECT id FROM person WHERE name LIKE '%dale%'";
        assertEquals(like, FormatTemplates.filled(like), "a LIKE pattern is no format string");
        assertEquals("SELECT 1", FormatTemplates.filled("SELECT 1"));
        String percent = "SELECT id FROM person WHERE rate > 5%";
        assertEquals(percent, FormatTemplates.filled(percent));
    }
}
