package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Zips;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(MotoExtension.class)
class LayerContentLocatorTest {

    private final LayerContentLocator locator = new LayerContentLocator();

    @Test
    void motosBareS3LocationIsNotDownloadableAndSaysSo(MotoServer moto) {
        try (AwsSession session = moto.session()) {
            var layer = new MotoFixtures(moto, session.lambda()).publishLayer("bare", Map.of("python/a.py", "A = 1\n"),
                    "python3.12");
            assertThatThrownBy(() -> locator.locate(session, layer.layerVersionArn()))
                    .isInstanceOf(LayerStudioException.class)
                    .hasMessage("The service gave no downloadable location for layer version bare:1.");
        }
    }

    @Test
    void anS3LocationIsPresignedPathStyleAgainstTheSessionsEndpoint(MotoServer moto) throws Exception {
        byte[] zip = Zips.layer("six", "X = 1\n");
        try (AwsSession direct = moto.session(); MotoFront front = new MotoFront(moto);
             AwsSession session = front.session()) {
            direct.s3().createBucket(b -> b.bucket("layer-content"));
            direct.s3().putObject(b -> b.bucket("layer-content").key("layers/six.zip"), RequestBody.fromBytes(zip));
            var published = direct.lambda().publishLayerVersion(b -> b.layerName("six")
                    .content(c -> c.s3Bucket("layer-content").s3Key("layers/six.zip")));
            front.layerLocation("six", published.version(), "s3://layer-content/layers/six.zip");

            LayerContentLocation where = locator.locate(session, published.layerVersionArn());
            assertThat(where.layerVersionArn()).isEqualTo(published.layerVersionArn());
            assertThat(where.codeSha256()).isEqualTo(published.content().codeSha256());
            assertThat(where.codeSize()).isEqualTo(zip.length);
            assertThat(where.url().getPath()).isEqualTo("/layer-content/layers/six.zip");
            assertThat(where.url().getAuthority()).isEqualTo(front.endpoint().getAuthority());
            assertThat(where.url().getQuery()).contains("X-Amz-Signature=", "X-Amz-Expires=600");

            HttpResponse<byte[]> body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(where.url()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(body.body()).isEqualTo(zip);
        }
    }

    @Test
    void anHttpLocationIsUsedAsItIs(MotoServer moto) throws Exception {
        try (AwsSession direct = moto.session(); MotoFront front = new MotoFront(moto);
             AwsSession session = front.session()) {
            var layer = new MotoFixtures(moto, direct.lambda()).publishLayer("plainurl",
                    Map.of("python/a.py", "A = 1\n"), "python3.12");
            String url = "https://awslambda-us-east-1-layers.s3.us-east-1.amazonaws.com/snapshots/x?X-Amz-Signature=abc";
            front.layerLocation("plainurl", 1, url);
            assertThat(locator.locate(session, layer.layerVersionArn()).url()).hasToString(url);
        }
    }

    @Test
    void aLayerArnWithoutVersionIsRefused(MotoServer moto) {
        try (AwsSession session = moto.session()) {
            assertThatThrownBy(() -> locator.locate(session, "arn:aws:lambda:us-east-1:123456789012:layer:six"))
                    .isInstanceOf(LayerStudioException.class).hasMessageContaining("not one of its versions");
        }
    }
}
