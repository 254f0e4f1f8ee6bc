package dev.layerstudio.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A project's regions survive the other regions arriving, and a choice there is saved with the session's own. */
class ProjectPublishOptionsTest {

    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty license = new SimpleStringProperty("");
    private final StringProperty bucket = new SimpleStringProperty("");
    private final ObservableList<PublishChoice> regions = FXCollections.observableArrayList(
            c -> new Observable[] {c.selectedProperty()});

    @Test
    void theProjectsRegionsAreChosenWhenTheyArriveAndAChoiceIsSaved() {
        WizardState state = new WizardState(Runnable::run);
        try (AwsSession session = AwsSession.builder().credentials(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("k", "s"))).region("us-east-1").build()) {
            state.sessionProperty().set(session);
            state.publishOptionsProperty().set(new LayerProject.Publish("", "MIT", null,
                    List.of("us-east-1", "eu-west-1")));
            ProjectPublishOptions options = new ProjectPublishOptions(state, description, license, bucket, regions);
            options.fill(() -> license.set(""));
            assertThat(license.get()).isEqualTo("MIT");

            options.regionsLoaded(() -> regions.setAll(new PublishChoice("eu-west-1", false),
                    new PublishChoice("ap-southeast-2", false)));
            assertThat(regions).filteredOn(c -> c.selectedProperty().get()).extracting(PublishChoice::id)
                    .containsExactly("eu-west-1");
            assertThat(state.publishOptionsProperty().get().regions()).containsExactly("us-east-1", "eu-west-1");

            regions.get(1).selectedProperty().set(true);
            assertThat(state.publishOptionsProperty().get().regions())
                    .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
            regions.forEach(c -> c.selectedProperty().set(false));
            assertThat(state.publishOptionsProperty().get().regions()).as("the connection's region only").isEmpty();
        }
    }
}
