package io.switchover.rules;

import io.switchover.timeline.FailureKind;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a rule claims breaks from {@link Breaks}: which failures it explains and how specific its explanation
 * is. A break goes to the most specific rule that explains it, whatever the order of {@link RuleSet}'s list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Claims {

    /** The failures the rule looks at; none means every kind. */
    FailureKind[] value() default {};

    Specificity specificity();

    /**
     * How much an explanation says, most first. Rules that may explain the same break have different specificities;
     * rules of one specificity explain disjoint breaks.
     */
    enum Specificity {
        /** Two migrations of the one batch together: the expand and the contract of a sequence. */
        SEQUENCE_IN_ONE_BATCH,
        /** A rename (in place, or add, copy and drop in one migration). */
        RENAME,
        /** A drop. */
        REMOVAL,
        /** A NOT NULL column that lost its default. */
        LOST_DEFAULT,
        /** A column made NOT NULL without a default. */
        NEW_NOT_NULL,
        /** A NULL the old code writes into a column made NOT NULL. */
        NULL_WRITTEN,
        /** A changed column type. */
        TYPE_CHANGE,
        /** A result or insert by position over changed columns. */
        POSITIONAL,
        /** A candidate's statement that the schema the batch makes does not explain. */
        CANDIDATE,
        /** A candidate's statement that fails alike before the batch: not checkable. */
        CANDIDATE_NOT_CHECKABLE,
        /** Any break no other rule explained. */
        ANY
    }
}
