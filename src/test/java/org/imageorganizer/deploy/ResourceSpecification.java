package org.imageorganizer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification as the npm package {@code @aws-cdk/aws-service-spec}
 * ships it ({@code db.json.gz}): every resource type with its properties (type, required) and
 * attributes, and the property types they use. Types are {@code string}, {@code integer},
 * {@code number}, {@code boolean}, {@code json}, {@code tag}, {@code array}/{@code map} of an
 * element type, {@code union} of types, and {@code ref} to a property type (a definition with
 * properties of its own).
 */
final class ResourceSpecification {
    /** Where {@code npm ci} in cloudformation/validation puts the specification. */
    static final Path DEFAULT_LOCATION = Path.of("cloudformation", "validation", "node_modules", "@aws-cdk",
            "aws-service-spec", "db.json.gz");

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> definitions = new HashMap<>();

    private ResourceSpecification(JsonNode database) {
        JsonNode schema = database.path("schema");
        for (JsonNode resource : schema.path("resource").path("entities")) {
            resources.put(resource.path("cloudFormationType").asText(), resource);
        }
        for (JsonNode definition : schema.path("typeDefinition").path("entities")) {
            definitions.put(definition.path("$id").asText(), definition);
        }
        if (resources.isEmpty() || definitions.isEmpty()) {
            throw new IllegalArgumentException("not an aws-service-spec database: no resources or type definitions");
        }
    }

    static ResourceSpecification load(Path gzippedDatabase) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzippedDatabase), 1 << 16)) {
            return new ResourceSpecification(new ObjectMapper().readTree(in));
        }
    }

    int resourceTypeCount() {
        return resources.size();
    }

    /** The resource type's entry ({@code properties}, {@code attributes}), if the specification has it. */
    Optional<JsonNode> resource(String cloudFormationType) {
        return Optional.ofNullable(resources.get(cloudFormationType));
    }

    /** The property type a {@code ref} type points at ({@code name}, {@code properties}). */
    JsonNode definition(JsonNode refType) {
        String id = refType.path("reference").path("$ref").asText();
        JsonNode definition = definitions.get(id);
        if (definition == null) {
            throw new IllegalStateException("the specification refers to a missing type definition " + id);
        }
        return definition;
    }
}
