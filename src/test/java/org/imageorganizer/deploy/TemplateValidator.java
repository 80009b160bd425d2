package org.imageorganizer.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.imageorganizer.deploy.ReferenceChecker.Section;

/**
 * Checks a CloudFormation template (as {@link CfnTemplateLoader} reads it) without AWS: its sections
 * and their keys, parameter types and defaults, every resource type and property against the
 * {@link ResourceSpecification} ({@link PropertyChecker}), every intrinsic reference
 * ({@link ReferenceChecker}), DependsOn, Condition and the deletion policies, and that every parameter
 * and condition is used and no resources depend on each other in a circle. The result is a list of
 * problems, each starting with where it is ({@code Resources.Instance.Properties.ImageId}); empty when
 * none was found.
 */
final class TemplateValidator {
    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs");
    private static final Set<String> PARAMETER_KEYS = Set.of("Type", "Default", "AllowedValues", "AllowedPattern",
            "ConstraintDescription", "Description", "MaxLength", "MinLength", "MaxValue", "MinValue", "NoEcho");
    private static final Pattern PARAMETER_TYPE = Pattern.compile("String|Number|List<Number>|CommaDelimitedList"
            + "|AWS::SSM::Parameter::Name|AWS::SSM::Parameter::Value<.+>"
            + "|(List<)?AWS::EC2::(AvailabilityZone::Name|Image::Id|Instance::Id|KeyPair::KeyName|SecurityGroup::GroupName"
            + "|SecurityGroup::Id|Subnet::Id|Volume::Id|VPC::Id)>?|(List<)?AWS::Route53::HostedZone::Id>?");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> POLICIES = Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot");
    private static final Set<String> OUTPUT_KEYS = Set.of("Description", "Value", "Export", "Condition");

    private final ResourceSpecification specification;

    TemplateValidator(ResourceSpecification specification) {
        this.specification = specification;
    }

    List<String> validate(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        template.keySet().stream().filter(k -> !SECTIONS.contains(k))
                .forEach(k -> problems.add(k + ": not a template section"));
        Map<String, Object> parameters = section(template, "Parameters", problems);
        Map<String, Object> conditions = section(template, "Conditions", problems);
        Map<String, Object> resources = section(template, "Resources", problems);
        if (resources.isEmpty()) {
            problems.add("Resources: a template needs at least one resource");
        }
        Map<String, String> resourceTypes = new LinkedHashMap<>();
        resources.forEach((name, resource) -> resourceTypes.put(name,
                resource instanceof Map<?, ?> r && r.get("Type") instanceof String type ? type : ""));
        ReferenceChecker references = new ReferenceChecker(parameters.keySet(), resourceTypes, conditions.keySet(),
                section(template, "Mappings", problems), specification,
                String.valueOf(template.get("Transform")).contains("AWS::LanguageExtensions"), problems);

        parameters.forEach((name, parameter) -> checkParameter("Parameters." + name, parameter, problems));
        conditions.forEach((name, condition) -> {
            if (!(Intrinsics.isFunction(condition) || condition instanceof Map<?, ?> m && m.containsKey("Condition"))) {
                problems.add("Conditions." + name + ": a condition is a condition function (Fn::Equals, Fn::Not...)");
            }
            references.check("Conditions." + name, condition, Section.CONDITIONS, null);
        });
        section(template, "Rules", problems).forEach((name, rule) -> references.check("Rules." + name, rule, Section.RULES, null));
        resources.forEach((name, resource) -> checkResource("Resources." + name, name, resource, resourceTypes, references, problems));
        section(template, "Outputs", problems).forEach((name, output) -> checkOutput("Outputs." + name, output, references, problems));
        checkInterface(template.get("Metadata"), references);

        parameters.keySet().stream().filter(p -> !references.usedParameters().contains(p))
                .forEach(p -> problems.add("Parameters." + p + ": never used"));
        conditions.keySet().stream().filter(c -> !references.usedConditions().contains(c))
                .forEach(c -> problems.add("Conditions." + c + ": never used"));
        findCycle(resourceTypes.keySet(), references.dependencies(), problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> template, String name, List<String> problems) {
        Object section = template.get(name);
        if (section == null) {
            return Map.of();
        }
        if (!(section instanceof Map)) {
            problems.add(name + ": must be a mapping");
            return Map.of();
        }
        return (Map<String, Object>) section;
    }

    private static void checkParameter(String path, Object value, List<String> problems) {
        if (!(value instanceof Map<?, ?> parameter)) {
            problems.add(path + ": must be a mapping with a Type");
            return;
        }
        parameter.keySet().stream().filter(k -> !PARAMETER_KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(path + "." + k + ": not a parameter attribute"));
        Object type = parameter.get("Type");
        if (!(type instanceof String t) || !PARAMETER_TYPE.matcher(t).matches()) {
            problems.add(path + ".Type: not a parameter type: " + type);
            return;
        }
        Object fallback = parameter.get("Default");
        if (fallback == null) {
            return;
        }
        String text = String.valueOf(fallback);
        if (parameter.get("AllowedValues") instanceof List<?> allowed
                && allowed.stream().map(String::valueOf).noneMatch(text::equals)) {
            problems.add(path + ".Default: " + text + " is not one of the AllowedValues");
        }
        if (parameter.get("AllowedPattern") instanceof String pattern) {
            try {
                if (!Pattern.compile(pattern).matcher(text).matches()) {
                    problems.add(path + ".Default: '" + text + "' does not match the AllowedPattern");
                }
            } catch (PatternSyntaxException e) {
                problems.add(path + ".AllowedPattern: not a regular expression: " + e.getDescription());
            }
        }
        if (t.equals("Number")) {
            try {
                double number = Double.parseDouble(text);
                if (parameter.get("MinValue") instanceof Number min && number < min.doubleValue()
                        || parameter.get("MaxValue") instanceof Number max && number > max.doubleValue()) {
                    problems.add(path + ".Default: " + text + " is outside MinValue..MaxValue");
                }
            } catch (NumberFormatException e) {
                problems.add(path + ".Default: " + text + " is not a number");
            }
        }
    }

    private void checkResource(String path, String name, Object value, Map<String, String> resourceTypes,
            ReferenceChecker references, List<String> problems) {
        if (!(value instanceof Map<?, ?> resource)) {
            problems.add(path + ": must be a mapping with a Type");
            return;
        }
        resource.keySet().stream().filter(k -> !RESOURCE_KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(path + "." + k + ": not a resource attribute"));
        String type = resourceTypes.get(name);
        if (type.isEmpty()) {
            problems.add(path + ".Type: missing");
        } else if (!type.startsWith("Custom::") && !type.equals("AWS::CloudFormation::CustomResource")) {
            specification.resource(type).ifPresentOrElse(
                    spec -> new PropertyChecker(specification).checkResource(path + ".Properties", spec,
                            resource.get("Properties"), problems),
                    () -> problems.add(path + ".Type: " + type + " is not a resource type in the CloudFormation specification"));
        }
        references.check(path + ".Properties", resource.get("Properties"), Section.RESOURCES, name);
        references.check(path + ".Metadata", resource.get("Metadata"), Section.RESOURCES, name);
        references.check(path + ".CreationPolicy", resource.get("CreationPolicy"), Section.RESOURCES, name);
        references.check(path + ".UpdatePolicy", resource.get("UpdatePolicy"), Section.RESOURCES, name);
        if (resource.containsKey("Condition")) {
            references.conditionNamed(path + ".Condition", resource.get("Condition"));
        }
        Object dependsOn = resource.get("DependsOn");
        for (Object target : dependsOn instanceof List<?> list ? list : dependsOn == null ? List.of() : List.of(dependsOn)) {
            if (!(target instanceof String t) || !resourceTypes.containsKey(t) || t.equals(name)) {
                problems.add(path + ".DependsOn: no other resource named " + target);
            } else {
                references.dependencies().computeIfAbsent(name, k -> new HashSet<>()).add(t);
            }
        }
        for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
            if (resource.containsKey(policy) && !POLICIES.contains(String.valueOf(resource.get(policy)))) {
                problems.add(path + "." + policy + ": not one of " + new TreeSet<>(POLICIES));
            }
        }
    }

