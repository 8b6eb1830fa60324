package com.example.library;

import static com.example.library.jooq.Tables.BORROWER;

import java.time.LocalDate;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import static com.example.library.jooq.Tables.LOAN;
import org.springframework.stereotype.Repository;

import com.example.library.jooq.tables.records.BorrowerRecord;

/**
 * Card holders, through jOOQ. {@code Tables} and {@code BorrowerRecord} are generated from the migrations at build
 * time (jooq-codegen-maven) and are not checked in.
 */
@Repository
public class BorrowerRepository {

    private final DSLContext dsl;

    public BorrowerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void register(long id, String email, String fullName, LocalDate joinedOn) {
        dsl.insertInto(BORROWER)
                .set(BORROWER.ID, id)
                .set(BORROWER.EMAIL, email)
                .set(BORROWER.FULL_NAME, fullName)
                .set(BORROWER.JOINED_ON, joinedOn)
                .execute();
    }

    public Optional<Borrower> findByEmail(String email) {
        return dsl.selectFrom(BORROWER)
                .where(BORROWER.EMAIL.eq(email))
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    public boolean changeName(long id, String fullName) {
        return dsl.update(BORROWER)
                .set(BORROWER.FULL_NAME, fullName)
                .where(BORROWER.ID.eq(id))
                .execute() == 1;
    }

    public long count(String domain) {
        return dsl.select(DSL.count()).from(BORROWER).join(LOAN).on(LOAN.BORROWER_ID.eq(BORROWER.ID))
                .where(BORROWER.EMAIL.like(domain).or(BORROWER.FULL_NAME.isNull())).groupBy(BORROWER.ID)
                .orderBy(BORROWER.ID.desc()).limit(5).fetchOne(0, long.class);
    }

    public long enrol(String email, String fullName) {
        BorrowerRecord borrower = dsl.newRecord(BORROWER);
        borrower.setEmail(email);
        borrower.setFullName(fullName);
        borrower.store();
        return borrower.getId();
    }

    public Object withLoans() {
        return dsl.select(BORROWER.fields()).select(LOAN.DUE_ON).from(BORROWER).leftJoin(LOAN)
                .on(LOAN.BORROWER_ID.eq(BORROWER.ID)).fetch();
    }

    public void audit(javax.sql.DataSource dataSource, String what) {
        new SimpleJdbcInsert(dataSource).withTableName("audit_log").usingGeneratedKeyColumns("id")
                .execute(new MapSqlParameterSource("what", what).addValue("atTime", java.time.Instant.now()));
    }

    private static Borrower toBorrower(BorrowerRecord record) {
        return new Borrower(record.getId(), record.getEmail(), record.getFullName(), record.getJoinedOn());
    }
}
