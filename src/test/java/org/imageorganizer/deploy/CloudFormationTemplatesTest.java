package org.imageorganizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template in cloudformation/ passes the check against the CloudFormation resource specification
 * (npm package @aws-cdk/aws-service-spec, installed by .ci/run), and a deliberately broken template is
 * caught on each of its faults.
 */
@Tag("deploy")
class CloudFormationTemplatesTest {
    private static TemplateValidator validator;

    @BeforeAll
    static void loadSpecification() throws IOException {
        ResourceSpecification specification = ResourceSpecification.load(DeployTools.requireSpecification());
        assertThat(specification.resourceTypeCount()).isGreaterThan(1000);
        validator = new TemplateValidator(specification);
    }

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("cloudformation"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theThreeTemplatesAreThere() throws IOException {
        assertThat(templates().map(p -> p.getFileName().toString()))
                .contains("ec2.yaml", "apprunner.yaml", "ecs-fargate.yaml");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void passesTheSpecificationCheck(Path template) throws IOException {
        assertThat(validator.validate(CfnTemplateLoader.load(template))).as(template.toString()).isEmpty();
    }

    @Test
    void catchesEveryFaultOfTheBrokenTemplate() throws IOException {
        List<String> problems = validator.validate(CfnTemplateLoader.load(Path.of("src/test/resources/cloudformation/broken.yaml")));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Resources.Bucket.Properties.BucketNam:")
                .contains("AWS::S3::Bucket has no property BucketNam"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Resources.Queue.Type:")
                .contains("AWS::SQS::Queueue is not a resource type"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Ref to MissingParameter")
                .contains("no parameter, resource or pseudo parameter"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Resources.Attachment.Properties:")
                .contains("requires the property VolumeId"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Resources.Instance.Properties.BlockDeviceMappings[0].Ebs.Size")
                .contains("has no property Size"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Bucket (AWS::S3::Bucket) has no attribute Url"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("${Nowhere}").contains("Ref to Nowhere"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no condition named IsProduction"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Fn::Sbu is not a function"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Resources.Instance.Properties.SecurityGroupIds:")
                .contains("expected a list"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Parameters.Unused: never used"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("circular dependency"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Resources.Volume.DeletionPolicy:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Conditions.HasName")
                .contains("may refer to parameters only, not to the resource Bucket"));
        System.out.println("The broken template's problems, as the check reports them:\n  " + String.join("\n  ", problems));
    }

    @Test
    void readsTheShortFormTags() {
        Map<String, Object> template = CfnTemplateLoader.parse("""
                Resources:
                  R:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !Sub '${AWS::StackName}-${Other.TopicName}'
                      DisplayName: !GetAtt Other.TopicName
                      Tags: [{Key: k, Value: !Ref AWS::Region}]
                """);
        Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) template.get("Resources")).get("R")).get("Properties");
        assertThat(properties.get("TopicName")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-${Other.TopicName}"));
        assertThat(properties.get("DisplayName")).isEqualTo(Map.of("Fn::GetAtt", List.of("Other", "TopicName")));
        assertThat(properties.get("Tags")).isEqualTo(List.of(Map.of("Key", "k", "Value", Map.of("Ref", "AWS::Region"))));
    }
}
