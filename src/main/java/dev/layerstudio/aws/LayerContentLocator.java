package dev.layerstudio.aws;

import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentOutput;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Finds where a published layer version's zip can be downloaded: GetLayerVersion (with
 * the layer's ARN as its name, which works across accounts and in moto, unlike
 * GetLayerVersionByArn) gives a pre-signed {@code Content.Location}, its CodeSha256 and
 * CodeSize.
 *
 * <p>Some stand-ins answer with {@code s3://bucket/key} instead of a URL; that object is
 * then pre-signed for GetObject against the session's own endpoint (path-style), so
 * versions published to LocalStack or moto can be inspected too.
 */
public final class LayerContentLocator {

    private static final Duration PRESIGN_FOR = Duration.ofMinutes(10);

    public LayerContentLocation locate(AwsSession session, String layerVersionArn) {
        LayerVersionRef ref = LayerVersionRef.parse(layerVersionArn);
        if (!ref.isVersioned()) {
            throw new LayerStudioException("'" + layerVersionArn + "' names a layer, not one of its versions.",
                    "Add the version number: " + ref.layerArn() + ":N.", null);
        }
        GetLayerVersionResponse r;
        if (ref.region().equals(session.region())) {
            r = getLayerVersion(session, ref);
        } else {
            try (AwsSession there = session.inRegion(ref.region())) {
                r = getLayerVersion(there, ref);
            }
        }
        LayerVersionContentOutput content = r.content();
        if (content == null || content.location() == null || content.location().isBlank()) {
            throw noLocation(ref);
        }
        URI url = url(session, content.location().trim(), ref);
        return new LayerContentLocation(ref.arn(), url, content.codeSha256(),
                content.codeSize() == null ? -1 : content.codeSize());
    }

    /**
     * Where a version already read with GetLayerVersion can be downloaded, without asking again
     * (its location is read afresh only when the description has none).
     */
    public LayerContentLocation locate(AwsSession session, LayerVersionInfo version) {
        if (version.location() == null || version.location().isBlank()) {
            return locate(session, version.arn());
        }
        return new LayerContentLocation(version.arn(), url(session, version.location().trim(), version.ref()),
                version.codeSha256(), version.codeSize());
    }

    private static GetLayerVersionResponse getLayerVersion(AwsSession session, LayerVersionRef ref) {
        try {
            return session.lambda().getLayerVersion(b -> b.layerName(ref.layerArn()).versionNumber(ref.version()));
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "read layer version " + ref.name() + ":" + ref.version());
        }
    }

    private static URI url(AwsSession session, String location, LayerVersionRef ref) {
        String scheme = location.contains(":") ? location.substring(0, location.indexOf(':')).toLowerCase(Locale.ROOT)
                : "";
        if (scheme.equals("http") || scheme.equals("https")) {
            return URI.create(location);
        }
        if (!scheme.equals("s3")) {
            throw noLocation(ref);
        }
        String path = location.substring("s3://".length());
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw noLocation(ref);
        }
        String bucket = path.substring(0, slash);
        String key = path.substring(slash + 1);
        var builder = S3Presigner.builder().credentialsProvider(session.credentials())
                .region(Region.of(ref.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        session.endpoint().ifPresent(builder::endpointOverride);
        try (S3Presigner presigner = builder.build()) {
            return URI.create(presigner.presignGetObject(p -> p.signatureDuration(PRESIGN_FOR)
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "make a download link for layer version " + ref.name() + ":" + ref.version());
        }
    }

    private static LayerStudioException noLocation(LayerVersionRef ref) {
        return new LayerStudioException("The service gave no downloadable location for layer version "
                + ref.name() + ":" + ref.version() + ".",
                "Inspect the zip it was published from instead (moto, for one, serves no layer content).", null);
    }
}
