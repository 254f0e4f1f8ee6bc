package dev.layerstudio.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.stream.Collectors;

/**
 * WireMock stubs of the IAM Identity Center portal and SSO OIDC in the AWS wire format
 * (REST-JSON, as the SDK's service model defines them):
 * <ul>
 * <li>portal: {@code GET /assignment/accounts?next_token&max_result},
 *     {@code GET /assignment/roles?account_id&next_token&max_result},
 *     {@code GET /federation/credentials?account_id&role_name}, the token in the
 *     {@code x-amz-sso_bearer_token} header; errors carry {@code x-amzn-ErrorType}</li>
 * <li>OIDC: {@code POST /client/register}, {@code POST /device_authorization},
 *     {@code POST /token}; errors such as {@code {"error":"authorization_pending"}}
 *     with {@code x-amzn-ErrorType: AuthorizationPendingException}</li>
 * </ul>
 */
public final class SsoStubs {

    public static final String BEARER = "x-amz-sso_bearer_token";

    private final WireMockServer server;

    public SsoStubs(WireMockServer server) {
        this.server = server;
    }

    public record Account(String id, String name, String email) {
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder error(int status, String type, String body) {
        return json(status, body).withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/");
    }

    /** Accounts in pages of {@code pageSize}, linked by nextToken "page-N". */
    public void accounts(String token, int pageSize, List<Account> accounts) {
        int pages = Math.max(1, (accounts.size() + pageSize - 1) / pageSize);
        for (int page = 0; page < pages; page++) {
            List<Account> slice = accounts.subList(page * pageSize, Math.min(accounts.size(), (page + 1) * pageSize));
            String items = slice.stream().map(a -> "{\"accountId\":\"" + a.id() + "\",\"accountName\":\"" + a.name()
                    + "\",\"emailAddress\":\"" + a.email() + "\"}").collect(Collectors.joining(","));
            String next = page + 1 < pages ? ",\"nextToken\":\"page-" + (page + 1) + "\"" : "";
            MappingBuilder m = get(urlPathEqualTo("/assignment/accounts")).withHeader(BEARER, equalTo(token));
            m = page == 0 ? m.withQueryParam("next_token", absent())
                    : m.withQueryParam("next_token", equalTo("page-" + page));
            server.stubFor(m.willReturn(json(200, "{\"accountList\":[" + items + "]" + next + "}")));
        }
    }

    /** One account's roles in pages of {@code pageSize}. */
    public void roles(String token, String accountId, int pageSize, List<String> roles) {
        int pages = Math.max(1, (roles.size() + pageSize - 1) / pageSize);
        for (int page = 0; page < pages; page++) {
            List<String> slice = roles.subList(page * pageSize, Math.min(roles.size(), (page + 1) * pageSize));
            String items = slice.stream().map(r -> "{\"roleName\":\"" + r + "\",\"accountId\":\"" + accountId + "\"}")
                    .collect(Collectors.joining(","));
            String next = page + 1 < pages ? ",\"nextToken\":\"" + accountId + "-roles-" + (page + 1) + "\"" : "";
            MappingBuilder m = get(urlPathEqualTo("/assignment/roles")).withHeader(BEARER, equalTo(token))
                    .withQueryParam("account_id", equalTo(accountId));
            m = page == 0 ? m.withQueryParam("next_token", absent())
                    : m.withQueryParam("next_token", equalTo(accountId + "-roles-" + page));
            server.stubFor(m.willReturn(json(200, "{\"roleList\":[" + items + "]" + next + "}")));
        }
    }

    /** Role credentials expiring at {@code expirationMillis} (epoch milliseconds, as the portal sends them). */
    public void roleCredentials(String token, String accountId, String role, String keyId, long expirationMillis) {
        roleCredentials(token, accountId, role, keyId, "sso-secret", "sso-session-token", expirationMillis);
    }

