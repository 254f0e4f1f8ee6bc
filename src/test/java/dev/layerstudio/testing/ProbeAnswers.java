package dev.layerstudio.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Lambda probe's recorded answer and the small layer it was recorded on (test resources
 * under {@code dev/layerstudio/aws/probe/}; see RECORDED.txt there), and a stub that answers
 * Invoke with it in a {@link MotoFront}: moto cannot run a function without Docker.
 */
public final class ProbeAnswers {

    /** The Invoke route of Lambda's API: {@code POST /2015-03-31/functions/NAME/invocations}. */
    public static final String INVOKE = "/2015-03-31/functions/[^/]+/invocations";

    private ProbeAnswers() {
    }

    /** The folder holding the layer's content (its {@code python/} folder). */
    public static Path layerDir() {
        try {
            return Path.of(ProbeAnswers.class.getResource("/dev/layerstudio/aws/probe/layer").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The layer as a zip: every file of {@link #layerDir()}, by its path inside the layer. */
    public static byte[] layerZip() {
        Path dir = layerDir();
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.toString().contains("__pycache__"))
                    .toList()) {
                files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Zips.of(files);
    }

    /** The answer the shipped handler gave for the layer, one line of JSON. */
    public static String answer() {
        try (var in = ProbeAnswers.class.getResourceAsStream("/dev/layerstudio/aws/probe/answer.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Invoke through {@code front} is answered with {@link #answer()} after {@code delayMillis}. */
    public static void answerInvoke(MotoFront front, int delayMillis) {
        front.wireMock().stubFor(post(urlPathMatching(INVOKE)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Amz-Executed-Version", "$LATEST")
                .withBody(answer()).withFixedDelay(delayMillis)));
    }
}
