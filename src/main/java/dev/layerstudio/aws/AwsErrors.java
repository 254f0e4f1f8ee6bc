package dev.layerstudio.aws;

import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CancellationException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns SDK exceptions into one plain sentence that says what happened and what to do. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /**
     * @param e      what the SDK threw
     * @param action what we were trying to do, as a verb phrase ("list the layers")
     */
    public static RuntimeException translate(RuntimeException e, String action) {
        if (e instanceof CancellationException ce) {
            return ce;
        }
        if (cancelled(e)) {
            // the SDK clears the interrupt when it aborts a call; cancelling is the interrupt, so keep it
            Thread.currentThread().interrupt();
            return new CancellationException("Cancelled while trying to " + action);
        }
        LayerStudioException known = findLayerStudioException(e);
        if (known != null) {
            return known;
        }
        if (e instanceof AwsServiceException ase) {
            return fromService(ase, action);
        }
        if (e instanceof SdkClientException sce) {
            return fromClient(sce, action);
        }
        return e;
    }

    private static LayerStudioException fromService(AwsServiceException e, String action) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        int status = e.statusCode();
        String base = "Could not " + action + ": ";
        if (isClockSkew(code, detail)) {
            return new LayerStudioException(base + "this computer's clock is too far from AWS's time.",
                    "Set the clock right (turn on automatic time) and try again.", e);
        }
        if (status == 401 || status == 403 || isOneOf(code, "ExpiredToken", "ExpiredTokenException",
                "InvalidClientTokenId", "UnrecognizedClientException", "AccessDenied", "AccessDeniedException",
                "SignatureDoesNotMatch", "InvalidSignatureException")) {
            if (isOneOf(code, "ExpiredToken", "ExpiredTokenException")) {
                return new LayerStudioException(base + "your credentials have expired.",
                        "Sign in again (aws sso login, or refresh the profile's keys).", e);
            }
            if (isOneOf(code, "AccessDenied", "AccessDeniedException")) {
                return new LayerStudioException(base + "access denied (" + detail + ").",
                        "Ask for the missing permission, or choose another role.", e);
            }
            return new LayerStudioException(base + "AWS did not accept these credentials (" + code + ").",
                    "Check the profile's keys, or sign in again.", e);
        }
        if (status == 429 || e.isThrottlingException() || isOneOf(code, "TooManyRequestsException",
                "ThrottlingException", "Throttling", "SlowDown", "RequestLimitExceeded")) {
            return new LayerStudioException(base + "AWS is throttling requests and retries did not get through.",
                    "Wait a minute and try again.", e);
        }
        if (status >= 500) {
            // the service's own words when it gave some (the sandbox's front says why moto is unreachable)
            String why = detail == null || detail.isBlank() || e.awsErrorDetails() == null ? "" : ": " + detail;
            return new LayerStudioException(base + "AWS answered with a server error (" + status + why + ").",
                    "Try again; nothing was changed by the failed call.", e);
        }
        String text = detail == null || detail.isBlank() ? code : detail;
        return new LayerStudioException(base + text + (code != null && !text.contains(code) ? " (" + code + ")" : "")
                + ".", null, e);
    }

    private static LayerStudioException fromClient(SdkClientException e, String action) {
        Throwable root = rootCause(e);
        if (root instanceof UnknownHostException || root instanceof ConnectException) {
            return new LayerStudioException("Could not " + action + ": the endpoint cannot be reached ("
                    + root.getMessage() + ").", "Check the network, the region and the endpoint URL.", e);
        }
        if (root instanceof SocketTimeoutException || root instanceof HttpTimeoutException
                || e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new LayerStudioException("Could not " + action + ": AWS did not answer in time.",
                    "Check the network and try again.", e);
        }
        if (root instanceof IOException) {
            return new LayerStudioException("Could not " + action + ": the connection broke off ("
                    + firstSentence(String.valueOf(root.getMessage())).replaceAll("\\.$", "") + ").",
                    "Check the network and try again.", e);
        }
        String msg = e.getMessage() == null ? root.toString() : e.getMessage();
        if (msg.contains("Command returned non-zero exit value") || msg.contains("credential_process")
                || msg.contains("ProcessCredentialsProvider")) {
            return new LayerStudioException("Could not " + action + ": the profile's credential_process failed ("
                    + firstSentence(msg).replaceAll("\\.$", "") + ").",
                    "Run the command yourself to see why, then try again.", e);
        }
        if (msg.contains("Unable to load credentials") || msg.contains("Unable to load region")) {
            return new LayerStudioException("Could not " + action + ": no usable credentials were found.",
                    "Choose a profile, sign in with SSO, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", e);
        }
        return new LayerStudioException("Could not " + action + ": " + firstSentence(msg), null, e);
    }

    /** Whether the failure is a cancel: the thread was interrupted and the SDK aborted the call. */
    static boolean cancelled(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        Throwable c = e;
        for (int depth = 0; c != null && depth < 10; depth++) {
            if (c instanceof AbortedException || c instanceof InterruptedException
                    || c instanceof java.io.InterruptedIOException && !(c instanceof SocketTimeoutException)) {
                return true;
            }
            c = c.getCause() == c ? null : c.getCause();
        }
        return false;
    }

    /** The first {@link LayerStudioException} in the cause chain (the SDK wraps what credential providers throw). */
    public static LayerStudioException findLayerStudioException(Throwable e) {
        Throwable c = e;
        for (int depth = 0; c != null && depth < 10; depth++) {
            if (c instanceof LayerStudioException lse) {
                return lse;
            }
            c = c.getCause() == c ? null : c.getCause();
        }
        return null;
    }

    private static boolean isClockSkew(String code, String detail) {
        if (isOneOf(code, "RequestExpired", "RequestTimeTooSkewed", "RequestInTheFuture")) {
            return true;
        }
        String d = detail == null ? "" : detail;
        return isOneOf(code, "SignatureDoesNotMatch", "InvalidSignatureException")
                && (d.contains("Signature expired") || d.contains("Signature not yet current"));
    }

    private static boolean isOneOf(String code, String... options) {
        if (code == null) {
            return false;
        }
        for (String o : options) {
            if (o.equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String firstSentence(String msg) {
        int dot = msg.indexOf(". ");
        String s = dot > 0 ? msg.substring(0, dot + 1) : msg;
        return s.endsWith(".") ? s : s + ".";
    }
}
