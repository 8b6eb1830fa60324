/**
 * SQL that jDBI SQL objects keep in StringTemplate group files ({@code *.sql.stg}) beside the DAO interface
 * ({@code @UseStringTemplateSqlLocator}, {@code @UseStringTemplate3StatementLocator} and in-house annotations built on
 * them): the group files read ({@link io.switchover.patterns.stringtemplate.TemplateGroupParser}), the DAO interfaces
 * read ({@link io.switchover.patterns.stringtemplate.SqlObjectReader}), and each method's template rendered the way
 * StringTemplate renders it ({@link io.switchover.patterns.stringtemplate.TemplateRenderer}), once for each finite
 * variant of its conditionals. A template that cannot be rendered from the source stays a place not checked, with
 * the reason.
 */
package io.switchover.patterns.stringtemplate;
