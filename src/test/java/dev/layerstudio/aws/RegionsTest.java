package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionsTest {

    @TempDir
    Path dir;

    @Test
    void lambdaRegionsComeFromTheSdkMetadata() {
        assertThat(Regions.lambdaRegions()).contains("us-east-1", "eu-west-1", "ap-southeast-2").isSorted()
                .noneMatch(r -> r.startsWith("cn-") || r.startsWith("us-gov-") || r.startsWith("aws-global")
                        || r.contains("fips"));
        assertThat(Regions.isLambdaRegion("eu-central-1")).isTrue();
        assertThat(Regions.isLambdaRegion("moon-east-1")).isFalse();
    }

    @Test
    void theProfilesRegionComesFirst() {
        assertThat(Regions.lambdaRegions("eu-west-3")).first().isEqualTo("eu-west-3");
        assertThat(Regions.lambdaRegions("eu-west-3")).hasSize(Regions.lambdaRegions().size()).doesNotHaveDuplicates();
        assertThat(Regions.lambdaRegions("xx-new-1")).first().isEqualTo("xx-new-1");
        assertThat(Regions.lambdaRegions(null)).isEqualTo(Regions.lambdaRegions());
    }

    @Test
    void regionMemoryKeepsTheLastChoicePerConnection() throws Exception {
        Path file = dir.resolve("settings").resolve("regions.json");
        RegionMemory memory = new RegionMemory(file);
        assertThat(memory.recall("profile:dev")).isEmpty();
        memory.remember("profile:dev", "eu-west-1");
        memory.remember("profile:prod", "us-east-2");
        memory.remember("profile:dev", "eu-north-1");
        RegionMemory again = new RegionMemory(file);
        assertThat(again.recall("profile:dev")).contains("eu-north-1");
        assertThat(again.recall("profile:prod")).contains("us-east-2");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aBrokenSettingsFileIsIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("regions.json"), "{oops");
        RegionMemory memory = new RegionMemory(file);
        assertThat(memory.recall("profile:dev")).isEmpty();
        memory.remember("profile:dev", "eu-west-1");
        assertThat(memory.recall("profile:dev")).contains("eu-west-1");
    }
}
