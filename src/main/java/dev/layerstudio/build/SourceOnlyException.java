package dev.layerstudio.build;

import dev.layerstudio.model.LayerStudioException;

/**
 * The installer stopped because a requirement has no wheel for the target but exists as
 * a source archive. The engine may build that archive here and try again; when it cannot,
 * this is the sentence the user sees.
 */
final class SourceOnlyException extends LayerStudioException {

    private final String project;
    private final String requirement;

    /**
     * @param project     the project's name ("docopt")
     * @param requirement the requirement as the installer named it ("docopt==0.6.2", "docopt>=0.6")
     */
    SourceOnlyException(String project, String requirement, String message, String hint) {
        super(message, hint, null);
        this.project = project;
        this.requirement = requirement;
    }

    String project() {
        return project;
    }

    String requirement() {
        return requirement;
    }
}
