package io.switchover.check;

import io.switchover.mentions.CheckedPlace;
import io.switchover.mentions.MentionNet;
import io.switchover.mentions.UncheckedMention;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.rules.CheckedStatement;
import io.switchover.rules.Coverage;
import io.switchover.snapshot.Snapshot;
import io.switchover.timeline.Timeline;

import java.util.List;

/**
 * One production version of a service as this check read it: its files and what extraction found in them, so that the
 * safety net and the coverage figures speak of that version alone.
 *
 * @param files its own files, no migrations and no tests
 * @param read  what extraction found there (and in its captured SQL)
 */
record RunningVersion(ServiceVersion issuer, Snapshot snapshot, List<String> files, ExtractionResult read) {

    /** The version as the safety net reads it: checked are its statements the probes ran at production's schema. */
    MentionNet.Version forMentions(List<CheckedStatement> statements, Timeline timeline) {
        List<CheckedStatement> own = statements.stream().filter(s -> s.issuer().equals(issuer)).toList();
        return new MentionNet.Version(issuer, snapshot, files,
                own.stream().filter(s -> passedAtStart(s, timeline)).map(RunningVersion::place).toList(),
                own.stream().filter(s -> !passedAtStart(s, timeline)).map(RunningVersion::place).toList(),
                read.notChecked(), read.reads());
    }

    /** The same version, with more places that were not checked. */
    RunningVersion withNotChecked(List<io.switchover.patterns.model.UnresolvedSql> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<io.switchover.patterns.model.UnresolvedSql> all = new java.util.ArrayList<>(read.notChecked());
        all.addAll(more);
        return new RunningVersion(issuer, snapshot, files, new ExtractionResult(read.patterns(), all, read.warnings(),
                read.reads()));
    }

    private static CheckedPlace place(CheckedStatement statement) {
        return new CheckedPlace(statement.sql(), statement.patterns().stream().map(AccessPattern::origin).toList(),
                statement.references());
    }

    Coverage coverage(List<CheckedStatement> statements, Timeline timeline, List<UncheckedMention> mentions) {
        List<CheckedStatement> own = statements.stream().filter(s -> s.issuer().equals(issuer)).toList();
        int checked = (int) own.stream().filter(s -> passedAtStart(s, timeline)).count();
        List<String> named = mentions.stream().filter(m -> m.mention().issuer().equals(issuer))
                .map(m -> m.mention().object().label()).distinct().toList();
        return new Coverage(issuer, own.size(), checked, read.notChecked().size(), named);
    }

    private static boolean passedAtStart(CheckedStatement statement, Timeline timeline) {
        return timeline.initial().outcomes().get(statement.probe()).passed();
    }
}
