package io.switchover.patterns.jpa;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the ORM adds to or changes in its statements beyond plain field mappings: EclipseLink's and Hibernate's
 * tenant columns, composite ids of {@code @IdClass}, property access, {@code @MapsId}, {@code @AssociationOverride},
 * and Spring Data derived queries over nested and inherited properties.
 */
class OrmGapsTest {
    private static final String IMPORTS = "import jakarta.persistence.*;\nimport java.util.*;\n";

    private static ExtractionResult extract(String... pathsAndSources) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            sources.put(pathsAndSources[i], pathsAndSources[i + 1]);
        }
        // EclipseLink's entities are named as written whatever the default: Spring Boot's naming is Hibernate's
        return new JpaExtractor(new SqlStatementClassifier(), PhysicalNaming.SPRING).extract(sources);
    }

    private static List<String> sql(ExtractionResult result, String extractor) {
        return result.patterns().stream().filter(p -> p.extractor().equals(extractor)).map(AccessPattern::sql).toList();
    }

    @Test
    void eclipseLinkMultitenancyInsertsTheTenantColumnAndFiltersOnIt() {
        String base = "package org.example.model.base;\n" + IMPORTS + """
                import org.eclipse.persistence.annotations.Multitenant;
                import org.eclipse.persistence.annotations.MultitenantType;
                import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
                @MappedSuperclass
                @TenantDiscriminatorColumn(name = "tenant", length = 40)
                @Multitenant(MultitenantType.SINGLE_TABLE)
                public abstract class TenantAware {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(name = "tenant", insertable = false, updatable = false) String tenant;
                }
                """;
        String target = "package org.example.model;\n" + IMPORTS + """
                import org.example.model.base.TenantAware;
                @Entity @Table(name = "sp_target")
                public class Target extends TenantAware {
                    @Column(name = "controller_id") String controllerId;
                }
                """;
        String other = "package org.example.model;\n" + IMPORTS + """
                import org.eclipse.persistence.annotations.Multitenant;
                @Entity @Multitenant
                public class Rollout { @Id Long id; String name; }
                """;
        ExtractionResult result = extract("TenantAware.java", base, "Target.java", target, "Rollout.java", other);
        assertEquals(List.of(
                "INSERT INTO sp_target (tenant, controller_id) VALUES (?, ?)",
                "UPDATE sp_target SET controller_id = ? WHERE id = ? AND tenant = ?",
                "SELECT id, tenant, controller_id FROM sp_target WHERE id = ? AND tenant = ?",
                "DELETE FROM sp_target WHERE id = ? AND tenant = ?",
                "INSERT INTO Rollout (id, name, TENANT_ID) VALUES (?, ?, ?)",
                "UPDATE Rollout SET name = ? WHERE id = ? AND TENANT_ID = ?",
                "SELECT id, name, TENANT_ID FROM Rollout WHERE id = ? AND TENANT_ID = ?",
                "DELETE FROM Rollout WHERE id = ? AND TENANT_ID = ?"), sql(result, JpaExtractor.ENTITY));
    }

    @Test
    void hibernateTenantIdIsWrittenOnInsertAndFiltersLoads() {
        String account = "package bank;\n" + IMPORTS + """
                import org.hibernate.annotations.TenantId;
                @Entity
                public class Account {
                    @Id Long id;
                    @TenantId String tenantKey;
                    String owner;
                }
                """;
        String repository = "package bank;\n" + IMPORTS + """
                import org.springframework.data.repository.CrudRepository;
                interface AccountRepository extends CrudRepository<Account, Long> {
                    List<Account> findByOwnerOrId(String owner, Long id);
                }
                """;
        ExtractionResult result = extract("Account.java", account, "AccountRepository.java", repository);
        assertEquals(List.of(
                "INSERT INTO account (id, tenant_key, owner) VALUES (?, ?, ?)",
                "UPDATE account SET owner = ? WHERE id = ? AND tenant_key = ?",
                "SELECT id, tenant_key, owner FROM account WHERE id = ? AND tenant_key = ?",
                "DELETE FROM account WHERE id = ? AND tenant_key = ?"), sql(result, JpaExtractor.ENTITY));
        assertEquals(List.of("SELECT id, tenant_key, owner FROM account WHERE ((owner = ?) OR (id = ?)) AND tenant_key = ?"),
                sql(result, JpaExtractor.DERIVED));
    }

    @Test
    void idClassKeysEveryIdColumnAndReferencesUseThemAll() {
        String line = "package shop;\n" + IMPORTS + """
                @Entity @IdClass(OrderLineId.class)
                public class OrderLine {
                    @Id Long orderId;
                    @Id Integer position;
                    String product;
                }
                """;
        String note = "package shop;\n" + IMPORTS + """
                @Entity
                public class LineNote {
                    @Id Long id;
                    @ManyToOne OrderLine line;
                }
                """;
        ExtractionResult result = extract("OrderLine.java", line, "LineNote.java", note);
        assertEquals(List.of(
                "INSERT INTO order_line (order_id, position, product) VALUES (?, ?, ?)",
                "UPDATE order_line SET product = ? WHERE order_id = ? AND position = ?",
                "SELECT order_id, position, product FROM order_line WHERE order_id = ? AND position = ?",
                "DELETE FROM order_line WHERE order_id = ? AND position = ?",
                "INSERT INTO line_note (id, line_order_id, line_position) VALUES (?, ?, ?)",
                "UPDATE line_note SET line_order_id = ?, line_position = ? WHERE id = ?",
                "SELECT id, line_order_id, line_position FROM line_note WHERE id = ?",
                "DELETE FROM line_note WHERE id = ?"), sql(result, JpaExtractor.ENTITY));
    }

    @Test
    void propertyAccessMapsTheGettersNotTheFields() {
        String person = "package people;\n" + IMPORTS + """
                @Entity @Access(AccessType.PROPERTY)
                public class Person {
                    private Long key;
                    private String name;
                    private String cache;
                    @Id public Long getId() { return key; }
                    public void setId(Long id) { this.key = id; }
                    @Column(name = "display_name") public String getName() { return name; }
                    public void setName(String name) { this.name = name; }
                    public boolean isActive() { return true; }
                    public void setActive(boolean active) { }
                    @Transient public String getCache() { return cache; }
                }
                """;
        assertEquals(List.of(
                "INSERT INTO person (id, display_name, active) VALUES (?, ?, ?)",
                "UPDATE person SET display_name = ?, active = ? WHERE id = ?",
                "SELECT id, display_name, active FROM person WHERE id = ?",
                "DELETE FROM person WHERE id = ?"), sql(extract("Person.java", person), JpaExtractor.ENTITY));
    }

    @Test
    void mapsIdMakesTheJoinColumnThePrimaryKey() {
        String user = "package people;\n" + IMPORTS + """
                @Entity
                public class Member { @Id Long id; String email; }
                """;
        String profile = "package people;\n" + IMPORTS + """
                @Entity
                public class Profile {
                    @Id Long id;
                    @MapsId @OneToOne @JoinColumn(name = "member_id") Member member;
                    String bio;
                }
                """;
        assertEquals(List.of(
                "INSERT INTO profile (member_id, bio) VALUES (?, ?)",
                "UPDATE profile SET bio = ? WHERE member_id = ?",
                "SELECT member_id, bio FROM profile WHERE member_id = ?",
                "DELETE FROM profile WHERE member_id = ?"),
                sql(extract("Member.java", user, "Profile.java", profile), JpaExtractor.ENTITY).stream()
                        .filter(s -> s.contains("profile")).toList());
    }

    @Test
    void associationOverrideRenamesAnInheritedJoinColumn() {
        String owned = "package docs;\n" + IMPORTS + """
                @MappedSuperclass
                public abstract class Owned { @Id Long id; @ManyToOne Author author; }
                """;
        String author = "package docs;\n" + IMPORTS + """
                @Entity public class Author { @Id Long id; }
                """;
        String book = "package docs;\n" + IMPORTS + """
                @Entity
                @AssociationOverride(name = "author", joinColumns = @JoinColumn(name = "written_by"))
                public class Book extends Owned { String title; }
                """;
        assertEquals(List.of(
                "INSERT INTO book (id, written_by, title) VALUES (?, ?, ?)",
                "UPDATE book SET written_by = ?, title = ? WHERE id = ?",
                "SELECT id, written_by, title FROM book WHERE id = ?",
                "DELETE FROM book WHERE id = ?"), sql(extract("Owned.java", owned, "Author.java", author,
                "Book.java", book), JpaExtractor.ENTITY).stream().filter(s -> s.contains("book")).toList());
    }

    @Test
    void derivedQueriesFollowNestedAndInheritedProperties() {
        String base = "package org.example.base;\n" + IMPORTS + """
                @MappedSuperclass
                public abstract class Audited { @Id Long id; String createdBy; }
                """;
        String target = "package org.example.model;\n" + IMPORTS + """
                import org.example.base.Audited;
                @Entity public class Target extends Audited { String name; }
                """;
        String action = "package org.example.model;\n" + IMPORTS + """
                import org.example.base.Audited;
                @Entity public class Action extends Audited { @ManyToOne Target target; String status; }
                """;
        String repository = "package org.example.repository;\n" + IMPORTS + """
                import org.example.model.Action;
                import org.springframework.data.repository.CrudRepository;
                public interface ActionRepository extends CrudRepository<Action, Long> {
                    List<Action> findByTargetIdAndStatus(Long targetId, String status);
                    long countByCreatedBy(String user);
                }
                """;
        ExtractionResult result = extract("Audited.java", base, "Target.java", target, "Action.java", action,
                "ActionRepository.java", repository);
        assertEquals(List.of(
                "SELECT id, created_by, target_id, status FROM action WHERE target_id = ? AND status = ?",
                "SELECT count(id) FROM action WHERE created_by = ?"), sql(result, JpaExtractor.DERIVED));
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void aPathEndingAtAnAssociationComparesItsKey() {
        // hawkbit's countByRolloutAndRolloutGroup, findByRolloutGroupParentIsNull, JPQL setting an association
        String rollout = "package org.example.model;\n" + IMPORTS + """
                @Entity public class Rollout {
                    @Id Long id;
                    String name;
                    @OneToMany(mappedBy = "rollout") List<RolloutGroup> groups;
                }
                """;
        String group = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "rollout_group") public class RolloutGroup {
                    @Id Long id;
                    @ManyToOne @JoinColumn(name = "rollout") Rollout rollout;
                    @ManyToOne @JoinColumn(name = "parent_id") RolloutGroup parent;
                }
                """;
        String action = "package org.example.model;\n" + IMPORTS + """
                @Entity public class Action {
                    @Id Long id;
                    @ManyToOne @JoinColumn(name = "rollout") Rollout rollout;
                    @ManyToOne @JoinColumn(name = "rollout_group") RolloutGroup rolloutGroup;
                    String status;
                }
                """;
        String repository = "package org.example.repository;\n" + IMPORTS + """
                import org.example.model.*;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.CrudRepository;
                public interface ActionRepository extends CrudRepository<Action, Long> {
                    long countByRolloutAndRolloutGroup(Rollout rollout, RolloutGroup group);
                    List<Action> findByRolloutIdAndRolloutGroupParentIsNullAndStatus(Long id, String status);
                    @Query("UPDATE Action a SET a.rolloutGroup = :group WHERE a.rollout = :rollout")
                    void moveTo(RolloutGroup group, Rollout rollout);
                    @Query("SELECT a.rollout FROM Action a WHERE a.id = :id")
                    Rollout rolloutOf(Long id);
                }
                """;
        String rollouts = "package org.example.repository;\n" + IMPORTS + """
                import org.example.model.*;
                import org.springframework.data.repository.CrudRepository;
                public interface RolloutRepository extends CrudRepository<Rollout, Long> {
                    List<Rollout> findByGroups(RolloutGroup group);
                }
                """;
        ExtractionResult result = extract("Rollout.java", rollout, "RolloutGroup.java", group, "Action.java", action,
                "ActionRepository.java", repository, "RolloutRepository.java", rollouts);

        assertEquals(List.of(
                "SELECT count(id) FROM action WHERE rollout = ? AND rollout_group = ?",
                "SELECT action.id, action.rollout, action.rollout_group, action.status FROM action"
                        + " JOIN rollout_group ON rollout_group.id = action.rollout_group"
                        + " WHERE action.rollout = ? AND rollout_group.parent_id IS NULL AND action.status = ?",
                "SELECT rollout.id, rollout.name FROM rollout JOIN rollout_group ON rollout_group.rollout = rollout.id"
                        + " WHERE rollout_group.id = ?"), sql(result, JpaExtractor.DERIVED));
        assertEquals("UPDATE action a SET rollout_group = :group WHERE a.rollout = :rollout",
                sql(result, JpaExtractor.JPQL).get(0), "the update sets and compares the join columns; SET names the column alone, as PostgreSQL requires");
        assertEquals(List.of("SELECT rollout, id FROM action", "SELECT id, name FROM rollout"),
                sql(result, JpaExtractor.JPQL).subList(1, 3),
                "selecting an associated entity uses its columns, which its key alone does not check");
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void aPathThroughAManyToManyJoinsItsJoinTableFromEitherSide() {
        // hawkbit's countByModulesId on the owning side (@JoinTable) and countByAssignedToId on the inverse side
        String set = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "sp_distribution_set") public class DistributionSet {
                    @Id Long id;
                    String name;
                    @ManyToMany(targetEntity = SoftwareModule.class)
                    @JoinTable(name = "sp_ds_module", joinColumns = @JoinColumn(name = "ds_id"),
                            inverseJoinColumns = @JoinColumn(name = "module_id"))
                    Set<SoftwareModule> modules;
                }
                """;
        String module = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "sp_software_module") public class SoftwareModule {
                    @Id Long id;
                    @ManyToMany(mappedBy = "modules") List<DistributionSet> assignedTo;
                }
                """;
        String repositories = "package org.example.repository;\n" + IMPORTS + """
                import org.example.model.*;
                import org.springframework.data.repository.CrudRepository;
                public interface SetRepository extends CrudRepository<DistributionSet, Long> {
                    Long countByModulesId(Long moduleId);
                }
                """;
        String modules = "package org.example.repository;\n" + IMPORTS + """
                import org.example.model.*;
                import org.springframework.data.repository.CrudRepository;
                public interface ModuleRepository extends CrudRepository<SoftwareModule, Long> {
                    long countByAssignedToId(Long setId);
                }
                """;
        ExtractionResult result = extract("DistributionSet.java", set, "SoftwareModule.java", module,
                "SetRepository.java", repositories, "ModuleRepository.java", modules);

        assertEquals(List.of(
                "SELECT count(sp_distribution_set.id) FROM sp_distribution_set"
                        + " JOIN sp_ds_module ON sp_ds_module.ds_id = sp_distribution_set.id"
                        + " JOIN sp_software_module ON sp_software_module.id = sp_ds_module.module_id"
                        + " WHERE sp_software_module.id = ?",
                "SELECT count(sp_software_module.id) FROM sp_software_module"
                        + " JOIN sp_ds_module ON sp_ds_module.module_id = sp_software_module.id"
                        + " JOIN sp_distribution_set ON sp_distribution_set.id = sp_ds_module.ds_id"
                        + " WHERE sp_distribution_set.id = ?"), sql(result, JpaExtractor.DERIVED));
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void aValueOfSeveralColumnsIsComparedColumnByColumn() {
        // rd-professional-api's findByUserAccountMapId(id) over an @EmbeddedId of two @ManyToOne, and OpenLMIS's
        // findByFacilityTypeIdAndOrderable(...) over an association with a composite (versioned) foreign key
        String user = "package org.example.domain;\n" + IMPORTS + """
                @Entity @Table(name = "professional_user") public class ProfessionalUser { @Id Long id; }
                """;
        String account = "package org.example.domain;\n" + IMPORTS + """
                @Entity @Table(name = "payment_account") public class PaymentAccount { @Id Long id; }
                """;
        String key = "package org.example.domain;\n" + IMPORTS + """
                @Embeddable public class UserAccountMapId implements Serializable {
                    @ManyToOne @JoinColumn(name = "professional_user_id") private ProfessionalUser professionalUser;
                    @ManyToOne @JoinColumn(name = "payment_account_id") private PaymentAccount paymentAccount;
                }
                """;
        String map = "package org.example.domain;\n" + IMPORTS + """
                @Entity @Table(name = "user_account_map") public class UserAccountMap {
                    @EmbeddedId private UserAccountMapId userAccountMapId;
                    private Boolean defaulted;
                }
                """;
        String approved = "package org.example.domain;\n" + IMPORTS + """
                @Entity @Table(name = "approved_products") public class ApprovedProduct {
                    @Id Long id;
                    String facilityType;
                    @ManyToOne @JoinColumns({
                        @JoinColumn(name = "orderable_id", referencedColumnName = "id"),
                        @JoinColumn(name = "orderable_version", referencedColumnName = "version")})
                    private Orderable orderable;
                }
                """;
        String orderable = "package org.example.domain;\n" + IMPORTS + """
                @Entity @Table(name = "orderables") public class Orderable {
                    @EmbeddedId private VersionId identity;
                }
                """;
        String version = "package org.example.domain;\n" + IMPORTS + """
                @Embeddable public class VersionId implements Serializable { private Long id; private Long version; }
                """;
        String repositories = "package org.example.repository;\n" + IMPORTS + """
                import org.example.domain.*;
                import org.springframework.data.repository.CrudRepository;
                public interface UserAccountMapRepository extends CrudRepository<UserAccountMap, Long> {
                    Optional<UserAccountMap> findByUserAccountMapId(UserAccountMapId id);
                }
                """;
        String approvals = "package org.example.repository;\n" + IMPORTS + """
                import org.example.domain.*;
                import org.springframework.data.repository.CrudRepository;
                public interface ApprovedProductRepository extends CrudRepository<ApprovedProduct, Long> {
                    List<ApprovedProduct> findByFacilityTypeOrOrderable(String type, Orderable orderable);
                }
                """;
        ExtractionResult result = extract("ProfessionalUser.java", user, "PaymentAccount.java", account,
                "UserAccountMapId.java", key, "UserAccountMap.java", map, "ApprovedProduct.java", approved,
                "Orderable.java", orderable, "VersionId.java", version, "UserAccountMapRepository.java", repositories,
                "ApprovedProductRepository.java", approvals);

        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of(
                "SELECT id, facility_type, orderable_id, orderable_version FROM approved_products"
                        + " WHERE (facility_type = ?) OR ((orderable_id = ? AND orderable_version = ?))",
                "SELECT professional_user_id, payment_account_id, defaulted FROM user_account_map"
                        + " WHERE (professional_user_id = ? AND payment_account_id = ?)"),
                sql(result, JpaExtractor.DERIVED).stream().sorted().toList());
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void anAssociationThatMapsTheKeyIsComparedByItsJoinColumn() {
        // hawkbit's DistributionSetTypeElement: @EmbeddedId of two ids, each @MapsId of a @ManyToOne @JoinColumn
        String type = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "sp_ds_type") public class DsType {
                    @Id Long id;
                    @OneToMany(mappedBy = "dsType") Set<Element> elements;
                }
                """;
        String moduleType = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "sp_sm_type") public class SmType { @Id Long id; }
                """;
        String key = "package org.example.model;\n" + IMPORTS + """
                @Embeddable public class ElementKey implements Serializable {
                    @Column(name = "distribution_set_type") private Long dsType;
                    @Column(name = "software_module_type") private Long smType;
                }
                """;
        String element = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "sp_ds_type_element") public class Element {
                    @EmbeddedId private ElementKey key;
                    @MapsId("dsType") @ManyToOne @JoinColumn(name = "distribution_set_type") private DsType dsType;
                    @MapsId("smType") @ManyToOne @JoinColumn(name = "software_module_type") private SmType smType;
                    private boolean mandatory;
                }
                """;
        String repository = "package org.example.repository;\n" + IMPORTS + """
                import org.example.model.*;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.CrudRepository;
                public interface DsTypeRepository extends CrudRepository<DsType, Long> {
                    long countByElementsSmType(SmType type);
                    @Query("SELECT COUNT (e.smType) FROM Element e WHERE e.dsType.id = :id")
                    long countSmTypesById(Long id);
                }
                """;
        ExtractionResult result = extract("DsType.java", type, "SmType.java", moduleType, "ElementKey.java", key,
                "Element.java", element, "DsTypeRepository.java", repository);

        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("SELECT count(sp_ds_type.id) FROM sp_ds_type JOIN sp_ds_type_element"
                        + " ON sp_ds_type_element.distribution_set_type = sp_ds_type.id"
                        + " WHERE sp_ds_type_element.software_module_type = ?"), sql(result, JpaExtractor.DERIVED));
        assertEquals(List.of("SELECT software_module_type, distribution_set_type FROM sp_ds_type_element",
                "SELECT id FROM sp_sm_type"), sql(result, JpaExtractor.JPQL),
                "the count of an association is read as the columns the query uses");
    }

    @Test
    void aJoinOfAnElementCollectionReachesItsValues() {
        // hawkbit's ActionStatusRepository: SELECT message FROM JpaActionStatus a JOIN a.messages message ...
        String status = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "sp_action_status") public class ActionStatus {
                    @Id Long id;
                    @ElementCollection
                    @CollectionTable(name = "sp_action_status_messages", joinColumns = @JoinColumn(name = "action_status"))
                    @Column(name = "detail_message")
                    private List<String> messages;
                }
                """;
        String repository = "package org.example.repository;\n" + IMPORTS + """
                import org.example.model.*;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.CrudRepository;
                public interface StatusRepository extends CrudRepository<ActionStatus, Long> {
                    @Query("SELECT message FROM ActionStatus s JOIN s.messages message WHERE s.id = :id AND message NOT LIKE :filter")
                    List<String> messages(Long id, String filter);
                    List<ActionStatus> findByMessages(String message);
                }
                """;
        ExtractionResult result = extract("ActionStatus.java", status, "StatusRepository.java", repository);

        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("SELECT sp_action_status.id FROM sp_action_status JOIN sp_action_status_messages"
                + " ON sp_action_status_messages.action_status = sp_action_status.id"
                + " WHERE sp_action_status_messages.detail_message = ?"), sql(result, JpaExtractor.DERIVED));
        assertTrue(sql(result, JpaExtractor.JPQL).stream().anyMatch(q -> q.contains("sp_action_status_messages")
                && q.contains("detail_message")), sql(result, JpaExtractor.JPQL).toString());
    }

    @Test
    void derivedQueriesReadAnEmbeddedValueAndTheKeywordOrderSpringDataAccepts() {
        // OpenLMIS: findByCode(Code code) over an @Embedded one-column value, IgnoreCase before the keyword, and a
        // method name with an empty part that Spring Data skips
        String code = "package org.example.domain;\n" + IMPORTS + """
                @Embeddable public class Code { private String code; }
                """;
        String program = "package org.example.domain;\n" + IMPORTS + """
                @Entity @Table(name = "programs") public class Program {
                    @Id Long id;
                    @Embedded Code code;
                    String name;
                    Long userId;
                }
                """;
        String repository = "package org.example.repository;\n" + IMPORTS + """
                import org.example.domain.*;
                import org.springframework.data.repository.CrudRepository;
                public interface ProgramRepository extends CrudRepository<Program, Long> {
                    Program findByCode(Code code);
                    List<Program> findByNameIgnoreCaseContaining(String name);
                    boolean existsByUserIdAndAndName(Long userId, String name);
                }
                """;
        ExtractionResult result = extract("Code.java", code, "Program.java", program,
                "ProgramRepository.java", repository);

        assertEquals(List.of(
                "SELECT id, code, name, user_id FROM programs WHERE code = ?",
                "SELECT id, code, name, user_id FROM programs WHERE upper(name) LIKE upper(?)",
                "SELECT id FROM programs WHERE user_id = ? AND name = ? LIMIT 1"), sql(result, JpaExtractor.DERIVED));
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void aQueryWrittenWithConstantsOfAnotherFileIsRead() {
        // hmcts' QueryConstants and OpenLMIS's RepositoryConstants, statically imported; and an inherited interface's
        String constants = "package org.example.repository;\n" + """
                class QueryConstants {
                    static final String LATEST_CASE_TYPE = "select max(c.version) from CaseType c where c.reference = :ref";
                    static final String FROM_ROLES = " FROM case_role r";
                }
                """;
        String base = "package org.example.repository;\n" + """
                interface RoleQueries {
                    String ORDER = " ORDER BY r.id";
                }
                """;
        String entities = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "case_type") public class CaseType { @Id Long id; String reference; Integer version; }
                """;
        String role = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "case_role") public class CaseRole { @Id Long id; Integer caseTypeVersion; }
                """;
        String repository = "package org.example.repository;\n" + IMPORTS + """
                import static org.example.repository.QueryConstants.LATEST_CASE_TYPE;
                import static org.example.repository.QueryConstants.*;
                import org.example.model.*;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.CrudRepository;
                public interface CaseRoleRepository extends CrudRepository<CaseRole, Long>, RoleQueries {
                    @Query("select r from CaseRole r where r.caseTypeVersion = (" + LATEST_CASE_TYPE + ")")
                    List<CaseRole> latest(String ref);
                    @Query(value = "SELECT r.id" + FROM_ROLES + ORDER, nativeQuery = true)
                    List<Long> ids();
                }
                """;
        ExtractionResult result = extract("QueryConstants.java", constants, "RoleQueries.java", base,
                "CaseType.java", entities, "CaseRole.java", role, "CaseRoleRepository.java", repository);

        assertEquals(List.of(), result.notChecked().stream().map(u -> u.origin() + " " + u.reason()).toList());
        assertEquals(List.of("SELECT r.id FROM case_role r ORDER BY r.id"), sql(result, JpaExtractor.NATIVE));
        assertEquals(1, sql(result, JpaExtractor.JPQL).size());
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void aQueryFilledWithValuesOfAFileOfPublicConstantsIsRead() {
        // ccd's FieldTypeRepository: "... where entity.reference in ('" + PREDEFINED_COMPLEX_ADDRESS_GLOBAL + "', ..."
        // with the values in FieldTypeUtils, a file without any query's words
        String utils = "package org.example.repository;\n" + """
                public class FieldTypeUtils {
                    public static final String ADDRESS_GLOBAL = "AddressGlobal";
                    public static final String ORDER_SUMMARY = "OrderSummary";
                }
                """;
        String entity = "package org.example.model;\n" + IMPORTS + """
                @Entity @Table(name = "field_type") public class FieldType { @Id Long id; String reference; }
                """;
        String repository = "package org.example.repository;\n" + IMPORTS + """
                import static org.example.repository.FieldTypeUtils.ADDRESS_GLOBAL;
                import static org.example.repository.FieldTypeUtils.ORDER_SUMMARY;
                import org.example.model.*;
                import org.springframework.data.jpa.repository.Query;
                import org.springframework.data.repository.CrudRepository;
                public interface FieldTypeRepository extends CrudRepository<FieldType, Long> {
                    @Query("select t from FieldType t where t.reference in ('" + ADDRESS_GLOBAL + "', '" + ORDER_SUMMARY + "')")
                    List<FieldType> predefined();
                }
                """;
        io.switchover.snapshot.InMemorySnapshot snapshot = new io.switchover.snapshot.InMemorySnapshot("ccd")
                .with("src/main/java/org/example/repository/FieldTypeUtils.java", utils)
                .with("src/main/java/org/example/model/FieldType.java", entity)
                .with("src/main/java/org/example/repository/FieldTypeRepository.java", repository);
        ExtractionResult result = new JpaExtractor(new SqlStatementClassifier(), PhysicalNaming.SPRING)
                .extract(snapshot, snapshot.files());

        assertEquals(List.of(), result.notChecked().stream().map(u -> u.origin() + " " + u.reason()).toList());
        assertEquals(List.of("select t.id, t.reference from field_type t where t.reference in ('AddressGlobal',"
                + " 'OrderSummary')"), sql(result, JpaExtractor.JPQL));
    }

    @Test
    void leavesRepositoriesOfSpringDataJdbcAndMicronautDataToTheirReaders() {
        String aggregate = """
                package shop;
                import org.springframework.data.annotation.Id;
                public record Basket(@Id Long id, String owner) { }
                """;
        String repository = """
                package shop;
                import org.springframework.data.repository.CrudRepository;
                interface BasketRepository extends CrudRepository<Basket, Long> { }
                """;
        String plain = """
                package shop;
                import org.springframework.data.repository.CrudRepository;
                interface ThingRepository extends CrudRepository<Thing, Long> { }
                """;
        ExtractionResult result = extract("Basket.java", aggregate, "BasketRepository.java", repository,
                "ThingRepository.java", plain);
        assertEquals(List.of("ThingRepository.java:3 repository of Thing, which is not an @Entity in the sources"),
                result.notChecked().stream().map(u -> u.origin() + " " + u.reason()).toList());
    }
}
