package io.switchover.timeline;

import java.util.List;
import java.util.Optional;

/** A table or view and its columns in ordinal order. */
public record TableInfo(String name, boolean view, List<ColumnInfo> columns) {

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }
}
