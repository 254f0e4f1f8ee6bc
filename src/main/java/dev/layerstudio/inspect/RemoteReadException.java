package dev.layerstudio.inspect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Reading a published layer over HTTP failed: no answer, a refusal, or something else than
 * asked. Carries what the user can do about it, which depends on why: an expired link wants
 * a new one, an unknown host a look at the address, a busy server a moment.
 */
class RemoteReadException extends IOException {

    static final String TRY_AGAIN = "Try again.";
    static final String CHECK_NETWORK = "Check the address and your network connection, then try again.";

    private final String hint;

    RemoteReadException(String message) {
        this(message, TRY_AGAIN, null);
    }

    RemoteReadException(String message, Throwable cause) {
        this(message, TRY_AGAIN, cause);
    }

    RemoteReadException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user can do about it, one sentence. */
    String hint() {
        return hint;
    }

    /** The server answered {@code status} instead of the layer's bytes. */
    static RemoteReadException status(int status) {
        if (status == 403) {
            return new RemoteReadException("The download link was refused or has expired (HTTP 403).",
                    "Try again; a download link is valid for a few minutes only.", null);
        }
        if (status == 404 || status == 410) {
            return new RemoteReadException("The server has no file at this address (HTTP " + status + ").",
                    "Check the address; the layer version may have been deleted.", null);
        }
        if (status == 429 || status >= 500) {
            return new RemoteReadException("The server could not answer just now (HTTP " + status + ").",
                    "Try again in a moment.", null);
        }
        return new RemoteReadException("The server answered HTTP " + status + " for the layer's content.");
    }

    /** A request to {@code url} that got no answer: says whether the host is unknown, refused, silent or not trusted. */
    static RemoteReadException unanswered(URI url, IOException e, Duration timeout) {
        String host = url.getHost();
        String where = url.getPort() < 0 ? host : host + ":" + url.getPort();
        if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class)) {
            return new RemoteReadException("The host " + host + " could not be found.", CHECK_NETWORK, e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new RemoteReadException("Connecting to " + where + " timed out.", CHECK_NETWORK, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new RemoteReadException(where + " did not answer within " + timeout.toSeconds() + " seconds.",
                    TRY_AGAIN, e);
        }
        if (e instanceof ConnectException) {
            String why = innermostMessage(e); // the JDK's client says nothing more for a refused connection
            return new RemoteReadException("Could not connect to " + where + (why == null ? "." : " (" + why + ")."),
                    CHECK_NETWORK, e);
        }
        if (causedBy(e, SSLException.class)) {
            return new RemoteReadException("The secure connection to " + host + " failed (" + rootMessage(e) + ").",
                    "Check the address; behind a proxy that inspects TLS, Java must trust the proxy's certificate.", e);
        }
        return new RemoteReadException("The download failed (" + rootMessage(e) + ").", e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        String message = innermostMessage(e);
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** The message nearest the cause (the socket's or TLS's own words), or null when none says anything. */
    private static String innermostMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** The object behind the URL changed between two requests (another ETag or size): the read starts again. */
    static final class ContentChanged extends RemoteReadException {
        ContentChanged(String message) {
            super(message);
        }
    }
}
