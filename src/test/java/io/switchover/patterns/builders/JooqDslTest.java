package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import io.switchover.patterns.JavaSources;
import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JooqDslTest {

    private static final String HEADER = """
            package com.example;
            import static com.example.jooq.Tables.BORROWER;
            import static com.example.jooq.Tables.LOAN;
            import org.jooq.DSLContext;
            import org.jooq.impl.DSL;
            class Repo {
                private final DSLContext dsl;
            """;

    private static ExtractionResult read(String body) {
        return read(List.of(), HEADER + body + "\n}\n");
    }

    private static ExtractionResult read(List<String> generated, String source) {
        List<CompilationUnit> units = new java.util.ArrayList<>();
        generated.forEach(g -> units.add(JavaSources.parse(g).getResult().orElseThrow()));
        CompilationUnit unit = JavaSources.parse(source).getResult().orElseThrow();
        return new JooqDsl(new JooqGeneratedTables(units)).extract("src/Repo.java", unit);
    }

    private static List<String> statements(ExtractionResult result) {
        return result.patterns().stream().map(p -> p.origin().line() + "-" + p.origin().lastLine() + " " + p.sql())
                .toList();
    }

    @Test
    void readsSelectFromWithAConditionAsTheSqlJooqIssues() {
        ExtractionResult result = read("""
                Object find(String email) {
                    return dsl.selectFrom(BORROWER)
                            .where(BORROWER.EMAIL.eq(email))
                            .fetchOptional();
                }
                """);
        assertEquals(List.of("9-11 SELECT * FROM borrower WHERE borrower.email = ?"), statements(result));
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void readsSelectedFieldsJoinsOrderAndLimit() {
        ExtractionResult result = read("""
                Object loans(long id) {
                    return dsl.select(BORROWER.FULL_NAME, LOAN.DUE_ON.as("due"), DSL.count())
                            .from(BORROWER)
                            .join(LOAN).on(LOAN.BORROWER_ID.eq(BORROWER.ID))
                            .where(BORROWER.ID.eq(id).and(LOAN.RETURNED_ON.isNull()))
                            .groupBy(BORROWER.FULL_NAME, LOAN.DUE_ON)
                            .orderBy(LOAN.DUE_ON.desc())
                            .limit(10)
                            .fetch();
                }
                """);
        assertEquals(List.of("9-16 SELECT borrower.full_name, loan.due_on AS due, count(*) FROM borrower JOIN loan"
                + " ON loan.borrower_id = borrower.id WHERE (borrower.id = ? AND loan.returned_on IS NULL)"
                + " GROUP BY borrower.full_name, loan.due_on ORDER BY loan.due_on DESC LIMIT 1"), statements(result));
    }

    @Test
    void readsInsertWithSetAndWithColumnsAndValues() {
        ExtractionResult result = read("""
                void add(long id, String email) {
                    dsl.insertInto(BORROWER).set(BORROWER.ID, id).set(BORROWER.EMAIL, email).execute();
                    dsl.insertInto(BORROWER, BORROWER.ID, BORROWER.EMAIL).values(id, email).onConflictDoNothing().execute();
                    dsl.insertInto(BORROWER).columns(BORROWER.ID).values(id).returning(BORROWER.ID).fetchOne();
                }
                """);
        assertEquals(List.of("9-9 INSERT INTO borrower (id, email) VALUES (?, ?)",
                "10-10 INSERT INTO borrower (id, email) VALUES (?, ?)",
                "11-11 INSERT INTO borrower (id) VALUES (?)"), statements(result));
    }

    @Test
    void readsAnUpsertAsPostgresqlsOnConflict() {
        ExtractionResult result = read("""
                void upsert(long id, String email) {
                    dsl.insertInto(BORROWER).set(BORROWER.ID, id).set(BORROWER.EMAIL, email)
                            .onConflict(BORROWER.ID).doUpdate().set(BORROWER.EMAIL, email).execute();
                }
                """);
        assertEquals(List.of("9-10 INSERT INTO borrower (id, email) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " email = ?"), statements(result));
    }

    @Test
    void readsUpdateAndDelete() {
        ExtractionResult result = read("""
                void change(long id, String name) {
                    dsl.update(BORROWER).set(BORROWER.FULL_NAME, name).set(BORROWER.VISITS, BORROWER.VISITS.plus(1))
                            .where(BORROWER.ID.eq(id)).execute();
                    dsl.deleteFrom(LOAN).where(LOAN.BORROWER_ID.in(1, 2)).and(LOAN.DUE_ON.lt(DSL.currentDate())).execute();
                }
                """);
        assertEquals(List.of("9-10 UPDATE borrower SET full_name = ?, visits = (borrower.visits + ?)"
                        + " WHERE borrower.id = ?",
                "11-11 DELETE FROM loan WHERE (loan.borrower_id IN (?, ?) AND loan.due_on < CURRENT_DATE)"),
                statements(result));
    }

    @Test
    void readsFetchCountOfATableAndPlainSqlParts() {
        ExtractionResult result = read("""
                int count() {
                    dsl.fetchCount(BORROWER, BORROWER.EMAIL.likeIgnoreCase("%@example.com"));
                    return dsl.select(DSL.field("legacy_code")).from(DSL.table("archive"))
                            .where(DSL.condition("kept_until > now()")).fetchOne(0, int.class);
                }
                """);
        assertEquals(List.of("9-9 SELECT count(*) FROM borrower WHERE lower(borrower.email) LIKE lower(?)",
                "10-11 SELECT legacy_code FROM archive WHERE (kept_until > now())"), statements(result));
    }

    @Test
    void followsAnAliasAndAConditionHeldInALocalVariable() {
        ExtractionResult result = read("""
                Object find(String email) {
                    var b = BORROWER.as("b");
                    var byEmail = b.EMAIL.eq(email);
                    return dsl.selectFrom(b).where(byEmail).fetch();
                }
                """);
        assertEquals(List.of("9-11 SELECT b.* FROM borrower b WHERE b.email = ?"), statements(result));
    }

    @Test
    void listsAQueryWithAPartItCannotTranslateAsNotChecked() {
        ExtractionResult result = read("""
                void store(org.jooq.Record record, org.jooq.Condition filter) {
                    dsl.insertInto(BORROWER).set(record).execute();
                    dsl.selectFrom(BORROWER).where(filter).fetch();
                }
                """);
        assertEquals(List.of(), result.patterns());
        assertEquals(List.of("9 a jOOQ query built with the DSL: .set(...) of a record or map, whose columns are known"
                        + " at run time",
                "10 a jOOQ query built with the DSL: condition filter is built at run time"),
                result.notChecked().stream().map(u -> u.origin().line() + " " + u.reason()).toList());
    }

    @Test
    void takesNamesAndColumnsFromGeneratedClassesInTheSourceTree() {
        String table = """
                package com.example.jooq.tables;
                import org.jooq.impl.DSL;
                import org.jooq.impl.TableImpl;
                public class Borrower extends TableImpl<BorrowerRecord> {
                    public static final Borrower BORROWER = new Borrower();
                    public final TableField<BorrowerRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT);
                    public final TableField<BorrowerRecord, String> EMAIL = createField(DSL.name("e_mail"), SQLDataType.VARCHAR);
                    private Borrower() {
                        this(DSL.name("library_borrower"), null);
                    }
                }
                """;
        ExtractionResult result = read(List.of(table), HEADER + """
                Object find(String email) {
                    return dsl.selectFrom(BORROWER).where(BORROWER.EMAIL.eq(email)).fetch();
                }
                }
                """);
        assertEquals(List.of("9-9 SELECT library_borrower.id, library_borrower.e_mail FROM library_borrower"
                + " WHERE library_borrower.e_mail = ?"), statements(result));
    }

    private static final String GENERATED_BORROWER = """
            package com.example.jooq.tables;
            import org.jooq.impl.DSL;
            import org.jooq.impl.TableImpl;
            public class Borrower extends TableImpl<BorrowerRecord> {
                public static final Borrower BORROWER = new Borrower();
                public final TableField<BorrowerRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT);
                public final TableField<BorrowerRecord, String> FULL_NAME = createField(DSL.name("full_name"), SQLDataType.VARCHAR);
                public final TableField<BorrowerRecord, String> EMAIL = createField(DSL.name("email"), SQLDataType.VARCHAR);
                private Borrower() {
                    this(DSL.name("borrower"), null);
                }
            }
            """;

    private static final String GENERATED_FORMER_BORROWER = """
            package com.example.jooq.tables;
            import org.jooq.impl.DSL;
            import org.jooq.impl.TableImpl;
            public class FormerBorrower extends TableImpl<FormerBorrowerRecord> {
                public static final FormerBorrower FORMER_BORROWER = new FormerBorrower();
                public final TableField<FormerBorrowerRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT);
                public final TableField<FormerBorrowerRecord, String> FULL_NAME = createField(DSL.name("full_name"), SQLDataType.VARCHAR);
                public final TableField<FormerBorrowerRecord, String> EMAIL = createField(DSL.name("email"), SQLDataType.VARCHAR);
                private FormerBorrower() {
                    this(DSL.name("former_borrower"), null);
                }
            }
            """;

    @Test
    void readsARowCopiedFieldByFieldIntoATableOfTheSameColumnsAsItsInsertSelect() {
        // keywhiz's soft delete: insertInto(DELETED).columns(DELETED.fields()).select(select(Arrays.stream(
        // DELETED.fields()).map(SECRETS::field)...)), and a copy of every column but the key through a local
        ExtractionResult result = read(List.of(GENERATED_BORROWER, GENERATED_FORMER_BORROWER), """
                package com.example;
                import static com.example.jooq.Tables.BORROWER;
                import static com.example.jooq.Tables.FORMER_BORROWER;
                import static org.jooq.impl.DSL.select;
                import org.jooq.DSLContext;
                import org.jooq.Field;
                class Repo {
                    void retire(DSLContext dsl, long id) {
                        dsl.insertInto(FORMER_BORROWER)
                            .columns(FORMER_BORROWER.fields())
                            .select(select(Arrays.stream(FORMER_BORROWER.fields()).map(BORROWER::field)
                                .collect(Collectors.toList())).from(BORROWER).where(BORROWER.ID.eq(id)))
                            .execute();
                        List<Field<?>> copied = Arrays.stream(BORROWER.fields())
                            .filter(field -> !field.getName().equals(BORROWER.ID.getName()))
                            .collect(Collectors.toList());
                        dsl.insertInto(FORMER_BORROWER).columns(copied)
                            .select(select(copied.stream().map(FORMER_BORROWER::field).collect(Collectors.toList()))
                                .from(BORROWER).where(BORROWER.ID.eq(id)))
                            .execute();
                    }
                }
                """);
        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("9-13 INSERT INTO former_borrower (id, full_name, email) SELECT borrower.id,"
                        + " borrower.full_name, borrower.email FROM borrower WHERE borrower.id = ?",
                "11-12 SELECT borrower.id, borrower.full_name, borrower.email FROM borrower WHERE borrower.id = ?",
                "14-20 INSERT INTO former_borrower (full_name, email) SELECT former_borrower.full_name,"
                        + " former_borrower.email FROM borrower WHERE borrower.id = ?",
                "14-19 SELECT former_borrower.full_name, former_borrower.email FROM borrower WHERE borrower.id = ?"),
                statements(result));
    }

    @Test
    void aFilterOfFieldsItCannotReadLeavesTheQueryNotChecked() {
        ExtractionResult result = read(List.of(GENERATED_BORROWER, GENERATED_FORMER_BORROWER), """
                package com.example;
                import static com.example.jooq.Tables.BORROWER;
                import static com.example.jooq.Tables.FORMER_BORROWER;
                import org.jooq.DSLContext;
                class Repo {
                    void retire(DSLContext dsl, long id) {
                        dsl.insertInto(FORMER_BORROWER)
                            .columns(Arrays.stream(FORMER_BORROWER.fields()).filter(f -> wanted(f)).toList())
                            .select(dsl.select(BORROWER.ID).from(BORROWER))
                            .execute();
                    }
                }
                """);
        assertEquals(1, result.notChecked().size(), result.toString());
        assertEquals(true, result.notChecked().get(0).reason().contains("a filter of fields"),
                result.notChecked().get(0).reason());
    }

    @Test
    void aConditionParameterIsReadOnceForEachCallOfItsPrivateMethod() {
        // keywhiz's ClientDAO.getClient(Condition condition): .where(condition), called with three conditions
        ExtractionResult result = read("""
                Object byEmail(String email) { return find(BORROWER.EMAIL.eq(email)); }
                Object byId(long id) { return this.find(BORROWER.ID.eq(id)); }
                Object byIdAgain(long id) { return find(BORROWER.ID.eq(id)); }
                private Object find(org.jooq.Condition condition) {
                    return dsl.select(BORROWER.FULL_NAME).from(BORROWER).where(condition).fetchOne();
                }
                """);
        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("12-12 SELECT borrower.full_name FROM borrower WHERE borrower.email = ?",
                "12-12 SELECT borrower.full_name FROM borrower WHERE borrower.id = ?"), statements(result));
    }

    @Test
    void aTableParameterPassedOnThroughPrivateMethodsIsEachTableItsCallersName() {
        // keywhiz's SecretSeriesDAO.baseSelect(table): SECRETS or DELETED_SECRETS, one and two calls away
        ExtractionResult result = read("""
                Object current(long id) { return find(BORROWER, BORROWER.ID.eq(id)); }
                Object former(long id) { return find(LOAN, LOAN.ID.eq(id)); }
                Object all() { return base(BORROWER).fetch(); }
                private Object find(org.jooq.Table<?> table, org.jooq.Condition condition) {
                    return base(table).where(condition).fetchOne();
                }
                private Object base(org.jooq.Table<?> table) {
                    return dsl.select(table.field("id")).from(table);
                }
                Object anyone(org.jooq.Table<?> table) {
                    return dsl.selectFrom(table).fetch();
                }
                """);
        assertEquals(List.of("15-15 SELECT borrower.id FROM borrower", "15-15 SELECT loan.id FROM loan"),
                statements(result));
        assertEquals(1, result.notChecked().size(), "a method others may call with any table stays unknown");
        assertEquals(18, result.notChecked().get(0).origin().line());
    }

    @Test
    void aVariantThatDoesNotTranslateStaysNotCheckedBesideTheOthers() {
        ExtractionResult result = read("""
                Object byId(long id) { return find(BORROWER.ID.eq(id)); }
                Object matching(org.jooq.Condition given) { return find(given); }
                private Object find(org.jooq.Condition condition) {
                    return dsl.select(BORROWER.FULL_NAME).from(BORROWER).where(condition).fetchOne();
                }
                """);
        assertEquals(List.of("11-11 SELECT borrower.full_name FROM borrower WHERE borrower.id = ?"),
                statements(result));
        assertEquals(1, result.notChecked().size());
        assertEquals(true, result.notChecked().get(0).reason().contains("as find(given) calls it"),
                result.notChecked().get(0).reason());
    }

    @Test
    void readsANewRecordFilledBySettersAndStoredAsTheInsertOfWhatWasSet() {
        // keywhiz: r = dslContext.newRecord(CLIENTS); r.setName(name); ...; r.store();
        ExtractionResult result = read(List.of(GENERATED_BORROWER), HEADER + """
                long add(String name, String email) {
                    BorrowerRecord r = dsl.newRecord(BORROWER);
                    r.setFullName(name);
                    r.set(BORROWER.EMAIL, email);
                    r.store();
                    return r.getId();
                }
                void handedOn(String name) {
                    BorrowerRecord r = dsl.newRecord(BORROWER);
                    r.setFullName(name);
                    saver.save(r);
                }
                }
                """);
        assertEquals(List.of("9-12 INSERT INTO borrower (full_name, email) VALUES (?, ?)"), statements(result));
        assertEquals(List.of("16 jOOQ's newRecord(...) is not translated to SQL"), result.notChecked().stream()
                .map(u -> u.origin().line() + " " + u.reason()).toList(), "a record handed on may be filled elsewhere");
    }

    @Test
    void withoutTheGeneratedClassesASetterNamesItsColumnAsJooqsGeneratorDoes() {
        ExtractionResult result = read("""
                void add(String content, String hmac) {
                    SecretsContentRecord r = dsl.newRecord(BORROWER);
                    r.setEncryptedContent(content);
                    r.setContentHmac(hmac);
                    r.setV2Key(hmac);
                    r.insert();
                }
                """);
        assertEquals(List.of("9-13 INSERT INTO borrower (encrypted_content, content_hmac, v2_key) VALUES (?, ?, ?)"),
                statements(result));
    }

    @Test
    void anAliasedTableHeldInAFinalFieldIsThatTable() {
        ExtractionResult result = read("""
                private static final Borrower GUARANTORS = BORROWER.as("guarantors");
                Object withGuarantor(long id) {
                    return dsl.select(LOAN.ID, GUARANTORS.FULL_NAME).from(LOAN).join(GUARANTORS)
                            .on(LOAN.GUARANTOR_ID.eq(GUARANTORS.ID)).where(LOAN.ID.eq(id)).fetch();
                }
                """);
        assertEquals(List.of("10-11 SELECT loan.id, guarantors.full_name FROM loan JOIN borrower guarantors"
                + " ON loan.guarantor_id = guarantors.id WHERE loan.id = ?"), statements(result));
    }

    @Test
    void aSecondSelectAddsItsFieldsToTheFirst() {
        ExtractionResult result = read(List.of(GENERATED_BORROWER), HEADER + """
                Object withLoans() {
                    return dsl.select(BORROWER.fields()).select(LOAN.ID).from(BORROWER)
                            .leftJoin(LOAN).on(LOAN.BORROWER_ID.eq(BORROWER.ID)).fetch();
                }
                }
                """);
        assertEquals(List.of("9-10 SELECT borrower.id, borrower.full_name, borrower.email, loan.id FROM borrower"
                + " LEFT JOIN loan ON loan.borrower_id = borrower.id"), statements(result));
    }

    @Test
    void ignoresFilesWithoutJooqAndCallsOnOtherObjects() {
        ExtractionResult other = read(List.of(), """
                package com.example;
                class Repo {
                    Object find(java.util.List<String> list) { return list.stream().filter(s -> true).findFirst(); }
                    void update(Object x) { this.update(x); }
                }
                """);
        assertEquals(List.of(), other.patterns());
        ExtractionResult notDsl = read("""
                void update(Object x) { this.update(x); }
                """);
        assertEquals(List.of(), notDsl.patterns());
        assertEquals(List.of(), notDsl.notChecked());
    }
}
