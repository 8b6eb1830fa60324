package io.switchover.mentions;

import io.switchover.timeline.SchemaState;
import io.switchover.timeline.Timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words the safety net looks for, from the changed objects: each object's name (and the values that lists lose),
 * the tables of changed columns (a column named in a file that names its table is strong evidence), and the lists the
 * values were taken from (an enum of code mirrors one when it shares its constants).
 */
final class MentionTargets {
    /** Lower-case name to the objects of that name. */
    final Map<String, List<ChangedObject>> names = new HashMap<>();
    /** A removed value, exactly, to its objects. */
    final Map<String, List<ChangedObject>> values = new HashMap<>();
    /** Lower-case tables whose columns changed. */
    final Set<String> tables = new HashSet<>();
    /** An owner of values to every value it allowed before the step that removed some. */
    final Map<String, Set<String>> listsBefore = new HashMap<>();

    MentionTargets(List<ChangedObject> objects, Timeline timeline) {
        for (ChangedObject object : objects) {
            if (object.isValue()) {
                values.computeIfAbsent(object.name(), k -> new ArrayList<>()).add(object);
                if (!object.owner().contains(".")) {
                    // SQL that casts a value computed at run time to the enum type may write the removed one.
                    names.computeIfAbsent(object.owner().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(object);
                }
                SchemaState before = timeline.states().get(object.step() - 1);
                listsBefore.put(object.owner(), before.catalog().objects().allowedValues()
                        .getOrDefault(object.owner(), Set.of()));
            } else if (object.change() == ChangedObject.Change.REQUIRED) {
                // What inserts without the column names its table, not the column.
                names.computeIfAbsent(object.owner().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(object);
            } else {
                names.computeIfAbsent(object.name(), k -> new ArrayList<>()).add(object);
                if (object.kind() == ChangedObject.Kind.COLUMN) {
                    tables.add(object.owner().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    boolean isEmpty() {
        return names.isEmpty() && values.isEmpty();
    }

    /** Whether the text may hold any of the words: a file that cannot is not read further. */
    boolean mayOccurIn(String text, String lowerCase) {
        for (String name : names.keySet()) {
            if (lowerCase.contains(name)) {
                return true;
            }
        }
        for (String value : values.keySet()) {
            if (text.contains(value)) {
                return true;
            }
        }
        return false;
    }
}
