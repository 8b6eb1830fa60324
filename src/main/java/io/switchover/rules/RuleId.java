package io.switchover.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's id, declared once on its class (as error-prone's {@code @BugPattern} declares a check's name): the rest of
 * what a report says of the rule (title, severity, category, help) is its documentation, {@code rules/<id>.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleId {
    String value();
}
