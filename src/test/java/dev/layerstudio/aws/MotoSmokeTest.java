package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Identity;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.lambda.model.Layer;

/** The SDK path end to end against moto: role, function, layer, attach, read back. */
@ExtendWith(MotoExtension.class)
class MotoSmokeTest {

    @Test
    void publishesALayerAndAttachesItToAFunction(MotoServer moto) {
        try (AwsSession session = moto.session()) {
            Identity me = session.whoAmI();
            assertThat(me.accountId()).isEqualTo(MotoServer.ACCOUNT);

            MotoFixtures fixtures = new MotoFixtures(moto, session.lambda());
            var fn = fixtures.createFunction("smoke-fn", "python3.12", List.of());
            assertThat(fn.layers()).isEmpty();

            var layer = fixtures.publishLayer("smoke-layer", Map.of("python/hello.py", "X = 1\n"), "python3.12");
            assertThat(layer.version()).isEqualTo(1L);
            assertThat(layer.content().codeSha256()).isNotBlank();

            session.lambda().updateFunctionConfiguration(b -> b.functionName("smoke-fn")
                    .layers(layer.layerVersionArn()));

            var after = session.lambda().getFunctionConfiguration(b -> b.functionName("smoke-fn"));
            assertThat(after.layers()).extracting(Layer::arn).containsExactly(layer.layerVersionArn());
        }
    }
}
