package io.switchover.rules;

import java.util.List;

/**
 * One kind of hazard. A rule that explains a break claims it from {@link Breaks}, so that one break gives one finding
 * and the catch-all rule sees only what no other rule explained.
 */
public interface Rule {

    /** The rule's documentation, {@code rules/<id>.md} for the id its class declares with {@link RuleId}. */
    default RuleDoc doc() {
        return RuleDocs.of(getClass());
    }

    default String id() {
        return doc().id();
    }

    List<Finding> check(Evidence evidence, Breaks breaks);
}
