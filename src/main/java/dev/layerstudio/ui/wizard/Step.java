package dev.layerstudio.ui.wizard;

/** The six steps of the wizard, in the order of the Lambda console's flow. */
public enum Step {
    CONNECT("connect"),
    LAYER("layer"),
    CONTENTS("contents"),
    INSPECT("inspect"),
    PUBLISH("publish"),
    ATTACH("attach");

    private final String key;

    Step(String key) {
        this.key = key;
    }

    /** The key of the step's texts in the bundle and the name of its FXML file. */
    public String key() {
        return key;
    }

    public String fxml() {
        return "/dev/layerstudio/ui/" + key + "/" + key + ".fxml";
    }
}
