/**
 * MyBatis mapper XML: the statements of {@code <select>}, {@code <insert>}, {@code <update>} and {@code <delete>}
 * elements, with their dynamic SQL expanded so that every column any branch can use is checked.
 *
 * <p>{@link io.switchover.patterns.mybatis.MapperXmlReader} parses with line numbers (SAX, no DTD loading),
 * {@link io.switchover.patterns.mybatis.DynamicSql} expands {@code <if>}, {@code <where>}, {@code <set>},
 * {@code <trim>}, {@code <foreach>}, {@code <choose>}, {@code <include>} and {@code <bind>}, and
 * {@link io.switchover.patterns.mybatis.MyBatisStatements} turns the expansion into access patterns. The same
 * expansion serves {@code <script>} bodies of MyBatis annotations in Java (see {@code patterns.javaapi}).
 */
package io.switchover.patterns.mybatis;
