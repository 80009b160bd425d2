package org.imageorganizer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a resource's {@code Properties} against its type in the {@link ResourceSpecification}:
 * every property name known (at every level of nested property types), every required one present,
 * and literal values of the right shape (a list where the specification has an array, an object
 * where it has a property type, a number where it has an integer...). Values computed by an
 * intrinsic function are not known before deployment, so only their {@code Fn::If} branches are
 * checked; the references inside them are {@link ReferenceChecker}'s part.
 */
final class PropertyChecker {
    private final ResourceSpecification specification;

    PropertyChecker(ResourceSpecification specification) {
        this.specification = specification;
    }

    /** Appends to {@code problems} what is wrong with {@code properties} (null when absent) of a resource. */
    void checkResource(String path, JsonNode resource, Object properties, List<String> problems) {
        checkObject(path, resource.path("properties"), resource.path("cloudFormationType").asText(), properties, problems);
    }

    private void checkObject(String path, JsonNode specs, String typeName, Object value, List<String> problems) {
        if (Intrinsics.isFunction(value)) {
            checkComputed(path, value, branch -> checkObject(path, specs, typeName, branch, problems));
            return;
        }
        Map<?, ?> given = value == null ? Map.of() : value instanceof Map<?, ?> map ? map : null;
        if (given == null) {
            problems.add(path + ": " + typeName + " is an object of properties, not " + describe(value));
            return;
        }
        for (Map.Entry<?, ?> entry : given.entrySet()) {
            String name = String.valueOf(entry.getKey());
            JsonNode spec = specs.get(name);
            if (spec == null) {
                problems.add(path + "." + name + ": " + typeName + " has no property " + name + suggestion(specs, name));
            } else {
                checkValue(path + "." + name, types(spec), entry.getValue(), problems);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = specs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> spec = it.next();
            if (spec.getValue().path("required").asBoolean(false) && !given.containsKey(spec.getKey())) {
                problems.add(path + ": " + typeName + " requires the property " + spec.getKey());
            }
        }
    }

    /** The property's type, and the types it had before (a template may still use those). */
    private static List<JsonNode> types(JsonNode spec) {
        List<JsonNode> types = new ArrayList<>();
        types.add(spec.path("type"));
        spec.path("previousTypes").forEach(types::add);
        return types;
    }

    private void checkValue(String path, List<JsonNode> types, Object value, List<String> problems) {
        if (Intrinsics.isFunction(value)) {
            checkComputed(path, value, branch -> checkValue(path, types, branch, problems));
            return;
        }
        List<String> firstTypesProblems = null;
        for (JsonNode type : types) {
            List<String> found = new ArrayList<>();
            checkType(path, type, value, found);
            if (found.isEmpty()) {
                return;
            }
            if (firstTypesProblems == null) {
                firstTypesProblems = found;
            }
        }
        problems.addAll(firstTypesProblems);
    }

    /** The literal branches of an Fn::If (AWS::NoValue removes the property: nothing to check). */
    private static void checkComputed(String path, Object function, java.util.function.Consumer<Object> branchCheck) {
        Map<?, ?> map = (Map<?, ?>) function;
        if (map.get("Fn::If") instanceof List<?> arguments && arguments.size() == 3) {
            for (Object branch : arguments.subList(1, 3)) {
                if (!Intrinsics.isNoValue(branch)) {
                    branchCheck.accept(branch);
                }
            }
        }
    }

    private void checkType(String path, JsonNode type, Object value, List<String> problems) {
        String kind = type.path("type").asText();
        switch (kind) {
            case "string", "date-time" -> {
                if (value instanceof Map || value instanceof List || value == null) {
                    problems.add(path + ": expected a string, not " + describe(value));
                } else if (type.has("allowedValues") && !contains(type.path("allowedValues"), String.valueOf(value))) {
                    problems.add(path + ": " + value + " is not one of " + type.path("allowedValues"));
                }
            }
            case "integer", "number" -> {
                if (!(value instanceof Number) && !(value instanceof String s && s.matches("-?[0-9]+(\\.[0-9]+)?"))) {
                    problems.add(path + ": expected a number, not " + describe(value));
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean) && !(value instanceof String s && (s.equals("true") || s.equals("false")))) {
                    problems.add(path + ": expected true or false, not " + describe(value));
                }
            }
            case "json" -> {
                if (value == null) {
                    problems.add(path + ": expected a JSON document, not null");
                }
            }
            case "tag" -> checkTag(path, value, problems);
            case "array" -> {
                if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        checkValue(path + "[" + i + "]", List.of(type.path("element")), list.get(i), problems);
                    }
                } else {
                    problems.add(path + ": expected a list, not " + describe(value));
                }
            }
            case "map" -> {
                if (value instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> checkValue(path + "." + k, List.of(type.path("element")), v, problems));
                } else {
                    problems.add(path + ": expected a map, not " + describe(value));
                }
            }
            case "union" -> {
                List<JsonNode> alternatives = new ArrayList<>();
                type.path("types").forEach(alternatives::add);
                checkValue(path, alternatives, value, problems);
            }
            case "ref" -> {
                JsonNode definition = specification.definition(type);
                checkObject(path, definition.path("properties"), definition.path("name").asText(), value, problems);
            }
            default -> {
                // a kind this check does not know: accept rather than guess
            }
        }
    }

    private void checkTag(String path, Object value, List<String> problems) {
        if (!(value instanceof Map<?, ?> tag)) {
            problems.add(path + ": a tag is {Key, Value}, not " + describe(value));
            return;
        }
        if (!tag.containsKey("Key") || !tag.containsKey("Value") || tag.size() != 2) {
            problems.add(path + ": a tag has exactly Key and Value, not " + tag.keySet());
        }
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode allowed : values) {
            if (allowed.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String suggestion(JsonNode specs, String name) {
        for (Iterator<String> it = specs.fieldNames(); it.hasNext();) {
            String known = it.next();
            if (known.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return " (did you mean " + known + "?)";
            }
        }
        List<String> known = new ArrayList<>();
        specs.fieldNames().forEachRemaining(known::add);
        return " (it has " + String.join(", ", known) + ")";
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
