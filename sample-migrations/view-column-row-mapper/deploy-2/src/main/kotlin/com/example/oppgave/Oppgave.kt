package com.example.oppgave

/** An open task on the case workers' list. */
data class Oppgave(val id: Long, val status: String)
