package com.example.oppgave

/** An open task on the case workers' list, and the system it came from. */
data class Oppgave(val id: Long, val status: String, val opphav: String)
