package dev.layerstudio.aws;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * The SSO portal and SSO OIDC clients, one per region, sharing one HTTP client.
 * Both are called without AWS credentials (the portal takes the access token in a
 * header; OIDC calls are unsigned). The endpoints can be overridden (tests point them
 * at WireMock); otherwise the SDK picks them, honouring AWS_ENDPOINT_URL_SSO and
 * AWS_ENDPOINT_URL_SSO_OIDC.
 */
final class SsoClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final URI portalEndpoint;
    private final URI oidcEndpoint;
    private final Supplier<ProfileFile> profileFile;
    private final Map<String, SsoClient> portals = new HashMap<>();
    private final Map<String, SsoOidcClient> oidcs = new HashMap<>();
    private boolean closed;

    SsoClients(URI portalEndpoint, URI oidcEndpoint, Supplier<ProfileFile> profileFile) {
        this.portalEndpoint = portalEndpoint;
        this.oidcEndpoint = oidcEndpoint;
        this.profileFile = profileFile;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    synchronized SsoClient portal(String region) {
        ensureOpen();
        return portals.computeIfAbsent(region, r -> {
            var b = SsoClient.builder().httpClient(http).region(Region.of(r))
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(this::configure);
            if (portalEndpoint != null) {
                b.endpointOverride(portalEndpoint);
            }
            return b.build();
        });
    }

    synchronized SsoOidcClient oidc(String region) {
        ensureOpen();
        return oidcs.computeIfAbsent(region, r -> {
            var b = SsoOidcClient.builder().httpClient(http).region(Region.of(r))
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(this::configure);
            if (oidcEndpoint != null) {
                b.endpointOverride(oidcEndpoint);
            }
            return b.build();
        });
    }

    private void configure(ClientOverrideConfiguration.Builder o) {
        o.retryStrategy(RetryMode.STANDARD).defaultProfileFileSupplier(profileFile)
                .scheduledExecutorService(SdkTimers.shared());
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The SSO clients were closed.");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        portals.values().forEach(SsoClient::close);
        oidcs.values().forEach(SsoOidcClient::close);
        http.close();
    }
}
