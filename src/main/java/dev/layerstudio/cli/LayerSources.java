package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerVersionRef;
import java.net.URI;
import java.nio.file.Path;

/**
 * Turns command-line arguments into layers to inspect: a path is a zip or a folder; a
 * layer version ARN is located through AWS (one session, opened on first need); an
 * http(s) URL (such as a pre-signed S3 URL) is read with Range requests.
 */
final class LayerSources implements AutoCloseable {

    private final GlobalOptions global;
    private AwsSession session;

    LayerSources(GlobalOptions global) {
        this.global = global;
    }

    LayerSource resolve(String arg) {
        if (LayerVersionRef.isLayerArn(arg)) {
            if (session == null) {
                session = global.session();
            }
            LayerContentLocation where = new LayerContentLocator().locate(session, arg);
            return LayerSource.Remote.at(where);
        }
        if (arg.startsWith("https://") || arg.startsWith("http://")) {
            URI url = URI.create(arg);
            // The label leaves out the query: a pre-signed URL's query is a credential.
            String label = url.getScheme() + "://" + url.getAuthority() + url.getPath();
            return new LayerSource.Remote(url, label, null, -1);
        }
        return LayerSource.of(Path.of(arg));
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
