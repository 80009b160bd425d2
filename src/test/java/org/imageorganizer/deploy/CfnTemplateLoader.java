package org.imageorganizer.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation template written in YAML into plain maps, lists and scalars, with the
 * short-form tags turned into the long form CloudFormation itself uses: {@code !Ref X} becomes
 * {@code {Ref: X}}, {@code !GetAtt A.B} becomes {@code {Fn::GetAtt: [A, B]}}, {@code !Condition C}
 * becomes {@code {Condition: C}} and any other {@code !Name v} becomes {@code {Fn::Name: v}}. Duplicate
 * keys are an error, as they are for CloudFormation.
 */
final class CfnTemplateLoader {
    private CfnTemplateLoader() {
    }

    static Map<String, Object> load(Path template) throws IOException {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    static Map<String, Object> parse(String yaml) {
        return parse(new java.io.StringReader(yaml));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(10 * 1024 * 1024);
        Object document = new Yaml(new ShortFormConstructor(options)).load(reader);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("a template is a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    /** SnakeYAML's safe constructor plus one multi-constructor for every tag starting with "!". */
    private static final class ShortFormConstructor extends SafeConstructor {
        ShortFormConstructor(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new ShortForm());
        }

        private final class ShortForm extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return switch (name) {
                    case "Ref", "Condition" -> Map.of(name, value);
                    case "GetAtt" -> Map.of("Fn::GetAtt", value instanceof String s ? splitAttribute(s) : value);
                    default -> Map.of("Fn::" + name, value);
                };
            }
        }
    }

    /** "Resource.Attribute.Part" is resource "Resource" and attribute "Attribute.Part". */
    private static List<String> splitAttribute(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? List.of(value) : List.of(value.substring(0, dot), value.substring(dot + 1));
    }
}
