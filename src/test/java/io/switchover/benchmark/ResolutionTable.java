package io.switchover.benchmark;

import io.switchover.patterns.model.UnresolvedSql;

import java.util.List;
import java.util.Locale;

/** The survey as Markdown: one row per service and a total, then an example place of each kind per service. */
final class ResolutionTable {

    private ResolutionTable() {
    }

    static String render(List<ServiceResolution> rows) {
        StringBuilder out = new StringBuilder("| service | ref | statements | not checked | % resolved |");
        List<UnresolvedKind> kinds = UnresolvedKind.columns();
        kinds.forEach(kind -> out.append(' ').append(kind.label()).append(" |"));
        out.append("\n|---|---|---:|---:|---:|");
        kinds.forEach(kind -> out.append("---:|"));
        out.append('\n');
        int statements = 0;
        int notChecked = 0;
        int[] totals = new int[kinds.size()];
        for (ServiceResolution row : rows) {
            out.append("| ").append(row.service()).append(" | ").append(row.ref()).append(" | ")
                    .append(row.statements()).append(" | ").append(row.notChecked()).append(" | ")
                    .append(percent(row.percentResolved())).append(" |");
            for (int i = 0; i < kinds.size(); i++) {
                out.append(' ').append(row.count(kinds.get(i))).append(" |");
                totals[i] += row.count(kinds.get(i));
            }
            out.append('\n');
            statements += row.statements();
            notChecked += row.notChecked();
        }
        int places = statements + notChecked;
        out.append("| **total** | | ").append(statements).append(" | ").append(notChecked).append(" | ")
                .append(percent(places == 0 ? 100.0 : 100.0 * statements / places)).append(" |");
        for (int total : totals) {
            out.append(' ').append(total).append(" |");
        }
        out.append("\n\n| service | kind | count | example | reason |\n|---|---|---:|---|---|\n");
        for (ServiceResolution row : rows) {
            for (UnresolvedKind kind : kinds) {
                UnresolvedSql example = row.examples().get(kind);
                if (example != null) {
                    out.append("| ").append(row.service()).append(" | ").append(kind.label()).append(" | ")
                            .append(row.count(kind)).append(" | `").append(example.origin().path()).append(':')
                            .append(example.origin().line()).append("` | ").append(cell(example.reason()))
                            .append(" |\n");
                }
            }
        }
        return out.toString();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String cell(String text) {
        String oneLine = text.replace('\n', ' ').replace("|", "\\|");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 119) + "…";
    }
}
