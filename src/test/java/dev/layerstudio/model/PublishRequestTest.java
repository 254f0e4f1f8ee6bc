package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishRequestTest {

    private final PublishRequest ok = PublishRequest.of(Path.of("layer.zip"), "my-layer_1");

    @Test
    void aPlainRequestHasNoProblems() {
        assertThat(ok.withRuntimes(List.of("python3.12")).withArchitectures(List.of("arm64")).problems()).isEmpty();
    }

    @Test
    void everyLimitIsCheckedBeforeTheCall() {
        PublishRequest bad = PublishRequest.of(Path.of("l.zip"), "bad name")
                .withDescription("d".repeat(257))
                .withLicense("l".repeat(513))
                .withRuntimes(Collections.nCopies(16, "python3.12"))
                .withArchitectures(List.of("x86_64", "arm64", "sparc"))
                .withS3Bucket("Bad_Bucket", false);
        assertThat(bad.problems()).hasSize(8);
        assertThatThrownBy(bad::validated).isInstanceOf(LayerStudioException.class).hasMessageContaining("257");
    }

    @Test
    void theBucketNameMayNameTheRegion() {
        PublishRequest r = ok.withS3Bucket("layers-{region}", true);
        assertThat(r.problems()).isEmpty();
        assertThat(r.bucketFor("eu-west-1")).isEqualTo("layers-eu-west-1");
    }

    @Test
    void shareTargetsAreValidated() {
        assertThat(ShareTarget.account("111122223333").principal()).isEqualTo("111122223333");
        assertThat(ShareTarget.organization("o-abcdefghij").principal()).isEqualTo("*");
        assertThat(ShareTarget.organization("o-abcdefghij").organizationId()).isEqualTo("o-abcdefghij");
        assertThat(ShareTarget.everyone().principal()).isEqualTo("*");
        assertThatThrownBy(() -> ShareTarget.account("123")).isInstanceOf(LayerStudioException.class);
        assertThatThrownBy(() -> ShareTarget.organization("o-short")).isInstanceOf(LayerStudioException.class);
        assertThatThrownBy(() -> ShareTarget.organization("o-ABCDEFGHIJ")).isInstanceOf(LayerStudioException.class);
    }
}
