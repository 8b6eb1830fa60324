package com.example.shop.repo;

import com.example.shop.db.Tables;

/** Repositories inherit the table names. */
public abstract class BaseRepository implements Tables {
    protected static final String BY_ID = " WHERE id = ?";
}
