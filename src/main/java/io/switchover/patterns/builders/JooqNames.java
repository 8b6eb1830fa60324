package io.switchover.patterns.builders;

import java.util.Locale;

/**
 * jOOQ's code generator's default names ({@code DefaultGeneratorStrategy}), read backwards: the identifier of a table
 * or column is its name in upper case ({@code account_transactions} is {@code ACCOUNT_TRANSACTIONS}), a table's
 * class is its name in PascalCase ({@code AccountTransactions}) and its record's adds {@code Record}. The generated
 * classes are rarely in the source tree (jooq-codegen writes them at build time), so these rules are how a query's
 * names become the database's.
 */
final class JooqNames {

    private JooqNames() {
    }

    /** Whether a Java name has the shape of a generated identifier: {@code BORROWER}, {@code FULL_NAME}. */
    static boolean isIdentifier(String javaName) {
        return javaName.matches("[A-Z][A-Z0-9_]*") && !javaName.equals("DSL");
    }

    /** The table or column a generated identifier stands for. */
    static String fromIdentifier(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** The table a generated table class or record class is named for: {@code BorrowerRecord} is {@code borrower}. */
    static String fromClassName(String className) {
        String name = className.endsWith("Record") ? className.substring(0, className.length() - "Record".length())
                : className;
        return fromPascalCase(name);
    }

    /** The name jOOQ's default strategy wrote in Pascal case: {@code EncryptedContent} is {@code encrypted_content}. */
    static String fromPascalCase(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The identifier jOOQ generates for a table or column name. */
    static String identifierOf(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
