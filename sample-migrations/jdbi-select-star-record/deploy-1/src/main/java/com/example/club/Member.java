package com.example.club;

import org.jdbi.v3.core.mapper.reflect.ColumnName;

import java.time.LocalDate;

/** A member as the card shows it; JDBI's constructor mapper needs a column for each component. */
public record Member(long id, @ColumnName("full_name") String name, @ColumnName("joined_on") LocalDate joinedOn) {
}
