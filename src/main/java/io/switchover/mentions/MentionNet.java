package io.switchover.mentions;

import io.switchover.SwitchoverException;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.Snapshot;
import io.switchover.timeline.Timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The safety net for one check: for each production version, the places in its own files that name what the batch
 * changes and that no checked statement covers.
 */
public final class MentionNet {

    /**
     * One production version of a service, as the net reads it.
     *
     * @param files      its own files (no migrations, no tests), relative to the snapshot root
     * @param checked      its statements that the probes ran at every state
     * @param notCheckable its statements that fail already at production's schema, so that probes tell nothing
     * @param unresolved   its SQL-looking places that could not be checked
     * @param reads        the columns its code reads by name from results
     */
    public record Version(ServiceVersion issuer, Snapshot snapshot, List<String> files, List<CheckedPlace> checked,
                          List<CheckedPlace> notCheckable, List<UnresolvedSql> unresolved, List<ColumnRead> reads) {
    }

    private MentionNet() {
    }

    /** What the batch changes, as the timeline saw it. */
    public static List<ChangedObject> changes(Timeline timeline) {
        return ChangedObjects.of(timeline);
    }

    public static List<UncheckedMention> find(Timeline timeline, List<ChangedObject> changed, List<Version> versions) {
        MentionTargets targets = new MentionTargets(changed, timeline);
        if (targets.isEmpty()) {
            return List.of();
        }
        MentionScanner scanner = new MentionScanner(targets);
        List<UncheckedMention> unchecked = new ArrayList<>();
        for (Version version : versions) {
            List<Mention> mentions = new ArrayList<>();
            for (String path : version.files()) {
                if (SourceSpans.of(path) == null) {
                    continue;
                }
                String text;
                try {
                    text = version.snapshot().read(path);
                } catch (SwitchoverException e) {
                    continue; // extraction lists an unreadable file as not checked
                }
                mentions.addAll(scanner.scan(version.issuer(), path, text));
            }
            unchecked.addAll(new MentionJudge(version).judge(mentions));
        }
        return List.copyOf(unchecked);
    }
}
