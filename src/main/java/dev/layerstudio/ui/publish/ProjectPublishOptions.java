package dev.layerstudio.ui.publish;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Publish step's options and the wizard's (an opened project's) both ways: what the project
 * says is filled in after the step's own defaults for a layer, and every edit on the step is
 * kept in {@link WizardState#publishOptionsProperty()}, which a saved project writes out.
 * Regions: the project lists every region to publish in (empty for the connection's own); the
 * step shows the connection's region and offers the others.
 */
final class ProjectPublishOptions {

    private final WizardState state;
    private final StringProperty description;
    private final StringProperty license;
    private final StringProperty bucket;
    private final ObservableList<PublishChoice> otherRegions;
    private List<String> wantedRegions = List.of();
    private boolean filling;

    ProjectPublishOptions(WizardState state, StringProperty description, StringProperty license,
                          StringProperty bucket, ObservableList<PublishChoice> otherRegions) {
        this.state = state;
        this.description = description;
        this.license = license;
        this.bucket = bucket;
        this.otherRegions = otherRegions; // its choices are observed through the list's extractor
        for (Observable o : List.of(description, license, bucket, otherRegions)) {
            o.addListener(x -> save());
        }
    }

    /** Runs the step's own defaults for a layer, then fills in what the wizard's options say. */
    void fill(Runnable defaults) {
        LayerProject.Publish wanted = state.publishOptionsProperty().get();
        filling = true;
        try {
            defaults.run();
            if (wanted != null) {
                if (!wanted.description().isBlank()) {
                    description.set(wanted.description());
                }
                if (!wanted.license().isBlank()) {
                    license.set(wanted.license());
                }
                if (wanted.s3Bucket() != null) {
                    bucket.set(wanted.s3Bucket());
                }
                wantedRegions = wanted.regions();
                chooseWantedRegions();
            }
        } finally {
            filling = false;
        }
        save();
    }

    /**
     * Puts the other regions in (they are read in the background) and chooses the wanted ones;
     * the list's own change is not an edit (it would forget what the project wants).
     */
    void regionsLoaded(Runnable putIn) {
        filling = true;
        try {
            putIn.run();
            chooseWantedRegions();
        } finally {
            filling = false;
        }
        save();
    }

    private void chooseWantedRegions() {
        if (!wantedRegions.isEmpty()) {
            otherRegions.forEach(c -> c.selectedProperty().set(wantedRegions.contains(c.id())));
        }
    }

    private void save() {
        if (filling) {
            return;
        }
        List<String> regions = new ArrayList<>();
        if (otherRegions.isEmpty()) {
            regions.addAll(wantedRegions); // not read yet: what was wanted stays
        } else {
            List<String> others = otherRegions.stream().filter(c -> c.selectedProperty().get())
                    .map(PublishChoice::id).toList();
            AwsSession session = state.sessionProperty().get();
            if (!others.isEmpty() && session != null) {
                regions.add(session.region());
                regions.addAll(others);
            }
        }
        wantedRegions = List.copyOf(regions);
        state.publishOptionsProperty().set(new LayerProject.Publish(description.get(), license.get(), bucket.get(),
                regions));
    }
}
