package dev.layerstudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The front's JSON rewrite and Range parsing, on the cases a live moto does not produce. */
class FrontPartsTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:x:1";

    @Test
    void onlyBareLocationsOfKeptVersionsAreReplacedAndOtherAnswersStayByteForByte() {
        byte[] list = ("{\"LayerVersions\": [{\"LayerVersionArn\": \"" + ARN + "\", \"Content\": {\"Location\": \"s3://\","
                + " \"CodeSha256\": \"abc\", \"CodeSize\": 7}}, {\"LayerVersionArn\": \"" + ARN.replace(":1", ":2")
                + "\", \"Content\": {\"Location\": \"s3://\"}}]}").getBytes(StandardCharsets.UTF_8);
        String out = new String(ContentLinks.rewrite(list, arn -> arn.equals(ARN) ? Optional.of("http://front/x")
                : Optional.empty()), StandardCharsets.UTF_8);
        assertThat(out).contains("\"Location\":\"http://front/x\",\"CodeSha256\":\"abc\",\"CodeSize\":7")
                .contains("\"Location\":\"s3://\"");

        byte[] unknown = list.clone();
        assertThat(ContentLinks.rewrite(unknown, arn -> Optional.empty())).isSameAs(unknown);
        byte[] notJson = "<Error/>".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentLinks.rewrite(notJson, arn -> Optional.of("x"))).isSameAs(notJson);
        byte[] realUrl = ("{\"LayerVersionArn\": \"" + ARN + "\", \"Content\": {\"Location\": \"https://s3/x\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ContentLinks.rewrite(realUrl, arn -> Optional.of("x"))).isSameAs(realUrl);
    }

    @Test
    void readsThePublishRequestsSourceEitherWay() {
        assertThat(ContentLinks.source("{\"Content\":{\"ZipFile\":\"UEsFBg==\"}}".getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(s -> assertThat(s.zipFile()).containsExactly('P', 'K', 5, 6));
        assertThat(ContentLinks.source("{\"Content\":{\"S3Bucket\":\"b\",\"S3Key\":\"k/z.zip\"}}"
                .getBytes(StandardCharsets.UTF_8))).hasValueSatisfying(s -> {
                    assertThat(s.bucket()).isEqualTo("b");
                    assertThat(s.key()).isEqualTo("k/z.zip");
                    assertThat(s.objectVersion()).isNull();
                });
        assertThat(ContentLinks.source("{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aZipNearTheDirectUploadLimitIsReadFromItsRequest() {
        // 45 MB of zip are 60 million base64 characters: three times Jackson's default longest string
        byte[] zip = new byte[45 * 1024 * 1024];
        new java.util.Random(7).nextBytes(zip);
        byte[] request = ("{\"LayerName\":\"big\",\"Content\":{\"ZipFile\":\""
                + java.util.Base64.getEncoder().encodeToString(zip) + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertThat(ContentLinks.source(request)).hasValueSatisfying(s -> assertThat(s.zipFile()).isEqualTo(zip));
    }

    @Test
    void rangesAsS3ReadsThem() {
        assertThat(RangeResponder.range(null, 100)).isNull();
        assertThat(RangeResponder.range("bytes=0-9", 100)).containsExactly(0, 9);
        assertThat(RangeResponder.range("bytes=90-200", 100)).containsExactly(90, 99);
        assertThat(RangeResponder.range("bytes=95-", 100)).containsExactly(95, 99);
        assertThat(RangeResponder.range("bytes=-65536", 100)).containsExactly(0, 99);
        assertThat(RangeResponder.range("bytes=-10", 100)).containsExactly(90, 99);
        assertThat(RangeResponder.range("bytes=100-", 100)).isEmpty();
        assertThat(RangeResponder.range("bytes=-0", 100)).isEmpty();
        assertThat(RangeResponder.range("bytes=9-3", 100)).isNull();
        assertThat(RangeResponder.range("bytes=0-1,5-6", 100)).isNull();
        assertThat(RangeResponder.range("items=0-1", 100)).isNull();
    }
}
