package dev.layerstudio.aws;

import dev.layerstudio.model.InventoryFailure;
import dev.layerstudio.model.InventoryFailure.Reason;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Sorts what stopped a part of the inventory into the reasons a user acts on. */
final class InventoryFailures {

    /** What AWS answers in a region the account has not enabled (the token is unknown there). */
    private static final Set<String> NOT_ENABLED = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "AuthFailure", "OptInRequired");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "ForbiddenException",
            "UnauthorizedException", "ExpiredToken", "ExpiredTokenException");

    private InventoryFailures() {
    }

    /**
     * @param e            what was thrown
     * @param action       what was being done, as a verb phrase
     * @param credentialsOk whether the account's credentials were already accepted elsewhere: then a
     *                     token the region does not know means the region is not enabled
     */
    static InventoryFailure classify(RuntimeException e, String action, boolean credentialsOk) {
        String message = AwsErrors.translate(e, action).getMessage();
        AwsServiceException service = find(e, AwsServiceException.class);
        if (service != null) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (service.isThrottlingException() || service.statusCode() == 429) {
                return new InventoryFailure(Reason.THROTTLED, message);
            }
            if (code != null && NOT_ENABLED.contains(code)) {
                return credentialsOk
                        ? new InventoryFailure(Reason.REGION_DISABLED, "The region is not enabled for this account"
                                + " (AWS did not know its credentials there: " + code + ").")
                        : new InventoryFailure(Reason.NO_ACCESS, message);
            }
            if (service.statusCode() == 401 || service.statusCode() == 403 || code != null && DENIED.contains(code)) {
                return new InventoryFailure(Reason.NO_ACCESS, message);
            }
            return new InventoryFailure(Reason.OTHER, message);
        }
        if (find(e, ApiCallTimeoutException.class) != null || find(e, ApiCallAttemptTimeoutException.class) != null
                || find(e, java.io.IOException.class) != null) {
            return new InventoryFailure(Reason.UNREACHABLE, message);
        }
        if (find(e, SdkClientException.class) != null && message.contains("no usable credentials")) {
            return new InventoryFailure(Reason.NO_ACCESS, message);
        }
        return new InventoryFailure(Reason.OTHER, message);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable c = e;
        for (int depth = 0; c != null && depth < 10; depth++) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            c = c.getCause() == c ? null : c.getCause();
        }
        return null;
    }
}
