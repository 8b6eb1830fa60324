package io.switchover.patterns.stringtemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a template is looked up when a DAO's group renders: the group itself, then what it imports, depth first.
 * Every lookup starts at the DAO's own group, also from a template of an imported group, so a DAO's group overrides
 * the templates its imports call ({@code tableName()} in a shared base group), as in StringTemplate.
 *
 * @param missing imports no group file of the service answers
 */
record GroupChain(List<TemplateGroup> groups, List<String> missing) {
    GroupChain {
        groups = List.copyOf(groups);
        missing = List.copyOf(missing);
    }

    /** @param byResource the service's group files by classpath path */
    static GroupChain of(TemplateGroup root, Map<String, TemplateGroup> byResource) {
        List<TemplateGroup> groups = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        add(root, byResource, groups, missing);
        return new GroupChain(groups, missing);
    }

    private static void add(TemplateGroup group, Map<String, TemplateGroup> byResource, List<TemplateGroup> groups,
                            List<String> missing) {
        if (groups.stream().anyMatch(known -> known == group)) {
            return; // a cycle of imports
        }
        groups.add(group);
        for (String imported : group.imports()) {
            Optional<TemplateGroup> found = resolve(group.resource(), imported, byResource);
            if (found.isPresent()) {
                add(found.get(), byResource, groups, missing);
            } else {
                missing.add(imported);
            }
        }
    }

    /** An import names a path beside the importing group, or from the root of the classpath. */
    static Optional<TemplateGroup> resolve(String importer, String imported, Map<String, TemplateGroup> byResource) {
        String name = imported.startsWith("/") ? imported.substring(1) : imported;
        int slash = importer.lastIndexOf('/');
        if (slash >= 0 && !imported.startsWith("/")) {
            TemplateGroup beside = byResource.get(importer.substring(0, slash + 1) + name);
            if (beside != null) {
                return Optional.of(beside);
            }
        }
        return Optional.ofNullable(byResource.get(name));
    }

    Optional<Template> find(String name) {
        for (TemplateGroup group : groups) {
            Template template = group.templates().get(name);
            if (template != null) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /** Why a template is not there, for the report. */
    String whyMissing(String name) {
        StringBuilder why = new StringBuilder("no template " + name + "() in " + groups.get(0).file());
        if (!missing.isEmpty()) {
            why.append(" or what it imports (not among the sources: ").append(String.join(", ", missing)).append(')');
        } else if (groups.size() > 1) {
            why.append(" or what it imports");
        }
        groups.stream().map(TemplateGroup::problem).filter(p -> !p.isEmpty()).findFirst()
                .ifPresent(p -> why.append("; part of a group file was not read: ").append(p));
        return why.toString();
    }
}
