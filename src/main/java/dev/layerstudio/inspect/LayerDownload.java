package dev.layerstudio.inspect;

import dev.layerstudio.model.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/** A published version's whole zip, downloaded once into a temporary file and checked against its CodeSha256. */
final class LayerDownload {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private LayerDownload() {
    }

    static Path fetch(HttpClient http, LayerSource.Remote remote, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path file = Files.createTempFile(workDir, "layer-", ".zip");
        boolean ok = false;
        try {
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(remote.url()).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw RemoteReadException.unanswered(remote.url(), e, TIMEOUT);
            }
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw RemoteReadException.status(response.statusCode());
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                    copy(in, out);
                }
                String got = Base64.getEncoder().encodeToString(sha.digest());
                if (remote.codeSha256() != null && !remote.codeSha256().equals(got)) {
                    throw new RemoteReadException("The downloaded zip's SHA-256 is not the version's CodeSha256.");
                }
            }
            ok = true;
            return file;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Download cancelled.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Copies at most a little more than Lambda's largest layer zip could be. */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("Download cancelled.");
            }
            total += n;
            if (total > Limits.UNZIPPED_TOTAL_BYTES) {
                throw new RemoteReadException("The download is larger than any layer can be.");
            }
            out.write(buffer, 0, n);
        }
    }
}