    private static void checkOutput(String path, Object value, ReferenceChecker references, List<String> problems) {
        if (!(value instanceof Map<?, ?> output) || !output.containsKey("Value")) {
            problems.add(path + ": an output needs a Value");
            return;
        }
        output.keySet().stream().filter(k -> !OUTPUT_KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(path + "." + k + ": not an output attribute"));
        references.check(path + ".Value", output.get("Value"), Section.RESOURCES, null);
        references.check(path + ".Export", output.get("Export"), Section.RESOURCES, null);
        if (output.containsKey("Condition")) {
            references.conditionNamed(path + ".Condition", output.get("Condition"));
        }
    }

    /** The console's parameter groups and labels must name parameters the template has. */
    private static void checkInterface(Object metadata, ReferenceChecker references) {
        if (!(metadata instanceof Map<?, ?> m) || !(m.get("AWS::CloudFormation::Interface") instanceof Map<?, ?> ui)) {
            return;
        }
        if (ui.get("ParameterGroups") instanceof List<?> groups) {
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g) instanceof Map<?, ?> group && group.get("Parameters") instanceof List<?> names) {
                    for (Object name : names) {
                        references.parameterNamed("Metadata.AWS::CloudFormation::Interface.ParameterGroups[" + g + "]", name);
                    }
                }
            }
        }
        if (ui.get("ParameterLabels") instanceof Map<?, ?> labels) {
            labels.keySet().forEach(name -> references.parameterNamed("Metadata.AWS::CloudFormation::Interface.ParameterLabels", name));
        }
    }

    private static void findCycle(Set<String> resources, Map<String, Set<String>> dependencies, List<String> problems) {
        Set<String> done = new HashSet<>();
        for (String start : resources) {
            List<String> cycle = cycleFrom(start, dependencies, new ArrayList<>(), done);
            if (cycle != null) {
                problems.add("Resources: circular dependency " + String.join(" -> ", cycle));
                return;
            }
        }
    }

    private static List<String> cycleFrom(String node, Map<String, Set<String>> dependencies, List<String> stack, Set<String> done) {
        int at = stack.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return null;
        }
        stack.add(node);
        for (String next : new TreeSet<>(dependencies.getOrDefault(node, Set.of()))) {
            List<String> cycle = cycleFrom(next, dependencies, stack, done);
            if (cycle != null) {
                return cycle;
            }
        }
        stack.remove(stack.size() - 1);
        done.add(node);
        return null;
    }
}
