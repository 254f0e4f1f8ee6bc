package dev.layerstudio.reliability;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LambdaProbe;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ProbeRequest;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.testing.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link ProbeKillTest} kills: tests a zip in Lambda through a front whose Invoke
 * never answers in time, journalling in the data folder of {@code -Dlayerstudio.home}.
 * Arguments: endpoint, zip.
 */
public final class ProbeUntilKilled {

    private ProbeUntilKilled() {
    }

    public static void main(String[] args) {
        try (AwsSession session = AwsSession.builder().credentials(MotoServer.credentials()).region(MotoServer.REGION)
                .endpoint(URI.create(args[0])).build()) {
            new LambdaProbe(session, ProbeJournals.inData(AppDirs.current())).run(new ProbeRequest(null,
                    Path.of(args[1]), "python3.12", "x86_64", List.of(), null, false), ProgressListener.NONE);
        }
        // reaching here means the test failed to kill the process in time; it says so by exiting 0
    }
}
