package com.example.billing;

/** The invoice table and its columns, named once for the statements the repository builds. */
final class InvoiceColumns {

    static final String TABLE = "invoice";
    static final String ID = "id";
    static final String STATUS = "status";

    private InvoiceColumns() {
    }
}
