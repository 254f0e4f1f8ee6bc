package dev.layerstudio.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Lambda's function API in the AWS wire format (REST-JSON, errors with an
 * {@code x-amzn-ErrorType} header and a {@code {"Type": ..., "message": ...}} body), served by
 * WireMock. It keeps functions with layer lists and RevisionIds and behaves as Lambda does
 * where moto does not: pages of ListFunctions with NextMarker (at most 50), 412 on a stale
 * RevisionId, LastUpdateStatus InProgress for a few polls after an update. Faults (409, 429,
 * 500 ...) are added as WireMock stubs of higher priority in front of it.
 */
public final class FakeLambda implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-lambda";
    public static final String ACCOUNT = "123456789012";
    public static final int FAKE_PRIORITY = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTION = Pattern.compile("/2015-03-31/functions/([^/?]+)(/configuration)?/?");

    private final String region;
    private final Map<String, State> functions = new TreeMap<>();
    private final List<Update> updates = new ArrayList<>();
    private int inProgressPolls;

    /** One accepted UpdateFunctionConfiguration. */
    public record Update(String function, List<String> layers, String revisionId) {
    }

    private static final class State {
        List<String> layers;
        String revision = UUID.randomUUID().toString();
        String runtime = "python3.12";
        int pendingPolls;
    }

    public FakeLambda(String region) {
        this.region = region;
    }

    /** Routes every function call of the server to this fake (at low priority). */
    public void install(WireMockServer server) {
        server.stubFor(any(urlPathMatching("/2015-03-31/functions.*")).atPriority(FAKE_PRIORITY)
                .willReturn(aResponse().withTransformers(NAME)));
    }

    public String layerArn(String name, int version) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":layer:" + name + ":" + version;
    }

    public synchronized void put(String function, List<String> layers) {
        State s = functions.computeIfAbsent(function, k -> new State());
        s.layers = List.copyOf(layers);
        s.revision = UUID.randomUUID().toString();
    }

    public synchronized List<String> layers(String function) {
        return functions.get(function).layers;
    }

    public synchronized String revision(String function) {
        return functions.get(function).revision;
    }

    public synchronized List<Update> updates() {
        return List.copyOf(updates);
    }

    /** Pretends another update of the function is in progress for this many reads (updates answer 409). */
    public synchronized void busy(String function, int polls) {
        functions.get(function).pendingPolls = polls;
    }

    /** After each update, report LastUpdateStatus InProgress for this many reads. */
    public synchronized void inProgressPolls(int polls) {
        this.inProgressPolls = polls;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        if ("GET".equals(request.getMethod().getName()) && path.matches("/2015-03-31/functions/?")) {
            return list(request);
        }
        Matcher m = FUNCTION.matcher(path);
        if (!m.matches()) {
            return error(400, "InvalidParameterValueException", "Unknown path " + path);
        }
        String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        if (name.startsWith("arn:")) {
            name = name.substring(name.lastIndexOf(':') + 1);
        }
        State s = functions.get(name);
        if (s == null) {
            return error(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:" + region + ":"
                    + ACCOUNT + ":function:" + name);
        }
        boolean configuration = m.group(2) != null;
        if ("GET".equals(request.getMethod().getName())) {
            ObjectNode config = configuration(name, s, true);
            if (configuration) {
                return ok(config);
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("Configuration", config);
            body.putObject("Code").put("RepositoryType", "S3").put("Location", "https://example.invalid/code.zip");
            return ok(body);
        }
        if ("PUT".equals(request.getMethod().getName()) && configuration) {
            return update(name, s, request.getBodyAsString());
        }
        return error(400, "InvalidParameterValueException", "Unsupported " + request.getMethod() + " " + path);
    }

    private ResponseDefinition update(String name, State s, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String revision = json.path("RevisionId").asText(null);
        if (revision != null && !revision.equals(s.revision)) {
            return error(412, "PreconditionFailedException", "The Revision Id provided does not match the latest"
                    + " Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
        if (s.pendingPolls > 0) {
            return error(409, "ResourceConflictException", "The operation cannot be performed at this time. An"
                    + " update is in progress for resource: arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:"
                    + name);
        }
        if (json.has("Layers")) {
            List<String> layers = new ArrayList<>();
            json.get("Layers").forEach(l -> layers.add(l.asText()));
            if (layers.size() > 5) {
                return error(400, "InvalidParameterValueException", "Cannot reference more than 5 layers.");
            }
            s.layers = List.copyOf(layers);
        }
        s.revision = UUID.randomUUID().toString();
        s.pendingPolls = inProgressPolls;
        updates.add(new Update(name, s.layers, revision));
        return ok(configuration(name, s, false));
    }

    private ResponseDefinition list(Request request) {
        QueryParameter maxParam = request.queryParameter("MaxItems");
        int max = maxParam.isPresent() ? Integer.parseInt(maxParam.firstValue()) : 50;
        if (max < 1 || max > 50) {
            return error(400, "InvalidParameterValueException", "MaxItems must be between 1 and 50.");
        }
        QueryParameter markerParam = request.queryParameter("Marker");
        int start = markerParam.isPresent() ? Integer.parseInt(markerParam.firstValue().substring("page-".length()))
                : 0;
        List<String> names = new ArrayList<>(functions.keySet());
        ObjectNode body = JSON.createObjectNode();
        ArrayNode page = body.putArray("Functions");
        int end = Math.min(names.size(), start + max);
        for (int i = start; i < end; i++) {
            page.add(configuration(names.get(i), functions.get(names.get(i)), false));
        }
        if (end < names.size()) {
            body.put("NextMarker", "page-" + end);
        }
        return ok(body);
    }

    private ObjectNode configuration(String name, State s, boolean poll) {
        ObjectNode c = JSON.createObjectNode();
        c.put("FunctionName", name);
        c.put("FunctionArn", "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name);
        c.put("Runtime", s.runtime);
        c.put("Role", "arn:aws:iam::" + ACCOUNT + ":role/fake");
        c.put("Handler", "lambda_function.handler");
        c.put("CodeSize", 321);
        c.put("State", "Active");
        c.put("PackageType", "Zip");
        c.putArray("Architectures").add("x86_64");
        ArrayNode layers = c.putArray("Layers");
        s.layers.forEach(l -> layers.addObject().put("Arn", l).put("CodeSize", 1000));
        c.put("RevisionId", s.revision);
        if (s.pendingPolls > 0) {
            c.put("LastUpdateStatus", "InProgress");
            if (poll) {
                s.pendingPolls--;
            }
        } else {
            c.put("LastUpdateStatus", "Successful");
        }
        return c;
    }

    private static ResponseDefinition ok(JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body.toString()).build();
    }

    /** An error as Lambda sends it. */
    public static ResponseDefinition error(int status, String type, String message) {
        return errorResponse(status, type, message).build();
    }

    /** An error as Lambda sends it, for stubs. */
    public static ResponseDefinitionBuilder errorResponse(int status, String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("Type", status >= 500 ? "Service" : "User");
        body.put("message", message);
        if (status == 429) {
            body.put("Reason", "CallerRateLimitExceeded");
        }
        ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(body.toString());
        if (status == 429) {
            b.withHeader("Retry-After", "0");
        }
        return b;
    }
}
