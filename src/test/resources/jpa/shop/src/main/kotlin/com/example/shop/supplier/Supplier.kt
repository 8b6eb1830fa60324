package com.example.shop.supplier

import jakarta.persistence.Column
import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.GenerationType
import jakarta.persistence.Id
import jakarta.persistence.Table
import jakarta.persistence.Transient
import org.springframework.data.jpa.repository.Query
import org.springframework.data.repository.CrudRepository

@Entity
@Table(name = "supplier")
class Supplier(
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    val id: Long? = null,

    @Column(name = "legal_name", nullable = false)
    var legalName: String,

    var vatNumber: String? = null,
) {
    @Transient
    var score: Int = 0

    var contactEmail: String? = null

    val displayLabel: String
        get() = "$legalName ($vatNumber)"

    companion object {
        const val TABLE = "supplier"
    }
}

interface SupplierRepository : CrudRepository<Supplier, Long> {
    fun findByVatNumber(vatNumber: String): Supplier?

    @Query("select s from Supplier s where s.contactEmail like :domain")
    fun withEmailDomain(domain: String): List<Supplier>

    @Query(value = "SELECT legal_name FROM supplier WHERE id = :id", nativeQuery = true)
    fun legalNameOf(id: Long): String?
}
