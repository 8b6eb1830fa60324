package io.switchover.rules;

import io.switchover.mentions.ChangedObject;
import io.switchover.mentions.Mention;
import io.switchover.mentions.UncheckedMention;
import io.switchover.patterns.model.AccessPattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The running version names something the batch removes or tightens in a place the probes could not check: SQL built
 * at run time, a jOOQ query, a column name handed to a builder or read by name. What a reviewer with {@code git grep}
 * would stop at, the gate does not pass over.
 */
@RuleId("named-in-unchecked-code")
public final class NamedInUncheckedCode implements Rule {
    /** How its findings' patterns say that they are places naming an object, not statements. */
    public static final String EXTRACTOR = "mention";
    @Override
    public List<Finding> check(Evidence evidence, Breaks breaks) {
        // One place naming a column that several tables have is one finding, about all of them.
        Map<String, List<UncheckedMention>> byPlace = new LinkedHashMap<>();
        for (UncheckedMention unchecked : evidence.mentions()) {
            Mention mention = unchecked.mention();
            ChangedObject object = mention.object();
            byPlace.computeIfAbsent(mention.issuer() + " " + mention.origin() + " " + object.kind() + " "
                    + object.name() + " " + object.change() + " " + object.step(), k -> new ArrayList<>()).add(unchecked);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<UncheckedMention> same : byPlace.values()) {
            UncheckedMention unchecked = same.stream().filter(UncheckedMention::strong).findFirst().orElse(same.get(0));
            Mention mention = unchecked.mention();
            ChangedObject object = mention.object();
            String script = object.migration().script();
            String named = same.stream().map(u -> u.mention().object().label()).distinct()
                    .collect(Collectors.joining(" or "));
            String message = mention.issuer().label() + " still names " + named + ", which " + script + " "
                    + MigrationStatementLines.verb(evidence, object) + ": " + unchecked.why() + ", "
                    + unchecked.where();
            String help = object.change() == ChangedObject.Change.REMOVED
                    ? "read this line: if " + mention.issuer().label() + " still uses " + object.label()
                    + " here, promote " + script + " in a later deployment, once a version that no longer does serves"
                    + " traffic; if not, allow it with a reason (-- switchover:allow " + doc().id() + " <why>)"
                    : "read this line: if it writes " + object.label() + " in a way " + script + " no longer accepts,"
                    + " change the code first; else allow it with a reason (-- switchover:allow " + doc().id() + " <why>)";
            findings.add(Finding.of(doc(), unchecked.strong() ? doc().severity() : Severity.WARNING,
                    object.migration(), object.step(), MigrationStatementLines.of(evidence, object),
                    mention.issuer().service(), new AccessPattern(mention.code(), mention.origin(), EXTRACTOR), message,
                    help, null));
        }
        return findings;
    }
}
