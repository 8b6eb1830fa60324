package io.switchover.patterns.stringtemplate;

import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jDBI SQL objects whose statements live in StringTemplate group files: each method's template rendered from the
 * group named like its type, with what the group imports, once per variant of its conditionals, at the method's line.
 */
class StringTemplateSqlObjectsTest {
    private static final String BASE_DAO = "store/src/main/java/org/shop/dao/CrudDao.java";
    private static final String BASE_GROUP = "store/src/main/resources/org/shop/dao/CrudDao.sql.stg";
    private static final String PARCEL_DAO = "shipping/src/main/java/org/shop/shipping/ParcelDao.java";
    private static final String PARCEL_GROUP = "shipping/src/main/resources/org/shop/shipping/ParcelDao.sql.stg";

    private static final String CRUD_DAO = """
            package org.shop.dao;

            import org.jdbi.v3.sqlobject.config.UseStringTemplateSqlLocator;
            import org.jdbi.v3.sqlobject.customizer.Bind;
            import org.jdbi.v3.sqlobject.statement.SqlQuery;

            @UseStringTemplateSqlLocator
            public interface CrudDao<T> {
                @SqlQuery
                T byId(@Bind("id") long id);
            }
            """;
    private static final String CRUD_GROUP = """
            /** Each DAO's group overrides these. */
            table() ::= ""
            columns(alias) ::= ""

            byId() ::= <<
            select <columns("t.")> from <table()> t where t.id = :id <notDeleted("t.")>
            >>

            notDeleted(alias) ::= "and <alias>deleted_at is null"
            """;
    private static final String PARCELS = """
            package org.shop.shipping;

            import java.util.List;
            import org.jdbi.v3.sqlobject.config.UseStringTemplateSqlLocator;
            import org.jdbi.v3.sqlobject.customizer.Bind;
            import org.jdbi.v3.sqlobject.customizer.BindList;
            import org.jdbi.v3.sqlobject.customizer.Define;
            import org.jdbi.v3.sqlobject.statement.SqlQuery;
            import org.jdbi.v3.sqlobject.statement.SqlUpdate;
            import org.shop.dao.CrudDao;

            @UseStringTemplateSqlLocator
            public interface ParcelDao extends CrudDao<Parcel> {
                @SqlQuery
                List<Parcel> byCarrier(@Bind("carrier") String carrier, @Define("onlyOpen") Boolean onlyOpen);

                @SqlQuery("parcelsIn")
                List<Parcel> byIds(@BindList("ids") List<Long> ids);

                @SqlUpdate
                void markShipped(@Bind("id") long id);

                @SqlQuery
                List<Parcel> sortedBy(@Define("column") String column);

                @SqlQuery
                List<Parcel> forgotten();
            }
            """;
    private static final String PARCEL_TEMPLATES = """
            import "org/shop/dao/CrudDao.sql.stg"

            table() ::= "parcels"

            columns(alias) ::= <<
            <alias>id, <alias>carrier, <alias>weight_grams
            >>

            byCarrier(onlyOpen) ::= <<
            select <columns("")> from <table()>
            where carrier = :carrier<if(onlyOpen)> and shipped_at is null<endif>
            >>

            parcelsIn(ids) ::= <<
            select <columns(alias="p.")> from parcels p where p.id in (<ids>) <! the ids are bound one by one !>
            >>

            markShipped() ::= <<
            update <table()> set shipped_at = now() where id = :id and weight_grams \\> 0;
            >>

            sortedBy(column) ::= "select <columns(\\"\\")> from parcels order by <column>"
            """;

    private static ExtractionResult scan(InMemorySnapshot snapshot) {
        return new ServiceSourceScanner().scan(snapshot, List.of(), List.of());
    }

    private static InMemorySnapshot shop() {
        return new InMemorySnapshot("shop").with(BASE_DAO, CRUD_DAO).with(BASE_GROUP, CRUD_GROUP)
                .with(PARCEL_DAO, PARCELS).with(PARCEL_GROUP, PARCEL_TEMPLATES);
    }