    /** Role credentials with a chosen secret key and session token. */
    public void roleCredentials(String token, String accountId, String role, String keyId, String secretKey,
                                String sessionToken, long expirationMillis) {
        server.stubFor(get(urlPathEqualTo("/federation/credentials")).withHeader(BEARER, equalTo(token))
                .withQueryParam("account_id", equalTo(accountId)).withQueryParam("role_name", equalTo(role))
                .willReturn(json(200, "{\"roleCredentials\":{\"accessKeyId\":\"" + keyId
                        + "\",\"secretAccessKey\":\"" + secretKey + "\",\"sessionToken\":\"" + sessionToken + "\","
                        + "\"expiration\":" + expirationMillis + "}}")));
    }

    /** Every portal call with this token answers 401, as for an expired or revoked sign-in. */
    public void portalRejects(String token) {
        for (String path : List.of("/assignment/accounts", "/assignment/roles", "/federation/credentials")) {
            server.stubFor(get(urlPathEqualTo(path)).withHeader(BEARER, equalTo(token)).atPriority(1)
                    .willReturn(error(401, "UnauthorizedException",
                            "{\"message\":\"Session token not found or invalid\"}")));
        }
    }

    public void registerClient(String clientId, String clientSecret, long secretExpiresAtEpochSeconds) {
        server.stubFor(post(urlPathEqualTo("/client/register"))
                .willReturn(json(200, "{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + clientSecret
                        + "\",\"clientIdIssuedAt\":1700000000,\"clientSecretExpiresAt\":" + secretExpiresAtEpochSeconds
                        + "}")));
    }

    public void deviceAuthorization(String startUrl, String deviceCode, String userCode, int interval) {
        server.stubFor(post(urlPathEqualTo("/device_authorization"))
                .withRequestBody(matchingJsonPath("$.startUrl", equalTo(startUrl)))
                .willReturn(json(200, "{\"deviceCode\":\"" + deviceCode + "\",\"userCode\":\"" + userCode
                        + "\",\"verificationUri\":\"https://device.sso.example.com/\","
                        + "\"verificationUriComplete\":\"https://device.sso.example.com/?user_code=" + userCode
                        + "\",\"expiresIn\":600,\"interval\":" + interval + "}")));
    }

    /** The device token poll answers each of {@code steps} in turn, then keeps answering the last. */
    public void tokenPolls(String deviceCode, ResponseDefinitionBuilder... steps) {
        String scenario = "poll-" + deviceCode;
        for (int i = 0; i < steps.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step-" + i;
            ScenarioMappingBuilder m = post(urlPathEqualTo("/token"))
                    .withRequestBody(matchingJsonPath("$.deviceCode", equalTo(deviceCode)))
                    .inScenario(scenario).whenScenarioStateIs(state);
            m.willReturn(steps[i]);
            if (i + 1 < steps.length) {
                m = m.willSetStateTo("step-" + (i + 1));
            }
            server.stubFor(m);
        }
    }

    public static ResponseDefinitionBuilder pending() {
        return error(400, "AuthorizationPendingException",
                "{\"error\":\"authorization_pending\",\"error_description\":\"Authorization is still pending\"}");
    }

    public static ResponseDefinitionBuilder slowDown() {
        return error(400, "SlowDownException", "{\"error\":\"slow_down\",\"error_description\":\"Slow down\"}");
    }

    public static ResponseDefinitionBuilder expiredCode() {
        return error(400, "ExpiredTokenException", "{\"error\":\"expired_token\",\"error_description\":\"Expired\"}");
    }

    public static ResponseDefinitionBuilder denied() {
        return error(400, "AccessDeniedException", "{\"error\":\"access_denied\",\"error_description\":\"Denied\"}");
    }

    public static ResponseDefinitionBuilder token(String accessToken, int expiresIn, String refreshToken) {
        return json(200, "{\"accessToken\":\"" + accessToken + "\",\"tokenType\":\"Bearer\",\"expiresIn\":"
                + expiresIn + (refreshToken == null ? "" : ",\"refreshToken\":\"" + refreshToken + "\"") + "}");
    }

    /** A refresh_token grant that returns a new access token. */
    public void refresh(String refreshToken, String newAccessToken, int expiresIn) {
        server.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(equalToJson("{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + refreshToken
                        + "\"}", true, true))
                .willReturn(token(newAccessToken, expiresIn, refreshToken + "-2")));
    }
}
