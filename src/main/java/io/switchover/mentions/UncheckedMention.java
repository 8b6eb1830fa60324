package io.switchover.mentions;

/**
 * A mention no checked statement covers: the old code names what the batch changes in a place the gate could not
 * check.
 *
 * @param strong whether the evidence is strong (a removed table, view, routine, sequence, type; a column named in a
 *               file that also names its table; an enum constant of a mirrored list), else it is a hint
 * @param where  why the place is not checked, for the message
 * @param why    why the mention counts, for the message
 */
public record UncheckedMention(Mention mention, boolean strong, String where, String why) {
}
