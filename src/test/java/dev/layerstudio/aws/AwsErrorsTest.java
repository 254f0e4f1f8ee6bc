package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.LayerStudioException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

    private static AwsServiceException service(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void aSkewedClockSaysToSetTheClock() {
        var e = (LayerStudioException) AwsErrors.translate(service(403, "SignatureDoesNotMatch",
                "Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z"), "list the layers");
        assertThat(e.getMessage()).isEqualTo("Could not list the layers: this computer's clock is too far from AWS's time.");
        assertThat(e.hint()).contains("clock");
        assertThat(AwsErrors.translate(service(400, "RequestExpired", "Request has expired"), "x").getMessage())
                .contains("clock");
    }

    @Test
    void expiredCredentialsSayToSignInAgain() {
        var e = (LayerStudioException) AwsErrors.translate(service(400, "ExpiredTokenException", "expired"), "x");
        assertThat(e.hint()).contains("Sign in again");
    }

    @Test
    void aPlainSentenceInsideTheSdksWrappingIsKept() {
        LayerStudioException inner = new LayerStudioException("You are not signed in to SSO session 'corp'.");
        RuntimeException wrapped = SdkClientException.builder().message("Unable to load credentials").cause(inner).build();
        assertThat(AwsErrors.translate(wrapped, "x")).isSameAs(inner);
    }

    @Test
    void anUnreachableEndpoint() {
        RuntimeException e = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused")).build();
        assertThat(AwsErrors.translate(e, "connect with profile 'dev'").getMessage())
                .isEqualTo("Could not connect with profile 'dev': the endpoint cannot be reached (Connection refused).");
    }
}
