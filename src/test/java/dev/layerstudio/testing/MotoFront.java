package dev.layerstudio.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * WireMock in front of moto: every call goes through to moto, except GetLayerVersion of
 * one version, whose answer (moto's own, in the Lambda wire format) carries the
 * {@code Content.Location} a real service or LocalStack would give instead of moto's
 * bare {@code "s3://"}. Everything it proxies, S3 GETs with Range included, is recorded.
 */
public final class MotoFront implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final MotoServer moto;

    public MotoFront(MotoServer moto) {
        this.moto = moto;
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
    }

    public URI endpoint() {
        return URI.create(server.baseUrl());
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** Answers GetLayerVersion of {@code layerName}:{@code version} as moto does, but with {@code location}. */
    public void layerLocation(String layerName, long version, String location) throws IOException, InterruptedException {
        HttpResponse<String> real = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                moto.endpoint().resolve("/2018-10-31/layers/" + layerName + "/versions/" + version))
                        // moto picks the service from the credential scope; it does not check the signature
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20250101/" + MotoServer.REGION
                                + "/lambda/aws4_request, SignedHeaders=host, Signature=0").build(),
                HttpResponse.BodyHandlers.ofString());
        if (real.statusCode() != 200 || !real.body().contains("\"s3://\"")) {
            throw new IOException("moto answered GetLayerVersion with " + real.statusCode() + ": " + real.body());
        }
        server.stubFor(get(urlPathMatching("/2018-10-31/layers/[^/]*" + layerName + "/versions/" + version))
                .atPriority(1).willReturn(okJson(real.body().replace("\"s3://\"", "\"" + location + "\""))));
    }

    /** A session against this front, otherwise as against moto. */
    public dev.layerstudio.aws.AwsSession session() {
        return dev.layerstudio.aws.AwsSession.builder().credentials(MotoServer.credentials())
                .region(MotoServer.REGION).endpoint(endpoint()).build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
