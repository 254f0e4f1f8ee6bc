package dev.layerstudio.inspect;

import java.io.IOException;

/** Reading a published layer over HTTP failed: the server refused, or sent something else than asked. */
class RemoteReadException extends IOException {

    RemoteReadException(String message) {
        super(message);
    }

    RemoteReadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The object behind the URL changed between two requests (another ETag or size): the read starts again. */
    static final class ContentChanged extends RemoteReadException {
        ContentChanged(String message) {
            super(message);
        }
    }
}
