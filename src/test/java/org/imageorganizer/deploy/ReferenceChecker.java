package org.imageorganizer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the intrinsic functions in a template: only functions CloudFormation has, in the sections
 * where it allows them, with the right number of arguments; every {@code Ref}, {@code Fn::GetAtt}
 * and {@code ${...}} of an {@code Fn::Sub} resolved against the template's parameters, resources
 * (with their type's attributes) and the pseudo parameters; every condition of an {@code Fn::If}
 * declared; every {@code Fn::FindInMap} with literal keys found. Records what it saw used, and which
 * resource refers to which, for the checks on unused parameters and dependency cycles.
 */
final class ReferenceChecker {
    /** Where a value stands: conditions and rules may refer to parameters only, and have functions of their own. */
    enum Section { RESOURCES, CONDITIONS, RULES }

    private static final Set<String> VALUE_FUNCTIONS = Set.of("Ref", "Fn::Base64", "Fn::Cidr", "Fn::FindInMap",
            "Fn::GetAtt", "Fn::GetAZs", "Fn::If", "Fn::ImportValue", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Sub",
            "Fn::Transform");
    private static final Set<String> LANGUAGE_EXTENSIONS = Set.of("Fn::Length", "Fn::ToJsonString");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Ref",
            "Fn::FindInMap", "Fn::Select", "Fn::Split", "Fn::Join", "Fn::Sub");
    private static final Set<String> RULE_FUNCTIONS = Set.of("Fn::And", "Fn::Contains", "Fn::EachMemberEquals",
            "Fn::EachMemberIn", "Fn::Equals", "Fn::Not", "Fn::Or", "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll", "Ref");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Set<String> parameters;
    private final Map<String, String> resourceTypes;
    private final Set<String> conditions;
    private final Map<?, ?> mappings;
    private final ResourceSpecification specification;
    private final boolean languageExtensions;
    private final List<String> problems;

    private final Set<String> usedParameters = new HashSet<>();
    private final Set<String> usedConditions = new HashSet<>();
    private final Map<String, Set<String>> dependencies = new HashMap<>();
    private String owner;

    ReferenceChecker(Set<String> parameters, Map<String, String> resourceTypes, Set<String> conditions, Map<?, ?> mappings,
            ResourceSpecification specification, boolean languageExtensions, List<String> problems) {
        this.parameters = parameters;
        this.resourceTypes = resourceTypes;
        this.conditions = conditions;
        this.mappings = mappings;
        this.specification = specification;
        this.languageExtensions = languageExtensions;
        this.problems = problems;
    }

    /** Checks a value that belongs to {@code resource} (null: to no resource, e.g. an output). */
    void check(String path, Object value, Section section, String resource) {
        owner = resource;
        walk(path, value, section);
        owner = null;
    }

    Set<String> usedParameters() {
        return usedParameters;
    }

    Set<String> usedConditions() {
        return usedConditions;
    }

    /** Resource → the resources its values refer to. */
    Map<String, Set<String>> dependencies() {
        return dependencies;
    }

    /** Counts a condition named by a resource's or output's Condition attribute. */
    void conditionNamed(String path, Object name) {
        if (!(name instanceof String s) || !conditions.contains(s)) {
            problems.add(path + ": no condition named " + name);
        } else {
            usedConditions.add(s);
        }
    }

    void parameterNamed(String path, Object name) {
        if (!(name instanceof String s) || !parameters.contains(s)) {
            problems.add(path + ": no parameter named " + name);
        } else {
            usedParameters.add(s);
        }
    }

    private void walk(String path, Object value, Section section) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), section);
            }
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return;
        }
        if (section == Section.CONDITIONS && map.size() == 1 && map.containsKey("Condition")) {
            conditionNamed(path + ".Condition", map.get("Condition"));
            return;
        }
        if (Intrinsics.isFunction(value)) {
            function(path, Intrinsics.name(value), Intrinsics.argument(value), section);
            return;
        }
        map.forEach((key, inner) -> {
            if (String.valueOf(key).startsWith("Fn::")) {
                problems.add(path + "." + key + ": a function must be the only key of its object");
            }
            walk(path + "." + key, inner, section);
        });
    }

    private void function(String path, String name, Object argument, Section section) {
        Set<String> allowed = switch (section) {
            case RESOURCES -> VALUE_FUNCTIONS;
            case CONDITIONS -> CONDITION_FUNCTIONS;
            case RULES -> RULE_FUNCTIONS;
        };
        if (!allowed.contains(name) && !(section == Section.RESOURCES && languageExtensions && LANGUAGE_EXTENSIONS.contains(name))) {
            problems.add(path + ": " + name + " is not a function CloudFormation allows here ("
                    + section.name().toLowerCase(java.util.Locale.ROOT) + ")");
            return;
        }
        String at = path + "." + name;
        switch (name) {
            case "Ref" -> ref(at, argument, section);
            case "Fn::GetAtt" -> getAtt(at, argument);
            case "Fn::Sub" -> sub(at, argument, section);
            case "Fn::If" -> arguments(at, argument, 3, 3).ifPresent(args -> {
                conditionNamed(at + "[0]", args.get(0));
                walk(at + "[1]", args.get(1), section);
                walk(at + "[2]", args.get(2), section);
            });
            case "Fn::FindInMap" -> findInMap(at, argument, section);
            case "Fn::Select", "Fn::Join", "Fn::Split", "Fn::Equals" -> arguments(at, argument, 2, 2)
                    .ifPresent(args -> walk(at, args, section));
            case "Fn::Cidr" -> arguments(at, argument, 3, 3).ifPresent(args -> walk(at, args, section));
            case "Fn::Not" -> arguments(at, argument, 1, 1).ifPresent(args -> walk(at, args, section));
            case "Fn::And", "Fn::Or" -> arguments(at, argument, 2, 10).ifPresent(args -> walk(at, args, section));
            default -> walk(at, argument, section);
        }
    }

    private Optional<List<?>> arguments(String path, Object argument, int min, int max) {
        if (argument instanceof List<?> list && list.size() >= min && list.size() <= max) {
            return Optional.of(list);
        }
        problems.add(path + ": takes a list of " + (min == max ? String.valueOf(min) : min + " to " + max)
                + " arguments, not " + PropertyChecker.describe(argument));
        return Optional.empty();
    }

    private void ref(String path, Object target, Section section) {
        if (!(target instanceof String name)) {
            problems.add(path + ": Ref takes a name, not " + PropertyChecker.describe(target));
        } else if (parameters.contains(name)) {
            usedParameters.add(name);
        } else if (Intrinsics.PSEUDO_PARAMETERS.contains(name)) {
            // always there
        } else if (resourceTypes.containsKey(name)) {
            if (section != Section.RESOURCES) {
                problems.add(path + ": " + section.name().toLowerCase(java.util.Locale.ROOT)
                        + " may refer to parameters only, not to the resource " + name);
            }
            dependsOn(name);
        } else {
            problems.add(path + ": Ref to " + name + ", which is no parameter, resource or pseudo parameter");
        }
    }

    private void getAtt(String path, Object argument) {
        if (!(argument instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof String resource)) {
            problems.add(path + ": takes [resource, attribute], not " + PropertyChecker.describe(argument));
            return;
        }
        if (list.get(1) instanceof String attribute) {
            attribute(path, resource, attribute);
        } else {
            walk(path + "[1]", list.get(1), Section.RESOURCES);
            if (!resourceTypes.containsKey(resource)) {
                problems.add(path + ": no resource named " + resource);
            }
            dependsOn(resource);
        }
    }

    private void attribute(String path, String resource, String attribute) {
        String type = resourceTypes.get(resource);
        if (type == null) {
            problems.add(path + ": no resource named " + resource + " (for its attribute " + attribute + ")");
            return;
        }
        dependsOn(resource);
        if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")
                || type.equals("AWS::CloudFormation::Stack") && attribute.startsWith("Outputs.")) {
            return;
        }
        specification.resource(type).ifPresent(spec -> {
            JsonNode attributes = spec.path("attributes");
            if (!attributes.has(attribute)) {
                List<String> known = new ArrayList<>();
                attributes.fieldNames().forEachRemaining(known::add);
                problems.add(path + ": " + resource + " (" + type + ") has no attribute " + attribute
                        + " (it has " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        });
    }

    private void sub(String path, Object argument, Section section) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof String s) {
            text = s;
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String s
                && list.get(1) instanceof Map<?, ?> map) {
            text = s;
            variables = map;
            walk(path + "[1]", map, section);
        } else {
            problems.add(path + ": takes a string or [string, {variables}], not " + PropertyChecker.describe(argument));
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            String variable = m.group(1);
            if (variable.startsWith("!") || !seen.add(variable) || variables.containsKey(variable)) {
                continue;
            }
            int dot = variable.indexOf('.');
            if (dot > 0) {
                attribute(path + " ${" + variable + "}", variable.substring(0, dot), variable.substring(dot + 1));
            } else {
                ref(path + " ${" + variable + "}", variable, section);
            }
        }
    }

    private void findInMap(String path, Object argument, Section section) {
        int most = languageExtensions ? 4 : 3;
        arguments(path, argument, 3, most).ifPresent(args -> {
            walk(path, args, section);
            if (!(args.get(0) instanceof String name)) {
                return;
            }
            if (!(mappings.get(name) instanceof Map<?, ?> mapping)) {
                problems.add(path + ": no mapping named " + name);
                return;
            }
            if (args.get(1) instanceof String first) {
                if (!(mapping.get(first) instanceof Map<?, ?> level)) {
                    problems.add(path + ": the mapping " + name + " has no key " + first);
                } else if (args.get(2) instanceof String second && !level.containsKey(second)) {
                    problems.add(path + ": the mapping " + name + "." + first + " has no key " + second);
                }
            }
        });
    }

    private void dependsOn(String resource) {
        if (owner != null && resourceTypes.containsKey(resource)) {
            dependencies.computeIfAbsent(owner, k -> new HashSet<>()).add(resource);
        }
    }
}
