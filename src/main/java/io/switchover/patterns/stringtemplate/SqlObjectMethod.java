package io.switchover.patterns.stringtemplate;

/**
 * A DAO method whose statement jDBI reads from a template: {@code @SqlQuery}, {@code @SqlUpdate}, {@code @SqlBatch}.
 *
 * @param template   the template's name: the annotation's value, or the method's name when it has none
 * @param named      whether the annotation has a value (a template's name, or SQL)
 * @param line       where the method is declared
 * @param attributes what the method's parameters give the template
 */
record SqlObjectMethod(String name, String template, boolean named, int line, MethodAttributes attributes) {
}
