package com.example.library;

import static com.example.library.jooq.Tables.MEMBER;

import java.time.LocalDate;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.example.library.jooq.tables.records.MemberRecord;

/**
 * Card holders, through jOOQ. {@code Tables} and {@code MemberRecord} are generated from the migrations at build
 * time (jooq-codegen-maven) and are not checked in.
 */
@Repository
public class MemberRepository {

    private final DSLContext dsl;

    public MemberRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void register(long id, String email, String fullName, LocalDate joinedOn) {
        dsl.insertInto(MEMBER)
                .set(MEMBER.ID, id)
                .set(MEMBER.EMAIL, email)
                .set(MEMBER.FULL_NAME, fullName)
                .set(MEMBER.JOINED_ON, joinedOn)
                .execute();
    }

    public Optional<Member> findByEmail(String email) {
        return dsl.selectFrom(MEMBER)
                .where(MEMBER.EMAIL.eq(email))
                .fetchOptional()
                .map(MemberRepository::toMember);
    }

    public boolean changeName(long id, String fullName) {
        return dsl.update(MEMBER)
                .set(MEMBER.FULL_NAME, fullName)
                .where(MEMBER.ID.eq(id))
                .execute() == 1;
    }

    private static Member toMember(MemberRecord record) {
        return new Member(record.getId(), record.getEmail(), record.getFullName(), record.getJoinedOn());
    }
}
