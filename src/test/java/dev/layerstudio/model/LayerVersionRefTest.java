package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LayerVersionRefTest {

    @Test
    void parsesAVersionedArn() {
        LayerVersionRef ref = LayerVersionRef.parse("arn:aws:lambda:eu-west-1:123456789012:layer:my-deps:7");
        assertThat(ref.partition()).isEqualTo("aws");
        assertThat(ref.region()).isEqualTo("eu-west-1");
        assertThat(ref.accountId()).isEqualTo("123456789012");
        assertThat(ref.name()).isEqualTo("my-deps");
        assertThat(ref.version()).isEqualTo(7);
        assertThat(ref.isVersioned()).isTrue();
        assertThat(ref.layerArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:layer:my-deps");
        assertThat(ref.arn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:layer:my-deps:7");
    }

    @Test
    void parsesAnUnversionedArnAndOtherPartitions() {
        LayerVersionRef ref = LayerVersionRef.parse("arn:aws-cn:lambda:cn-north-1:123456789012:layer:x_y");
        assertThat(ref.isVersioned()).isFalse();
        assertThat(ref.partition()).isEqualTo("aws-cn");
        assertThat(ref.withVersion(3).arn()).endsWith(":layer:x_y:3");
        assertThat(ref.sameLayer(ref.withVersion(3))).isTrue();
    }

    @Test
    void refusesWhatIsNotALayerArn() {
        assertThat(LayerVersionRef.tryParse("arn:aws:lambda:us-east-1:123456789012:function:f")).isEmpty();
        assertThat(LayerVersionRef.tryParse("arn:aws:lambda:us-east-1:12345:layer:x:1")).isEmpty();
        assertThat(LayerVersionRef.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> LayerVersionRef.parse("layer.zip"))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("is not a layer ARN");
    }

    @Test
    void validatesNamesAsLambdaDoes() {
        assertThat(LayerVersionRef.validateName("numpy-312_arm")).isEmpty();
        assertThat(LayerVersionRef.validateName("")).contains("A layer name is required.");
        assertThat(LayerVersionRef.validateName("has space")).get().asString().contains("only letters");
        assertThat(LayerVersionRef.validateName("a".repeat(140))).isEmpty();
        assertThat(LayerVersionRef.validateName("a".repeat(141))).get().asString().contains("at most 140");
    }
}
