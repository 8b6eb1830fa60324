package com.example.tickets;

import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.SelectProvider;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface TicketMapper {
    String COLUMNS = "id, title, status";

    @Select("SELECT " + COLUMNS + " FROM ticket WHERE id = #{id}")
    Ticket findById(long id);

    @Select({"SELECT id, title",
             "FROM ticket",
             "WHERE assignee = #{assignee}",
             "ORDER BY ${orderBy}"})
    List<Ticket> byAssignee(String assignee, String orderBy);

    @Select({"<script>",
             "SELECT id FROM ticket",
             "<where>",
             "  <if test='status != null'>AND status = #{status}</if>",
             "  <if test='ids != null'>AND id IN",
             "    <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>",
             "  </if>",
             "</where>",
             "</script>"})
    List<Long> search(String status, List<Long> ids);

    @Insert("INSERT INTO ticket (id, title, status) VALUES (#{id}, #{title}, #{status})")
    void insert(Ticket ticket);

    @Update(value = "UPDATE ticket SET status = #{status} WHERE id = #{id}")
    int close(long id, String status);

    @Delete("DELETE FROM ${table} WHERE id = #{id}")
    int deleteFrom(String table, long id);

    @SelectProvider(type = TicketSql.class, method = "report")
    List<Ticket> report(String filter);
}