    private static List<String> statementsAt(ExtractionResult result, String file, int line) {
        return result.patterns().stream()
                .filter(p -> p.origin().path().equals(file) && p.origin().line() == line)
                .map(p -> p.sql().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void aTemplateIncludesTheOthersAndTheDaosGroupOverridesWhatItImports() {
        ExtractionResult result = scan(shop());

        assertEquals(List.of("select t.id, t.carrier, t.weight_grams from parcels t where t.id = :id and t.deleted_at"
                + " is null"), statementsAt(result, BASE_DAO, 10));
    }

    @Test
    void sourceRootsOfJavaCodeTakeTheTemplateGroupsInTheResourcesBesideThem() {
        ExtractionResult result = new ServiceSourceScanner().scan(shop(),
                List.of("store/src/main/java", "shipping/src/main/java"), List.of());

        assertEquals(statementsAt(scan(shop()), BASE_DAO, 10), statementsAt(result, BASE_DAO, 10));
        assertEquals(statementsAt(scan(shop()), PARCEL_DAO, 15), statementsAt(result, PARCEL_DAO, 15));
    }

    @Test
    void eachBranchOfAConditionalOverADefinedAttributeIsAStatement() {
        assertEquals(List.of(
                        "select id, carrier, weight_grams from parcels where carrier = :carrier and shipped_at is null",
                        "select id, carrier, weight_grams from parcels where carrier = :carrier"),
                statementsAt(scan(shop()), PARCEL_DAO, 15));
    }

    @Test
    void theAnnotationNamesTheTemplateAndABoundListIsOneParameter() {
        assertEquals(List.of("select p.id, p.carrier, p.weight_grams from parcels p where p.id in (?)"),
                statementsAt(scan(shop()), PARCEL_DAO, 18));
    }

    @Test
    void anEscapedAngleBracketIsTextAndTheClosingSemicolonIsNotSent() {
        assertEquals(List.of("update parcels set shipped_at = now() where id = :id and weight_grams > 0"),
                statementsAt(scan(shop()), PARCEL_DAO, 21));
    }

    @Test
    void textDefinedAtRunTimeAndAMissingTemplateAreNotCheckedWithTheirReason() {
        ExtractionResult result = scan(shop());

        List<String> reasons = result.notChecked().stream()
                .map(u -> u.origin().path() + ":" + u.origin().line() + " " + u.reason()).toList();
        assertEquals(List.of(
                PARCEL_DAO + ":24 <column> is text filled in at run time (@Define)",
                PARCEL_DAO + ":27 no template forgotten() in " + PARCEL_GROUP + " or what it imports"), reasons);
    }

    @Test
    void aBaseDaoIsRenderedOnlyThroughTheDaosThatCompleteIt() {
        ExtractionResult result = scan(shop());

        assertEquals(1, statementsAt(result, BASE_DAO, 10).size(), "not also with an empty table name");
    }

    @Test
    void aDaoWhoseGroupFileIsMissingIsNotCheckedMethodByMethod() {
        ExtractionResult result = scan(new InMemorySnapshot("shop").with(PARCEL_DAO, PARCELS));

        assertTrue(result.patterns().stream().noneMatch(p -> p.extractor().equals(StringTemplateSqlObjects.ID)));
        List<UnresolvedSql> places = result.notChecked();
        assertEquals(5, places.size(), places::toString);
        assertTrue(places.stream().allMatch(u -> u.reason().equals(
                "its template group org/shop/shipping/ParcelDao.sql.stg is not among the sources")), places::toString);
    }

    @Test
    void aJdbi2GroupWithASupergroupAndAnInheritedMethod() {
        String dao = """
                package org.shop.legacy;

                import org.skife.jdbi.v2.sqlobject.SqlQuery;
                import org.skife.jdbi.v2.sqlobject.stringtemplate.UseStringTemplate3StatementLocator;

                @UseStringTemplate3StatementLocator("/sql/Coupons.sql.stg")
                interface CouponDao {
                    @SqlQuery
                    int countActive();
                }
                """;
        InMemorySnapshot snapshot = new InMemorySnapshot("legacy")
                .with("src/main/java/org/shop/legacy/CouponDao.java", dao)
                .with("src/main/resources/sql/Coupons.sql.stg", """
                        group Coupons : Common;
                        countActive() ::= <<select count(*) from coupons where <active()> >>
                        """)
                .with("src/main/resources/sql/Common.sql.stg", """
                        group Common;
                        active() ::= "expires_at > now()"
                        """);

        List<String> sql = scan(snapshot).patterns().stream().map(AccessPattern::sql).toList();

        assertEquals(List.of("select count(*) from coupons where expires_at > now()"), sql);
    }

    @Test
    void blankLinesOfTemplatesRenderingToNothingDoNotEndTheStatement() {
        String dao = """
                package org.shop;

                import org.jdbi.v3.sqlobject.config.UseStringTemplateSqlLocator;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;

                @UseStringTemplateSqlLocator
                interface BasketDao {
                    @SqlQuery
                    int count();
                }
                """;
        InMemorySnapshot snapshot = new InMemorySnapshot("shop").with("src/main/java/org/shop/BasketDao.java", dao)
                .with("src/main/resources/org/shop/BasketDao.sql.stg", """
                        extra() ::= ""
                        count() ::= <<
                        select count(*)
                        <extra()>

                        from baskets
                        >>
                        """);

        assertEquals(List.of("select count(*)\nfrom baskets"),
                scan(snapshot).patterns().stream().map(AccessPattern::sql).toList());
    }

    @Test
    void anInheritedMethodWithoutSqlIsRenderedThroughItsLocatedSubtypeAndNotReportedAsEmpty() {
        String history = """
                package org.shop.dao;

                import org.jdbi.v3.sqlobject.statement.SqlQuery;

                public interface HistoryDao {
                    @SqlQuery
                    int historySize();

                    @SqlQuery
                    int neverRendered();
                }
                """;
        String crud = CRUD_DAO.replace("public interface CrudDao<T> {", "public interface CrudDao<T> extends HistoryDao {");
        ExtractionResult result = scan(shop().with(BASE_DAO, crud)
                .with("store/src/main/java/org/shop/dao/HistoryDao.java", history)
                .with(PARCEL_GROUP, PARCEL_TEMPLATES + "historySize() ::= \"select count(*) from parcel_history\"\n"));

        assertEquals(List.of("select count(*) from parcel_history"),
                statementsAt(result, "store/src/main/java/org/shop/dao/HistoryDao.java", 7));
        List<String> inHistory = result.notChecked().stream()
                .filter(u -> u.origin().path().endsWith("HistoryDao.java")).map(UnresolvedSql::reason).toList();
        assertEquals(List.of("no template neverRendered() in " + PARCEL_GROUP + " or what it imports"), inHistory);
    }

    @Test
    void aMethodWithoutSqlThatNoLocatedTypeRendersIsNotChecked() {
        String dao = """
                package org.shop;

                import org.jdbi.v3.sqlobject.statement.SqlUpdate;

                interface AuditDao {
                    @SqlUpdate
                    void record();
                }
                """;
        ExtractionResult result = scan(new InMemorySnapshot("shop").with("src/main/java/org/shop/AuditDao.java", dao));

        assertEquals(List.of("src/main/java/org/shop/AuditDao.java:7 the annotation holds no SQL"),
                result.notChecked().stream().map(u -> u.origin() + " " + u.reason()).toList());
    }

    @Test
    void theVariantsThatCanBeRenderedAreCheckedAndTheOthersAreNotCheckedWithTheirReason() throws Exception {
        String dao = "src/main/java/org/depot/dao/ShipmentDao.java";
        InMemorySnapshot snapshot = new InMemorySnapshot("depot").with(dao, fixture("ShipmentDao.java"))
                .with("src/main/resources/org/depot/dao/ShipmentDao.sql.stg", fixture("ShipmentDao.sql.stg"))
                .with("src/main/resources/org/depot/dao/Common.sql.stg", fixture("Common.sql.stg"));
        ExtractionResult result = scan(snapshot);

        String columns = "id , depot_id , weight_kg , created_at , updated_at";
        assertEquals(List.of("select " + columns + " from shipments where delivered_at is null and weight_kg >= 1000",
                        "select " + columns + " from shipments where delivered_at is null and weight_kg < 1000"),
                statementsAt(result, dao, 17));
        assertEquals(List.of("select s." + columns.replace(", ", ", s.") + " from shipments s where s.id = :id and"
                + " s.deleted_at is null"), statementsAt(result, dao, 14));
        assertEquals(List.of("update shipments set delivered_at = now() where id = :id"), statementsAt(result, dao, 23));
        assertEquals(List.of(
                        dao + ":17 some variants of its conditionals: <orderBy> is text filled in at run time (@Define)",
                        dao + ":26 <archiveTable> is text filled in at run time (@Define)"),
                result.notChecked().stream().map(u -> u.origin() + " " + u.reason()).toList());
    }

    private static String fixture(String name) throws java.io.IOException {
        try (var in = StringTemplateSqlObjectsTest.class.getResourceAsStream("/stringtemplate/" + name)) {
            return new String(java.util.Objects.requireNonNull(in, name).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
