package dev.layerstudio.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Network and service faults a {@link MotoFront} injects in front of moto: for the first
 * N matching calls (a WireMock scenario, then calls go through to moto again) or for every one.
 */
public final class Faults {

    /** What goes wrong. */
    public enum Kind {
        /** The connection is reset before any answer. */
        CONNECTION_RESET,
        /** The connection closes without an answer. */
        EMPTY_RESPONSE,
        /** Moto does the call, but its answer comes later than the client waits. */
        TIMEOUT,
        /** 500 with the service's error body. */
        SERVER_ERROR_500,
        /** 503 with the service's error body. */
        UNAVAILABLE_503,
        /** Lambda: 429 TooManyRequestsException; S3: 503 SlowDown. */
        THROTTLING
    }

    /** Which wire format the error bodies take. */
    public enum Service {
        LAMBDA, S3
    }

    private final MotoFront front;
    private final URI moto;
    private final long timeoutDelayMillis;
    private int scenarios;

    public Faults(MotoFront front, URI moto, long timeoutDelayMillis) {
        this.front = front;
        this.moto = moto;
        this.timeoutDelayMillis = timeoutDelayMillis;
    }

    /** Answers the first {@code times} calls matching {@code request} with the fault (times below 0: every call). */
    public void inject(Supplier<MappingBuilder> request, Kind kind, Service service, int times) {
        if (times < 0) {
            front.wireMock().stubFor(request.get().atPriority(1).willReturn(response(kind, service)));
            return;
        }
        String scenario = "fault-" + (++scenarios);
        for (int i = 0; i < times; i++) {
            String state = i == 0 ? Scenario.STARTED : "failed-" + i;
            front.wireMock().stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
                    .willSetStateTo(i + 1 < times ? "failed-" + (i + 1) : "passing")
                    .willReturn(response(kind, service)));
        }
    }

    /** How many calls were answered with an injected fault since the last {@link #clear()}. */
    public long served() {
        return front.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getStubMapping() != null && Integer.valueOf(1).equals(e.getStubMapping().getPriority()))
                .count();
    }

    /** Removes every injected fault; calls go through to moto again. */
    public void clear() {
        front.wireMock().resetRequests();
        front.wireMock().getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() == 1)
                .toList().forEach(front.wireMock()::removeStub);
        front.wireMock().resetScenarios();
    }

    public ResponseDefinitionBuilder response(Kind kind, Service service) {
        return switch (kind) {
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case TIMEOUT -> aResponse().proxiedFrom(moto.toString()).withFixedDelay((int) timeoutDelayMillis);
            case SERVER_ERROR_500 -> service == Service.LAMBDA
                    ? lambdaError(500, "ServiceException", "{\"Type\":\"Service\",\"message\":\"Internal failure\"}")
                    : s3Error(500, "InternalError", "We encountered an internal error. Please try again.");
            case UNAVAILABLE_503 -> service == Service.LAMBDA
                    ? lambdaError(503, "ServiceUnavailableException",
                            "{\"Type\":\"Service\",\"message\":\"Service unavailable\"}")
                    : s3Error(503, "ServiceUnavailable", "Service is unable to handle request.");
            case THROTTLING -> service == Service.LAMBDA
                    ? lambdaError(429, "TooManyRequestsException", "{\"Type\":\"User\",\"message\":\"Rate exceeded\"}")
                    : s3Error(503, "SlowDown", "Please reduce your request rate.");
        };
    }

    private static ResponseDefinitionBuilder lambdaError(int status, String type, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type).withBody(body);
    }

    private static ResponseDefinitionBuilder s3Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><RequestId>fault</RequestId></Error>");
    }
}
