package io.switchover.patterns.stringtemplate;

import java.util.Set;

/**
 * The attributes a DAO method gives its template.
 *
 * @param runTime text it fills in at run time ({@code @Define}, and with {@code @DefineNamedBindings} every binding)
 * @param lists   lists it binds as parameters ({@code @BindList}, {@code @BindIn})
 */
record MethodAttributes(Set<String> runTime, Set<String> lists) {
    static final MethodAttributes NONE = new MethodAttributes(Set.of(), Set.of());

    MethodAttributes {
        runTime = Set.copyOf(runTime);
        lists = Set.copyOf(lists);
    }

    Attribute of(String name) {
        if (lists.contains(name)) {
            return new Attribute.BoundList(name);
        }
        return runTime.contains(name) ? new Attribute.RunTime(name) : Attribute.ABSENT;
    }
}
