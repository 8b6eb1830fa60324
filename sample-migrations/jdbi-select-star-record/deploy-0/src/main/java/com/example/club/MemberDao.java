package com.example.club;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** JDBI fills a Member from every column of the row, by the names its record components give. */
@RegisterConstructorMapper(Member.class)
public interface MemberDao {
    @SqlQuery("SELECT * FROM member WHERE id = :id")
    Optional<Member> find(long id);

    @SqlUpdate("INSERT INTO member (id, full_name, joined_on) VALUES (:id, :name, :joinedOn)")
    void add(@BindMethods Member member);
}
